# binding.gyp: texample (src/texample.cc, node 0.4 API) built on modern Node
# with the legacy SDK attached, plus the legacy-style test addons.
{
  'targets': [
    {
      'target_name': 'texample',
      'sources': ['src/texample.cc'],
      'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
    },
    {
      # node-waf put the module in build/default/; old loaders look there.
      'target_name': 'texample_node_waf_layout',
      'type': 'none',
      'dependencies': ['texample'],
      'copies': [{
        'destination': '<(module_root_dir)/build/default',
        'files': ['<(PRODUCT_DIR)/texample.node'],
      }],
    },
    {
      # Every test/addons/<concern>/<concern>.gyp, built into build/Release.
      'target_name': 'test_addons',
      'type': 'none',
      'dependencies': ['<!@(node test/addons/list.js)'],
    },
  ],
}
