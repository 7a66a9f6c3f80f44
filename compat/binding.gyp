# binding.gyp: the SDK's own native part, built when node-waf-compat is
# installed (its install script: compat-gyp rebuild): the IOWatcher of
# node 0.2-0.8 that the legacy preload (legacy/index.js) serves as
# process.binding('io_watcher').  It is a legacy addon itself, in the node
# 0.4 API, with the runtime attached as any old addon attaches it.
{
  'targets': [
    {
      'target_name': 'io_watcher',
      'sources': ['legacy/io_watcher.cc'],
      'dependencies': ['compat.gyp:compat_runtime'],
      'cflags': ['-Wall', '-Wextra'],
    },
  ],
}
