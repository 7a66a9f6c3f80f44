# eio_custom: a legacy-style test addon (see eio_custom.cc).
{
  'targets': [{
    'target_name': 'eio_custom',
    'sources': ['eio_custom.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
