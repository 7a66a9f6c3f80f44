// node_includes.js: an addon that includes <node/node.h>, <node/v8.h>,
// <node/node_buffer.h>, ... (the node_includes addon) sees the headers of the node it
// is built for, on Node 0.8.28 and on modern Node.
'use strict';
var common = require('./common');
var show = common.show;
var addon = common.addon();

var version = addon.version();
show('a node 0.x version', version[0] === 0 && version[1] >= 4);
show('buffer', addon.bufferBytes().toString());
show('a local named errno', addon.localErrno(41));
show('memcpy without string.h', addon.stringFunctions());
