# v8_exceptions: a legacy-style test addon (see v8_exceptions.cc).
{
  'targets': [{
    'target_name': 'v8_exceptions',
    'sources': ['v8_exceptions.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
