'use strict';
// http_parser.js: process.binding('http_parser') on Node 24 and later,
// which removed it.  node 0.x glue often looked its HTTPParser up as it
// loaded and used it for one feature only (node_pcap's HTTP tracking, say).
// node 0.x's parser API (new HTTPParser(type), execute(buffer, start,
// length), onHeadersComplete(info), ...) is not the one of Node's parser
// today, so the class is there to be looked up and throws, naming what to
// do instead, when it is constructed.  Up to Node 22 Node's own binding
// answers, unchanged.

const http = require('http');
const binding = require('./binding');
const { deprecated } = require('./warn');

function HTTPParser() {
  throw new Error('process.binding(\'http_parser\').HTTPParser: node 0.x\'s ' +
    'HTTP parser is not restored by node-waf-compat/legacy (Node\'s own ' +
    'parser has another API); parse HTTP with the http module instead');
}
// node 0.x's values (http_parser.h: HTTP_REQUEST, HTTP_RESPONSE).
HTTPParser.REQUEST = 0;
HTTPParser.RESPONSE = 1;

let served = null;

function install() {
  binding.define('http_parser', (nodeBinding) => {
    if (served === null) {
      try {
        return nodeBinding('http_parser');
      } catch {
        served = { HTTPParser, methods: http.METHODS.slice() };
      }
    }
    deprecated('NWC_BINDING_HTTP_PARSER',
      'process.binding(\'http_parser\') is gone from Node 24; ' +
      'node-waf-compat/legacy serves one whose HTTPParser throws when ' +
      'constructed. Use the http module instead.');
    return served;
  });
}

module.exports = { install };
