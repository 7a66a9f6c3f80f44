# uv_errors: a legacy-style test addon whose libuv half is C (uv_errors_c.c;
# gyp would give uv_errors.c and uv_errors.cc one object file)
# and whose binding is C++ (uv_errors.cc).
{
  'targets': [{
    'target_name': 'uv_errors',
    'sources': ['uv_errors_c.c', 'uv_errors.cc'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
