# v8_namespaces: a legacy-style test addon (see v8_namespaces.cc).
{
  'targets': [{
    'target_name': 'v8_namespaces',
    'sources': ['v8_namespaces.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
