# compat.gyp: the legacy SDK as a gyp target.  An old addon attaches it with
#   'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"]
# which links the runtime and puts compat/include (the old headers) ahead of
# Node's own on the addon's include path.
#
# By default the runtime is compiled here, as a static library of src/*.cc.
# node-waf builds it once per node and compiler instead (waf/runtime_cache.py)
# and passes the archive as -Dcompat_runtime_lib=/path/to/libcompat_runtime.a:
# then this target compiles nothing and links that archive, and what it gives
# the addon (headers, defines, flags) is the same.
{
  'variables': {
    'compat_runtime_lib%': '',
  },
  'targets': [
    {
      'target_name': 'compat_runtime',
      'conditions': [
        ['compat_runtime_lib==""', {
          'type': 'static_library',
          # Every file of the runtime: src/*.cc (one concern per file).
          'sources': [
            "<!@(node -p \"require('fs').readdirSync('src').filter((f) => f.endsWith('.cc')).map((f) => 'src/' + f).join(' ')\")",
          ],
          'include_dirs': ["<!(node -e \"require('nan')\")"],
          'cflags': ['-Wall', '-Wextra'],
          # The runtime sees the real V8 and Node headers beside the facade,
          # so the facade's namespaces v8::legacy and node::legacy are not
          # inline there (include/legacy/namespaces.h).
          'defines': ['COMPAT_LEGACY_RUNTIME'],
          # Runtime member functions check `this` against null (old code
          # calling through an empty handle); keep GCC from assuming it
          # cannot be.  The ev layer reads every watcher through libev's
          # common ev_watcher prefix, as libev itself does.
          'cflags_cc': ['-fno-delete-null-pointer-checks',
                        '-fno-strict-aliasing'],
        }, {
          'type': 'none',
          # After the addon's objects, as the static library would be: the
          # addon's references to the runtime (every legacy translation unit
          # holds one to compat_runtime_anchor) pull in its members.
          'link_settings': {'libraries': ['<(compat_runtime_lib)']},
        }],
      ],
      'direct_dependent_settings': {
        # The old headers must come before Node's own v8.h and node.h.  gyp
        # consumes one '+' when it loads this file (merging this target into
        # its defaults) and the second when it hands these settings to the
        # addon, where it means "prepend".
        'include_dirs++': ['include'],
        # node-waf compiled with the compiler's defaults of the era: GNU
        # C++98, exceptions and RTTI on, large-file offsets.  Prepended
        # ('++', as include_dirs above), so that the addon's own flags
        # come after them and a -std= of its own wins.
        'cflags_cc!': ['-fno-rtti', '-fno-exceptions', '-std=gnu++17',
                       '-std=gnu++20'],
        'cflags_cc++': ['-frtti', '-fexceptions', '-std=gnu++98',
                        # Old code passes 2012 libuv callbacks through the
                        # libuv 1.x typedefs of the same name (uv_async_cb
                        # took an int status then): GCC reports the
                        # conversion and builds it, as a warning.
                        '-fpermissive'],
        # node-waf built with -g and no optimisation, so old code never met
        # strict-aliasing optimisations (libev-style watcher casts abound).
        'cflags+': ['-fno-strict-aliasing'],
        'defines': ['_GNU_SOURCE', '_LARGEFILE_SOURCE',
                    '_FILE_OFFSET_BITS=64'],
      },
    },
  ],
}
