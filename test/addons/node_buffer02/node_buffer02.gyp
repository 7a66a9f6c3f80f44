# node_buffer02: a legacy-style test addon (see node_buffer02.cc).
{
  'targets': [{
    'target_name': 'node_buffer02',
    'sources': ['node_buffer02.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
