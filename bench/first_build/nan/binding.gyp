{
  'targets': [{
    'target_name': 'small',
    'sources': ['small.cc'],
    'include_dirs': ["<!(node -e \"require('nan')\")"],
  }],
}
