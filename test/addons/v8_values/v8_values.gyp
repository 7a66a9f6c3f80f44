# v8_values: a legacy-style test addon (see v8_values.cc).
{
  'targets': [{
    'target_name': 'v8_values',
    'sources': ['v8_values.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
