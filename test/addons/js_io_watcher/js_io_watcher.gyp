# js_io_watcher: a legacy-style test addon (see js_io_watcher.cc), and the
# SDK's own IOWatcher (compat/binding.gyp) built for the node this build is
# for and put where the legacy preload loads it (compat/build/Release), so
# that every node of the version matrix tests its own build.
{
  'targets': [
    {
      'target_name': 'js_io_watcher',
      'sources': ['js_io_watcher.cc'],
      'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
    },
    {
      'target_name': 'js_io_watcher_sdk',
      'type': 'none',
      'dependencies': ['../../../compat/binding.gyp:io_watcher'],
      'copies': [{
        'destination': '<(module_root_dir)/compat/build/Release',
        'files': ['<(PRODUCT_DIR)/io_watcher.node'],
      }],
    },
  ],
}
