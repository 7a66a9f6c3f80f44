# wscript: builds texample with node-waf, the way it was built in 2011:
#
#   $ node-waf configure build
#   $ node
#   > texample = require('./build/default/texample');
#
# (npm install builds the same module from binding.gyp.)

srcdir = '.'
blddir = 'build'
VERSION = '0.1.0'
APPNAME = 'texample'

def set_options(opt):
  opt.tool_options('compiler_cxx')

def configure(conf):
  conf.check_tool('compiler_cxx')
  conf.check_tool('node_addon')
  conf.check(lib='pthread', uselib_store='PTHREAD', mandatory=True)

def build(bld):
  obj = bld.new_task_gen('cxx', 'shlib', 'node_addon')
  obj.cxxflags = ['-g', '-D_FILE_OFFSET_BITS=64', '-D_LARGEFILE_SOURCE',
                  '-Wall']
  obj.target = 'texample'
  obj.source = 'src/texample.cc'
  obj.uselib = 'PTHREAD'
