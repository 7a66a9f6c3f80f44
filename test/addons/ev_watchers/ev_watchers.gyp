# ev_watchers: a legacy-style test addon (see ev_watchers.cc).
{
  'targets': [{
    'target_name': 'ev_watchers',
    'sources': ['ev_watchers.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
