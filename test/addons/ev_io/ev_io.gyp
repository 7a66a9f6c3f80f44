# ev_io: a legacy-style test addon (see ev_io.cc).
{
  'targets': [{
    'target_name': 'ev_io',
    'sources': ['ev_io.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
