# bad_modules: addons that load wrongly, one per load error the runtime
# reports (see each .cc).
{
  'targets': [
    {
      'target_name': 'bad_no_entry',
      'sources': ['no_entry.cc'],
      'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
    },
    {
      'target_name': 'bad_version',
      'sources': ['version.cc'],
      'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
    },
    {
      'target_name': 'bad_two_modules',
      'sources': ['two_modules.cc'],
      'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
    },
  ],
}
