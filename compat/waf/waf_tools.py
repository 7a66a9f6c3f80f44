# waf_tools.py: the waf 1.5 tools node-waf wscripts loaded, as
# opt.tool_options(name) (their command-line options) and
# conf.check_tool(name) (what they detect and store in conf.env).
#
# A tool's detect() records what it stores that the gyp build supplies by
# itself (Node's headers and defines, which the SDK's gyp dependency and
# node-gyp provide; CXXFLAGS/LDFLAGS from the environment, which make reads
# again), so that the generated binding.gyp does not repeat them.
import os
import platform
import shutil
import subprocess

import Options
import Utils

_MACHINES = {'x86_64': 'x86_64', 'amd64': 'x86_64', 'i386': 'x86',
             'i686': 'x86', 'aarch64': 'aarch64', 'arm64': 'aarch64',
             'armv7l': 'arm', 'ppc64le': 'powerpc', 's390x': 's390x'}


def _dest(conf):
    conf.env['DEST_OS'] = Utils.unversioned_sys_platform()
    conf.env['DEST_BINFMT'] = 'elf' if conf.env['DEST_OS'] != 'darwin' \
        else 'mac-o'
    machine = platform.machine()
    conf.env['DEST_CPU'] = _MACHINES.get(machine.lower(), machine)


