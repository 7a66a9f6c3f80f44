# uv_work: a legacy-style test addon (see uv_work.cc).
{
  'targets': [{
    'target_name': 'uv_work',
    'sources': ['uv_work.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
