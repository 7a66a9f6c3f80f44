# hardening: a legacy-style test addon (see hardening.cc).
{
  'targets': [{
    'target_name': 'hardening',
    'sources': ['hardening.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
