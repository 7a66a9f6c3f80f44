# node_fork: a legacy-style test addon (see node_fork.cc).
{
  'targets': [{
    'target_name': 'node_fork',
    'sources': ['node_fork.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
