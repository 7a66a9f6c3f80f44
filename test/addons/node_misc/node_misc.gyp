# node_misc: a legacy-style test addon (see node_misc.cc).
{
  'targets': [{
    'target_name': 'node_misc',
    'sources': ['node_misc.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
