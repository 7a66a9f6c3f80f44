# Options: waf 1.5's module of the command line.  node_waf.py fills it in:
#   options   the parsed options (optparse values), set_options() ones too
#   commands  {'configure': True/0, 'build': ..., 'clean': ...}: what the
#             command line asked for (shutdown hooks test it)
import os

import Utils

cmds = 'distclean configure build install clean uninstall check dist ' \
    'distcheck'.split()
commands = {}
options = {}
arg_line = []
launch_dir = ''
tooldir = ''
is_install = False
lockfile = os.environ.get('WAFLOCK', '.lock-wscript')
platform = Utils.unversioned_sys_platform()
Handler = None  # set by waf_options (the set_options context class)
