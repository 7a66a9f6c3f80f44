# ev_loop: a legacy-style test addon (see ev_loop.cc).
{
  'targets': [{
    'target_name': 'ev_loop',
    'sources': ['ev_loop.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
