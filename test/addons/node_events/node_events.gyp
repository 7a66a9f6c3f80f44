# node_events: a legacy-style test addon (see node_events.cc).
{
  'targets': [{
    'target_name': 'node_events',
    'sources': ['node_events.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
