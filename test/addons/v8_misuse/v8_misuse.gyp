# v8_misuse: a legacy-style test addon (see v8_misuse.cc).
{
  'targets': [{
    'target_name': 'v8_misuse',
    'sources': ['v8_misuse.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
