# v8_objects: a legacy-style test addon (see v8_objects.cc).
{
  'targets': [{
    'target_name': 'v8_objects',
    'sources': ['v8_objects.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
