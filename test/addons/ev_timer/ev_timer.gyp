# ev_timer: a legacy-style test addon (see ev_timer.cc), compiled the way
# node 0.4's node-waf compiled every addon: -DEV_MULTIPLICITY=0.
{
  'targets': [{
    'target_name': 'ev_timer',
    'sources': ['ev_timer.cc'],
    'defines': ['EV_MULTIPLICITY=0'],
    'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"],
  }],
}
