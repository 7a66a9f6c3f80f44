# node_includes: a legacy-style test addon (see node_includes.cc).
{
  'targets': [{
    'target_name': 'node_includes',
    'sources': ['node_includes.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
