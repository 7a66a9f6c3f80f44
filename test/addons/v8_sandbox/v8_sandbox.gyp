# v8_sandbox: a legacy-style test addon (see v8_sandbox.cc).
{
  'targets': [{
    'target_name': 'v8_sandbox',
    'sources': ['v8_sandbox.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
