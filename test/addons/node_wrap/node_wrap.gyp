# node_wrap: a legacy-style test addon (see node_wrap.cc).
{
  'targets': [{
    'target_name': 'node_wrap',
    'sources': ['node_wrap.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
