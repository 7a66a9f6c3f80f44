# js_buffer: a legacy-style test addon (see js_buffer.cc).
{
  'targets': [{
    'target_name': 'js_buffer',
    'sources': ['js_buffer.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
