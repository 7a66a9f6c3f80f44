# ev_async: a legacy-style test addon (see ev_async.cc).
{
  'targets': [{
    'target_name': 'ev_async',
    'sources': ['ev_async.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
