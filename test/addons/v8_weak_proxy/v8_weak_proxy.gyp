# v8_weak_proxy: a legacy-style test addon (see v8_weak_proxy.cc).
{
  'targets': [{
    'target_name': 'v8_weak_proxy',
    'sources': ['v8_weak_proxy.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
