# v8_stress: a legacy-style test addon (see v8_stress.cc).
{
  'targets': [{
    'target_name': 'v8_stress',
    'sources': ['v8_stress.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
