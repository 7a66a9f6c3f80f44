# node_buffer: a legacy-style test addon (see node_buffer.cc).
{
  'targets': [{
    'target_name': 'node_buffer',
    'sources': ['node_buffer.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
