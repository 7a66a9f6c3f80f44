# v8_strings: a legacy-style test addon (see v8_strings.cc).
{
  'targets': [{
    'target_name': 'v8_strings',
    'sources': ['v8_strings.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
