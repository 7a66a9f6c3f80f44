# addons.gypi: the legacy-style test addons (test/addons/<concern>/), built
# with texample by the root binding.gyp; each attaches the SDK as any old
# addon would.
{
  'targets': [
    {
      'target_name': 'ev_async',
      'sources': ['ev_async/ev_async.cc'],
      'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
    },
  ],
}
