# bench/binding.gyp: the addons `npm run bench` compares.  texample itself
# (the legacy variant) comes from the repository's build.
{
  'target_defaults': {
    # NAN's NODE_MODULE casts the init function inside Node's own header.
    'cflags_cc': ['-Wno-cast-function-type'],
  },
  'targets': [
    {
      'target_name': 'wake_floor',
      'type': 'executable',
      'sources': ['addons/wake_floor.c'],
      'libraries': ['-lpthread'],
    },
    {
      'target_name': 'bench_ref',
      'sources': ['../examples/texample-nan/texample_nan.cc'],
      'include_dirs': ["<!(node -e \"require('nan')\")"],
    },
    {
      'target_name': 'legacy_pingpong',
      'sources': ['addons/legacy_pingpong.cc'],
      'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
    },
    {
      'target_name': 'ref_pingpong',
      'sources': ['addons/ref_pingpong.cc'],
      'include_dirs': ["<!(node -e \"require('nan')\")"],
    },
    {
      'target_name': 'legacy_overhead',
      'sources': ['addons/legacy_overhead.cc'],
      'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
    },
    {
      'target_name': 'nan_overhead',
      'sources': ['addons/nan_overhead.cc'],
      'include_dirs': ["<!(node -e \"require('nan')\")"],
    },
    {
      'target_name': 'tsfn',
      'sources': ['addons/tsfn.cc'],
      'include_dirs': ["<!(node -p \"require('node-addon-api').include_dir\")"],
      'defines': ['NAPI_DISABLE_CPP_EXCEPTIONS'],
    },
  ],
}
