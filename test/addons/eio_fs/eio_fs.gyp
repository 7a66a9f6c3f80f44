# eio_fs: a legacy-style test addon (see eio_fs.cc).
{
  'targets': [{
    'target_name': 'eio_fs',
    'sources': ['eio_fs.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
