{
  'targets': [{
    'target_name': 'texample_nan',
    'sources': ['texample_nan.cc'],
    'include_dirs': ["<!(node -e \"require('nan')\")"],
  }],
}
