# Constants: waf 1.5's constants module, as node-waf wscripts read it.
# The variant is 'default', node 0.4's build/default (0.6 and 0.8 shipped a
# waf that said 'Release').
HEXVERSION = 0x105016
WAFVERSION = '1.5.16'
WAFREVISION = 'node-waf-compat'
ABI = 7

O644 = 0o644
O755 = 0o755

CACHE_DIR = 'c4che'
CACHE_SUFFIX = '.cache.py'
DBFILE = '.wafpickle-%d' % ABI
WSCRIPT_FILE = 'wscript'
WSCRIPT_BUILD_FILE = 'wscript_build'
WAF_CONFIG_LOG = 'config.log'
WAF_CONFIG_H = 'config.h'

VARIANT = '_VARIANT_'
DEFAULT = 'default'

SRCDIR = 'srcdir'
BLDDIR = 'blddir'
APPNAME = 'APPNAME'
VERSION = 'VERSION'

DEFINES = 'defines'
UNDEFINED = ()

BREAK = 'break'
CONTINUE = 'continue'

NOT_RUN = 0
MISSING = 1
CRASHED = 2
EXCEPTION = 3
SKIPPED = 8
SUCCESS = 9

CFG_FILES = 'cfg_files'
INSTALL = 1337
UNINSTALL = -1337