# The variables make reads from the environment again when node-gyp builds
# (gyp's Makefile: CXXFLAGS.target ?= $(CPPFLAGS) $(CXXFLAGS), LDFLAGS.target
# ?= $(LDFLAGS), ...).  LINKFLAGS is waf's own name, which make ignores.
_MAKE_READS = ('CFLAGS', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS')


def os_flags(conf, var, dest=None):
    # waf's add_os_flags: CXXFLAGS etc. from the environment.  What make
    # applies again when node-gyp builds the gyp file leaves out; the rest
    # (LINKFLAGS) goes into it.
    if var in conf.environ:
        values = Utils.to_list(conf.environ[var])
        conf.env.append_value(dest or var, values)
        if var in _MAKE_READS:
            conf.provide(dest or var, values)


def _compiler(conf, var, names, name_var, kind):
    program = conf.environ.get(var)
    path = None
    if program:
        path = shutil.which(Utils.to_list(program)[0]) or program
    else:
        for name in names:
            path = shutil.which(name)
            if path:
                break
    conf.check_message_1('Checking for program %s' % ' or '.join(names))
    if not path:
        conf.check_message_2('not found', 'YELLOW')
        conf.fatal('could not configure a %s compiler!' % kind)
    conf.check_message_2(path)
    conf.env[var] = [path] + Utils.to_list(program or '')[1:]
    try:
        version = subprocess.run([path, '-dumpversion'],
                                 stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL,
                                 universal_newlines=True).stdout.strip()
    except OSError:
        version = ''
    conf.env[name_var] = 'gcc'
    conf.env[var + '_VERSION'] = tuple(version.split('.'))
    _dest(conf)


def detect_gxx(conf):
    _compiler(conf, 'CXX', ['g++', 'c++'], 'CXX_NAME', 'cxx')
    conf.env['LINK_CXX'] = conf.env['CXX']
    os_flags(conf, 'CXXFLAGS')
    os_flags(conf, 'CPPFLAGS')
    os_flags(conf, 'LINKFLAGS')
    os_flags(conf, 'LDFLAGS', 'LINKFLAGS')
    conf.loaded_languages.add('cxx')


def detect_gcc(conf):
    _compiler(conf, 'CC', ['gcc', 'cc'], 'CC_NAME', 'c')
    conf.env['LINK_CC'] = conf.env['CC']
    os_flags(conf, 'CFLAGS', 'CCFLAGS')
    os_flags(conf, 'CPPFLAGS')
    os_flags(conf, 'LINKFLAGS')
    os_flags(conf, 'LDFLAGS', 'LINKFLAGS')
    conf.loaded_languages.add('cc')


def detect_compiler_cxx(conf):
    # waf's compiler_cxx reads the option its set_options adds.
    if not hasattr(Options.options, 'check_cxx_compiler'):
        conf.fatal("Add set_options(opt): opt.tool_options('compiler_cxx')")
    detect_gxx(conf)
    conf.check_message('g++', '', True)
    conf.env['COMPILER_CXX'] = 'g++'


def detect_compiler_cc(conf):
    if not hasattr(Options.options, 'check_c_compiler'):
        conf.fatal("Add set_options(opt): opt.tool_options('compiler_cc')")
    detect_gcc(conf)
    conf.check_message('gcc', '', True)
    conf.env['COMPILER_CC'] = 'gcc'


def node_prefix():
    if 'PREFIX_NODE' in os.environ:
        return os.environ['PREFIX_NODE']
    return os.path.dirname(os.path.dirname(os.path.abspath(conf_node())))


def conf_node():
    return os.environ.get('NODE_WAF_COMPAT_NODE') or shutil.which('node') \
        or 'node'


def node_path():
    if 'NODE_PATH' in os.environ:
        return os.environ['NODE_PATH']
    if 'HOME' in os.environ:
        return os.path.join(os.environ['HOME'], '.node_libraries')
    return os.path.join(node_prefix(), 'lib', 'node')


def detect_node_addon(conf):
    # As node 0.4's node_addon tool (tools/wafadmin/Tools/node_addon.py).
    # The old headers an addon compiles against are the SDK's, ahead of the
    # running node's own; the gyp dependency on the SDK puts both in place.
    env = conf.env
    prefix = node_prefix()
    env['PREFIX_NODE'] = prefix
    env['LIBPATH_NODE'] = os.path.join(prefix, 'lib')
    env['CPPPATH_NODE'] = [conf.compat_include,
                           os.path.join(prefix, 'include', 'node')]
    env.append_value('CPPFLAGS_NODE', '-D_GNU_SOURCE')
    for var in ('CCFLAGS_NODE', 'CXXFLAGS_NODE'):
        env.append_value(var, '-D_LARGEFILE_SOURCE')
        env.append_value(var, '-D_FILE_OFFSET_BITS=64')
    for var in ('LIBPATH_NODE', 'CPPPATH_NODE', 'CPPFLAGS_NODE',
                'CCFLAGS_NODE', 'CXXFLAGS_NODE'):
        conf.provide(var, Utils.to_list(env[var]) if isinstance(env[var], str)
                     else list(env[var]))
    env.append_value('CCFLAGS', ['-g'])
    env.append_value('CXXFLAGS', ['-g'])
    env['NODE_PATH'] = node_path()
    env['LIBDIR'] = env['NODE_PATH']
    conf.check_message('node path', '', os.path.exists(env['NODE_PATH']),
                       env['NODE_PATH'])
    conf.check_message('node prefix', '',
                       os.path.exists(os.path.join(prefix, 'bin', 'node')),
                       prefix)


def detect_gnu_dirs(conf):
    env = conf.env
    prefix = env['PREFIX'] or '/usr/local'
    dirs = {'EXEC_PREFIX': prefix, 'BINDIR': '${EXEC_PREFIX}/bin',
            'SBINDIR': '${EXEC_PREFIX}/sbin',
            'LIBEXECDIR': '${EXEC_PREFIX}/libexec',
            'SYSCONFDIR': '${PREFIX}/etc', 'SHAREDSTATEDIR': '${PREFIX}/com',
            'LOCALSTATEDIR': '${PREFIX}/var', 'LIBDIR': '${EXEC_PREFIX}/lib',
            'INCLUDEDIR': '${PREFIX}/include',
            'DATAROOTDIR': '${PREFIX}/share', 'DATADIR': '${DATAROOTDIR}',
            'INFODIR': '${DATAROOTDIR}/info',
            'LOCALEDIR': '${DATAROOTDIR}/locale',
            'MANDIR': '${DATAROOTDIR}/man',
            'DOCDIR': '${DATAROOTDIR}/doc/${PACKAGE}'}
    for _ in range(len(dirs)):
        for name, value in dirs.items():
            if not env[name] or '${' in env[name]:
                env[name] = Utils.subst_vars(value, env) if '${' in value \
                    else value


def _nothing(conf):
    pass


def _options_compiler_cxx(opt):
    group = opt.add_option_group('C++ Compiler Options')
    group.add_option('--check-cxx-compiler', default='g++',
                     dest='check_cxx_compiler',
                     help='the C++ compiler to check for [default: g++]')


def _options_compiler_cc(opt):
    group = opt.add_option_group('C Compiler Options')
    group.add_option('--check-c-compiler', default='gcc',
                     dest='check_c_compiler',
                     help='the C compiler to check for [default: gcc]')


def _options_gnu_dirs(opt):
    group = opt.add_option_group('Installation directories')
    for name in ('bindir', 'sbindir', 'libexecdir', 'sysconfdir', 'libdir',
                 'includedir', 'datarootdir', 'datadir', 'mandir', 'docdir'):
        group.add_option('--' + name, default='', dest=name.upper(),
                         help='installation directory %s' % name)


# name -> (set_options, detect).  'misc' and 'osx' load, as in waf, but
# their features are refused where a task generator uses them.
TOOLS = {
    'compiler_cxx': (_options_compiler_cxx, detect_compiler_cxx),
    'compiler_cc': (_options_compiler_cc, detect_compiler_cc),
    'gxx': (None, detect_gxx),
    'g++': (None, detect_gxx),
    'gcc': (None, detect_gcc),
    'cxx': (None, _nothing),
    'cc': (None, _nothing),
    'node_addon': (None, detect_node_addon),
    'gnu_dirs': (_options_gnu_dirs, detect_gnu_dirs),
    'osx': (None, _nothing),
    'misc': (None, _nothing),
    'ar': (None, _nothing),
}


def known(name):
    return name.replace('++', 'xx') in TOOLS or name in TOOLS


def lookup(name):
    return TOOLS.get(name) or TOOLS.get(name.replace('++', 'xx'))


REFUSAL_INSTEAD = ('node-waf-compat knows the tools node-waf addons used: %s. '
                   'Do what the tool did in a package.json script before '
                   'node-waf runs, or move to a binding.gyp (node-waf --gyp) '
                   'and add an "actions" entry there.')


def names():
    return ', '.join(sorted(TOOLS))
