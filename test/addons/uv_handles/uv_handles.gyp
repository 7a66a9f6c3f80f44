# uv_handles: a legacy-style test addon (see uv_handles.cc).
{
  'targets': [{
    'target_name': 'uv_handles',
    'sources': ['uv_handles.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
