# waf_configure.py: waf 1.5's configuration context (the `conf` of
# configure(conf)).  Checks run for real: conf.check compiles and links a
# test program with the compiler check_tool found, conf.check_cfg runs
# pkg-config (or the -config program named by path=), find_program searches
# PATH.  Results land in conf.env as in waf (LIB_X, CPPPATH_X, HAVE_X, ...)
# and are stored in build/c4che/ for the build.
import os
import shlex
import shutil
import subprocess
import sys
import time

import Logs
import Options
import Utils
import waf_flags
import waf_tools
from waf_env import Environment
from waf_errors import Refusal
from wscript_module import Context

DEFINES = 'defines'
UNDEFINED = ()


class ConfigurationError(Utils.WscriptError):
    pass


_SNIP_FUNCTION = '''
int main() {
	void *p;
	p=(void*)(%s);
	return 0;
}
'''
_SNIP_TYPE = '''
int main() {
	if ((%(type_name)s *) 0) return 0;
	if (sizeof (%(type_name)s)) return 0;
}
'''
_SNIP_MAIN = '''
int main() {
	return 0;
}
'''

# check_cfg's version keywords -> pkg-config options.
_CFG_VERSIONS = (('atleast_version', 'atleast-version', '>='),
                 ('exact_version', 'exact-version', '=='),
                 ('max_version', 'max-version', '<='))


def find_file(filename, path_list):
    for folder in Utils.to_list(path_list):
        if os.path.exists(os.path.join(folder, filename)):
            return folder
    return ''


def find_program_impl(env, filename, path_list=(), var=None, environ=None):
    environ = environ or os.environ
    if isinstance(path_list, str):
        path_list = path_list.split()
    if var:
        if env[var]:
            return env[var]
        if var in environ:
            env[var] = environ[var]
    if not path_list:
        path_list = environ.get('PATH', '').split(os.pathsep)
    for folder in path_list:
        candidate = os.path.join(folder, filename)
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            if var:
                env[var] = candidate
            return candidate
    return ''


class ConfigurationContext(Context):
    def __init__(self, project):
        self.project = project
        self.srcdir = project.srcdir
        self.blddir = project.blddir
        self.environ = dict(os.environ)
        self.line_just = 40
        self.all_envs = {}
        self.env = None
        self.envname = ''
        self.cwd = self.curdir = self.srcdir
        self.tools = []
        self.tool_cache = []
        self.hash = 0
        self.files = []
        self.cachedir = os.path.join(self.blddir, 'c4che')
        # What node-waf keeps beside the envs (build/c4che/node_waf.json).
        self.provided = {}
        self.pkg_config = {}
        self.config_headers = []
        self.loaded_languages = set()
        self.compat_include = project.compat_include
        self.setenv('default')
        self._open_log()

    def _open_log(self):
        os.makedirs(self.blddir, exist_ok=True)
        self.log = open(os.path.join(self.blddir, 'config.log'), 'w')
        app = getattr(self.project.module, 'APPNAME', '') or ''
        version = getattr(self.project.module, 'VERSION', '') or ''
        self.log.write('# project %s configured on %s by\n# node-waf '
                       '(node-waf-compat, waf 1.5 API) on %s\n# using %s\n#\n'
                       % ('%s (%s)' % (app, version) if version else app,
                          time.ctime(), sys.platform, ' '.join(sys.argv)))

    def close(self):
        if self.log:
            self.log.close()
            self.log = None

    # -- what waf's configuration context offered -------------------------

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        if name.startswith('require_'):
            check = getattr(self, name.replace('require_', 'check_', 1), None)
            if check is not None:
                def required(*k, **kw):
                    result = check(*k, **kw)
                    if not result:
                        self.fatal('requirement failure')
                    return result
                return required
        raise Refusal('conf.%s' % name,
                      'not part of the waf 1.5 configuration API that '
                      'node-waf-compat provides',
                      'use conf.check / conf.check_cfg / conf.env, or run the '
                      'step yourself from configure() with os.system()')

    def fatal(self, msg):
        raise ConfigurationError(msg)

    def provide(self, var, values):
        """Records values of a variable that the gyp build supplies itself."""
        self.provided.setdefault(var, [])
        self.provided[var].extend(v for v in values
                                  if v not in self.provided[var])

    def check_tool(self, input, tooldir=None, funs=None):
        for tool in Utils.to_list(input):
            tool = tool.replace('++', 'xx')
            if tool == 'java':
                tool = 'javaw'
            if tooldir:
                raise Refusal('conf.check_tool(%r, tooldir=%r)' %
                              (tool, tooldir),
                              'a waf tool of your own cannot be translated '
                              'to a node-gyp build',
                              waf_tools.REFUSAL_INSTEAD % waf_tools.names())
            entry = waf_tools.lookup(tool)
            if entry is None:
                raise Refusal('conf.check_tool(%r)' % tool,
                              'the waf tool %r is not part of '
                              'node-waf-compat' % tool,
                              waf_tools.REFUSAL_INSTEAD % waf_tools.names())
            key = (tool, id(self.env))
            if key in self.tool_cache:
                continue
            self.tool_cache.append(key)
            entry[1](self)
            self.tools.append({'tool': tool, 'tooldir': None, 'funs': funs})

    def sub_config(self, k):
        self.recurse(k, name='configure')

    def pre_recurse(self, name_or_module, path, nexdir):
        return {'conf': self, 'ctx': self}

    def set_env_name(self, name, env):
        self.all_envs[name] = env
        return env

    def retrieve(self, name, fromenv=None):
        try:
            env = self.all_envs[name]
        except KeyError:
            env = Environment()
            env['PREFIX'] = os.path.abspath(os.path.expanduser(
                getattr(Options.options, 'prefix', None) or '/usr/local/'))
            self.all_envs[name] = env
        else:
            if fromenv:
                Logs.warn('The environment %s may have been configured '
                          'already' % name)
        return env

    def setenv(self, name):
        self.env = self.retrieve(name)
        self.envname = name

    def add_os_flags(self, var, dest=None):
        if var in self.environ:
            self.env.append_value(dest or var,
                                  Utils.to_list(self.environ[var]))

    # waf 1.5's config_c: the environment's flags into the configuration,
    # as the gcc and g++ tools did when they were loaded (and again, with
    # the same duplicates, when a wscript calls them itself).  What make
    # reads from the environment again is recorded as provided.
    def cc_add_flags(self):
        waf_tools.os_flags(self, 'CFLAGS', 'CCFLAGS')
        waf_tools.os_flags(self, 'CPPFLAGS')

    def cxx_add_flags(self):
        waf_tools.os_flags(self, 'CXXFLAGS')
        waf_tools.os_flags(self, 'CPPFLAGS')

    def link_add_flags(self):
        waf_tools.os_flags(self, 'LINKFLAGS')
        waf_tools.os_flags(self, 'LDFLAGS', 'LINKFLAGS')

    # -- messages, as waf printed them (on stderr) ------------------------

    def check_message_1(self, sr):
        self.line_just = max(self.line_just, len(sr))
        self.log.write('\n%s\n%s\n' % ('-' * self.line_just, sr))
        Utils.pprint('NORMAL', '%s :' % sr.ljust(self.line_just), sep='')

    def check_message_2(self, sr, color='GREEN'):
        self.log.write('%s\n' % sr)
        Utils.pprint(color, sr)

    def check_message(self, th, msg, state, option=''):
        self.check_message_1('Checking for %s %s' % (th, msg))
        if state:
            self.check_message_2('ok ' + str(option))
        else:
            self.check_message_2('not found', 'YELLOW')

    def check_message_custom(self, th, msg, custom, option='', color='PINK'):
        self.check_message_1('Checking for %s %s' % (th, msg))
        self.check_message_2(custom, color)

    # -- programs ------------------------------------------------------------

    def find_program(self, filename, path_list=(), var=None, mandatory=False):
        result = None
        if var:
            if self.env[var]:
                result = self.env[var]
            elif var in os.environ:
                result = os.environ[var]
        names = filename if isinstance(filename, list) else [filename]
        if not result:
            for name in names:
                result = find_program_impl(self.env, name, path_list, var,
                                           environ=self.environ)
                if result:
                    break
        self.check_message_1('Checking for program %s' % ' or '.join(names))
        self.log.write('  find program=%r paths=%r var=%r\n  -> %r\n' %
                       (names, path_list, var, result))
        if result:
            Utils.pprint('GREEN', str(result))
        else:
            Utils.pprint('YELLOW', 'not found')
            if mandatory:
                self.fatal('The program %r is required' % names)
        if var:
            self.env[var] = result
        return result

    def cmd_to_list(self, cmd):
        if isinstance(cmd, str) and ' ' in cmd and not os.path.exists(cmd):
            return shlex.split(cmd)
        return cmd

    # -- defines (config.h) ---------------------------------------------

    def _defines(self):
        table = self.env[DEFINES]
        if not isinstance(table, dict):
            table = Utils.ordered_dict()
        return table

    def define(self, define, value, quote=1):
        table = self._defines()
        if isinstance(value, str):
            table[define] = '"%s"' % value.replace('\\', '\\\\').replace(
                '"', '\\"') if quote else value
        elif isinstance(value, int):
            table[define] = value
        else:
            raise TypeError('define %r -> %r must be a string or an int' %
                            (define, value))
        self.env[DEFINES] = table
        self.env[define] = value

    def undefine(self, define):
        table = self._defines()
        table[define] = UNDEFINED
        self.env[DEFINES] = table
        self.env[define] = UNDEFINED

    def define_cond(self, name, value):
        if value:
            self.define(name, 1)
        else:
            self.undefine(name)

    def is_defined(self, key):
        table = self.env[DEFINES]
        return isinstance(table, dict) and key in table and \
            table[key] != UNDEFINED

    def get_define(self, define):
        table = self.env[DEFINES]
        return table.get(define) if isinstance(table, dict) else None

    def have_define(self, name):
        return 'HAVE_%s' % Utils.quote_define_name(name)

    def get_config_header(self):
        lines = []
        for key, value in self._defines().items():
            if value is None:
                lines.append('#define %s' % key)
            elif value == UNDEFINED:
                lines.append('/* #undef %s */' % key)
            else:
                lines.append('#define %s %s' % (key, value))
        return '\n'.join(lines)

    def write_config_header(self, configfile='', env='', guard='', top=False):
        configfile = configfile or 'config.h'
        waf_guard = guard or '_%s_WAF' % Utils.quote_define_name(configfile)
        env = env or self.env
        diff = '' if top else Utils.diff_path(self.srcdir, self.curdir)
        # waf 1.5 wrote it into the env's variant folder.
        variant = env.variant() if hasattr(env, 'variant') else 'default'
        full = os.path.normpath(os.path.join(self.blddir, variant, diff,
                                             configfile))
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, 'w') as out:
            out.write('/* Configuration header created by node-waf '
                      '(node-waf-compat) - do not edit */\n')
            out.write('#ifndef %s\n#define %s\n\n' % (waf_guard, waf_guard))
            out.write(self.get_config_header())
            out.write('\n\n#endif /* %s */\n' % waf_guard)
        env.append_unique('cfg_files', os.path.join(diff, configfile))
        folder = os.path.dirname(full)
        if os.path.normpath(folder) not in self.config_headers:
            self.config_headers.append(os.path.normpath(folder))

    # -- conf.check: compile (and link, and run) a test program -----------

    def _validate_c(self, kw):
        if 'env' not in kw:
            kw['env'] = self.env.copy()
        env = kw['env']
        if 'compiler' not in kw:
            kw['compiler'] = 'cc'
            if env['CXX_NAME'] and 'cxx' in self.loaded_languages:
                kw['compiler'] = 'cxx'
                if not self.env['CXX']:
                    self.fatal('a c++ compiler is required')
            elif not self.env['CC']:
                if self.env['CXX']:
                    kw['compiler'] = 'cxx'
                else:
                    self.fatal('a c compiler is required')
        kw.setdefault('type', 'cprogram')
        if kw['type'] != 'cprogram' and kw.get('execute'):
            self.fatal('can only execute programs')
        for unsupported in ('framework_name', 'framework'):
            if unsupported in kw:
                raise Refusal('conf.check(%s=...)' % unsupported,
                              'macOS frameworks are not supported',
                              'check for the library with lib= instead')

        def to_header(names):
            return ''.join('#include <%s>\n' % x for x in Utils.to_list(names))

        headers = to_header(kw['header_name']) if 'header_name' in kw else ''
        if 'function_name' in kw:
            fu = kw['function_name']
            kw.setdefault('msg', 'Checking for function %s' % fu)
            kw['code'] = headers + _SNIP_FUNCTION % fu
            kw.setdefault('uselib_store', fu.upper())
            kw.setdefault('define_name', self.have_define(fu))
        elif 'type_name' in kw:
            tu = kw['type_name']
            kw.setdefault('msg', 'Checking for type %s' % tu)
            if 'header_name' not in kw:
                kw['header_name'] = 'stdint.h'
                headers = to_header('stdint.h')
            kw['code'] = headers + _SNIP_TYPE % {'type_name': tu}
            kw.setdefault('define_name', self.have_define(tu.upper()))
        elif 'header_name' in kw:
            kw.setdefault('msg', 'Checking for header %s' % kw['header_name'])
            first = Utils.to_list(kw['header_name'])[0]
            kw['code'] = headers + _SNIP_MAIN
            kw.setdefault('uselib_store', first.upper())
            kw.setdefault('define_name', self.have_define(first))
        if 'lib' in kw:
            kw.setdefault('msg', 'Checking for library %s' % kw['lib'])
            kw.setdefault('uselib_store', kw['lib'].upper())
        if 'staticlib' in kw:
            kw.setdefault('msg', 'Checking for static library %s' %
                          kw['staticlib'])
            kw.setdefault('uselib_store', kw['staticlib'].upper())
        if 'fragment' in kw:
            kw['code'] = kw['fragment']
            kw.setdefault('msg', 'Checking for custom code')
            kw.setdefault('errmsg', 'no')
        for name, kind in (('cxxflags', 'compiler'), ('cflags', 'compiler'),
                           ('linkflags', 'linker')):
            if name in kw:
                kw.setdefault('msg', 'Checking for %s flags %s' %
                              (kind, kw[name]))
                kw.setdefault('errmsg', 'no')
        kw.setdefault('execute', False)
        kw.setdefault('errmsg', 'not found')
        kw.setdefault('okmsg', 'yes')
        kw.setdefault('code', _SNIP_MAIN)
        if not kw.get('success'):
            kw['success'] = None
        if 'msg' not in kw:
            raise Refusal('conf.check()', 'nothing to check (no lib, '
                          'header_name, function_name, type_name or fragment)',
                          'name what to check, e.g. conf.check(lib="m")')

    def _run_c_code(self, kw):
        language = 'cxx' if kw['compiler'] == 'cxx' else 'cc'
        compiler = Utils.to_list(self.env['CXX'] if language == 'cxx'
                                 else self.env['CC'])
        if not compiler:
            self.fatal('a %s compiler is required' %
                       ('c++' if language == 'cxx' else 'c'))
        index = 0
        while os.path.exists(os.path.join(self.blddir,
                                          '.conf_check_%d' % index)):
            shutil.rmtree(os.path.join(self.blddir, '.conf_check_%d' % index),
                          ignore_errors=True)
            if not os.path.exists(os.path.join(self.blddir,
                                               '.conf_check_%d' % index)):
                break
            index += 1
        folder = os.path.join(self.blddir, '.conf_check_%d' % index)
        os.makedirs(folder)
        source = os.path.join(folder, 'test.c' +
                              ('pp' if language == 'cxx' else ''))
        with open(source, 'w') as out:
            out.write(kw['code'])
        program = os.path.join(folder, 'testprog')
        attributes = dict((k, v) for k, v in kw.items()
                          if k not in ('env', 'compiler', 'code', 'msg'))
        flags = waf_flags.compute(kw['env'], attributes, [language, 'cprogram'],
                                  self.curdir, self.srcdir,
                                  blddir=self.blddir)
        args = waf_flags.compile_command(compiler, flags, language)
        args += [source, '-o', program] + waf_flags.link_arguments(flags)
        self.log.write('==>\n%s\n<==\n%s\n' % (kw['code'], ' '.join(
            shlex.quote(a) for a in args)))
        try:
            proc = subprocess.run(args, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT,
                                  universal_newlines=True, cwd=folder)
        except OSError as error:
            self.log.write('error %r\n' % error)
            self.fatal(str(error))
        self.log.write(proc.stdout)
        if proc.returncode:
            self.log.write('command returned %r\n' % proc.returncode)
            shutil.rmtree(folder, ignore_errors=True)
            self.fatal('the test program did not build')
        result = 0
        if kw['execute']:
            run = subprocess.run([program] + Utils.to_list(
                kw.get('exec_args', [])), stdout=subprocess.PIPE,
                stderr=subprocess.PIPE, universal_newlines=True)
            self.log.write('%s\n%s\nreturncode %r\n' %
                           (run.stdout, run.stderr, run.returncode))
            if run.returncode:
                shutil.rmtree(folder, ignore_errors=True)
                self.fatal('the test program failed (%d)' % run.returncode)
            result = run.stdout
        shutil.rmtree(folder, ignore_errors=True)
        return result

    def _post_check(self, kw):
        if kw['execute']:
            success = bool(kw['success'])
        else:
            success = kw['success'] == 0
        if 'define_name' in kw and any(k in kw for k in (
                'header_name', 'function_name', 'type_name', 'fragment')):
            if kw['execute'] and isinstance(kw['success'], str):
                if kw['success']:
                    self.define(kw['define_name'], kw['success'],
                                quote=kw.get('quote', 1))
                else:
                    self.define_cond(kw['define_name'], True)
            else:
                self.define_cond(kw['define_name'], success)
        if success and 'uselib_store' in kw:
            # config_c.post_check: every flag keyword of the check lands in
            # <VAR>_<uselib_store>; includes -> CPPPATH, defines -> *DEFINES.
            for var in waf_flags.FLAG_VARS:
                key = var.lower()
                if var == 'CPPPATH':
                    key = 'includes'
                elif var in ('CXXDEFINES', 'CCDEFINES'):
                    key = 'defines'
                if key in kw:
                    value = kw[key]
                    if isinstance(value, str):
                        value = value.rstrip(os.path.sep)
                    self.env.append_unique(var + '_' + kw['uselib_store'],
                                           value)

    def check(self, *k, **kw):
        self._validate_c(kw)
        self.check_message_1(kw['msg'])
        result = None
        try:
            result = self._run_c_code(kw)
        except ConfigurationError:
            self.check_message_2(kw['errmsg'], 'YELLOW')
            if kw.get('mandatory'):
                self.fatal('the configuration failed (see %r)' %
                           self.log.name)
        else:
            kw['success'] = result
            self.check_message_2(self._message(kw['okmsg'], kw))
        self._post_check(kw)
        if not kw.get('execute', False):
            return result == 0
        return result

    def check_cxx(self, *k, **kw):
        kw['compiler'] = 'cxx'
        return self.check(*k, **kw)

    def check_cc(self, *k, **kw):
        kw['compiler'] = 'cc'
        return self.check(*k, **kw)

    def _message(self, message, kw):
        return message if isinstance(message, str) else message(kw)

    # -- conf.check_cfg: pkg-config and the *-config programs --------------

    def _cmd_and_log(self, cmd, kw):
        self.log.write('%s\n' % cmd)
        try:
            proc = subprocess.run(cmd, shell=True, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE,
                                  universal_newlines=True)
        except OSError as error:
            self.log.write('error %r\n' % error)
            self.fatal(str(error))
        self.log.write(proc.stdout)
        self.log.write(proc.stderr)
        if proc.returncode:
            if not kw.get('errmsg', ''):
                kw['errmsg'] = proc.stdout.strip() if kw.get('mandatory') \
                    else 'no'
            self.fatal('fail')
        return proc.stdout

    def check_cfg(self, *k, **kw):
        if 'path' not in kw:
            kw['path'] = 'pkg-config --errors-to-stdout --print-errors'
            pkg_config = True
        else:
            pkg_config = False
        package = kw.get('package', '')
        if 'atleast_pkgconfig_version' in kw:
            kw.setdefault('msg', 'Checking for pkg-config version >= %s' %
                          kw['atleast_pkgconfig_version'])
        elif 'modversion' in kw:
            pass
        elif 'variables' in kw:
            kw.setdefault('msg', 'Checking for %s variables' % package)
        else:
            for key, option, sign in _CFG_VERSIONS:
                if key in kw:
                    if not package:
                        raise ValueError('%s requires a package' % option)
                    kw.setdefault('msg', 'Checking for %s %s %s' %
                                  (package, sign, kw[key]))
                    break
            else:
                kw.setdefault('msg', 'Checking for %s' % (package or
                                                          kw['path']))
                kw.setdefault('okmsg', 'yes')
                kw.setdefault('errmsg', 'not found')
        if 'msg' in kw:
            self.check_message_1(kw['msg'])
        result = None
        try:
            result = self._exec_cfg(kw, pkg_config)
        except ConfigurationError:
            if 'errmsg' in kw:
                self.check_message_2(kw['errmsg'], 'YELLOW')
            if kw.get('mandatory'):
                self.fatal('the configuration failed (see %r)' %
                           self.log.name)
        else:
            kw['success'] = result
            if 'okmsg' in kw:
                self.check_message_2(self._message(kw['okmsg'], kw))
        return result

    def _exec_cfg(self, kw, pkg_config):
        path = kw['path']
        package = kw.get('package', '')
        if 'atleast_pkgconfig_version' in kw:
            self._cmd_and_log('%s --atleast-pkgconfig-version=%s' %
                              (path, kw['atleast_pkgconfig_version']), kw)
            kw.setdefault('okmsg', 'yes')
            return None
        for key, option, _ in _CFG_VERSIONS:
            if key in kw:
                self._cmd_and_log('%s --%s=%s %s' % (path, option, kw[key],
                                                     package), kw)
                kw.setdefault('okmsg', 'yes')
                self.define(self.have_define(kw.get('uselib_store', package)),
                            1, 0)
                break
        if 'modversion' in kw:
            version = self._cmd_and_log('%s --modversion %s' % (
                path, kw['modversion']), kw).strip()
            self.define('%s_VERSION' % Utils.quote_define_name(
                kw.get('uselib_store', kw['modversion'])), version)
            return version
        if 'variables' in kw:
            env = kw.get('env', self.env)
            store = kw.get('uselib_store', package.upper())
            for name in Utils.to_list(kw['variables']):
                value = self._cmd_and_log('%s --variable=%s %s' %
                                          (path, name, package), kw).strip()
                env['%s_%s' % (store, name)] = value
            kw.setdefault('okmsg', 'yes')
            return None
        parts = [path]
        for key, value in kw.get('define_variable', {}).items():
            parts.append('--define-variable=%s=%s' % (key, value))
        args = kw.get('args', '')
        parts.append(args if isinstance(args, str) else ' '.join(args))
        parts.append(package)
        output = self._cmd_and_log(' '.join(parts), kw)
        kw.setdefault('okmsg', 'yes')
        store = kw.get('uselib_store', package.upper())
        self.define(self.have_define(kw.get('uselib_store', package)), 1, 0)
        env = kw.get('env', self.env)
        parse_flags(output, store, env)
        if pkg_config and env is self.env:
            self._remember_pkg_config(kw, store, args)
        return output

    def _remember_pkg_config(self, kw, store, args):
        # The generated binding.gyp asks pkg-config again at build time
        # (<!@(pkg-config --cflags zlib)) as long as the wscript leaves the
        # uselib variables as pkg-config set them; see gyp_writer.py.
        words = Utils.to_list(args) if isinstance(args, str) else list(args)
        if not words or any(w not in ('--cflags', '--libs') for w in words) \
                or kw.get('define_variable'):
            return
        snapshot = {}
        for var in waf_flags.FLAG_VARS:
            value = self.env.table.get(var + '_' + store)
            if value is not None:
                snapshot[var] = list(value) if isinstance(value, list) \
                    else value
        self.pkg_config[store] = {'package': kw.get('package', ''),
                                  'args': words, 'snapshot': snapshot}

    def store(self):
        os.makedirs(self.cachedir, exist_ok=True)
        with open(os.path.join(self.cachedir, 'build.config.py'), 'w') as out:
            out.write('version = 0x105016\ntools = %r\n' % self.tools)
        for name, env in self.all_envs.items():
            env.store(os.path.join(self.cachedir, name + '.cache.py'))


def parse_flags(line, uselib, env):
    """config_c.parse_flags: pkg-config output into <VAR>_<uselib>."""
    words = shlex.split(line)
    while words:
        x = words.pop(0)
        st, ot = x[:2], x[2:]
        if st in ('-I', '/I'):
            env.append_unique('CPPPATH_' + uselib, ot or words.pop(0))
        elif st == '-D':
            value = ot or words.pop(0)
            env.append_unique('CXXDEFINES_' + uselib, value)
            env.append_unique('CCDEFINES_' + uselib, value)
        elif st == '-l':
            env.append_unique('LIB_' + uselib, ot or words.pop(0))
        elif st == '-L':
            env.append_unique('LIBPATH_' + uselib, ot or words.pop(0))
        elif x == '-pthread' or x.startswith('+'):
            for var in ('CCFLAGS_', 'CXXFLAGS_', 'LINKFLAGS_'):
                env.append_unique(var + uselib, x)
        elif x == '-framework':
            env.append_unique('FRAMEWORK_' + uselib, words.pop(0))
        elif x.startswith('-F'):
            env.append_unique('FRAMEWORKPATH_' + uselib, x[2:])
        elif x.startswith('-std'):
            env.append_unique('CCFLAGS_' + uselib, x)
            env.append_unique('LINKFLAGS_' + uselib, x)
        elif x.startswith('-Wl'):
            env.append_unique('LINKFLAGS_' + uselib, x)
        elif x.startswith('-m') or x.startswith('-f'):
            env.append_unique('CCFLAGS_' + uselib, x)
            env.append_unique('CXXFLAGS_' + uselib, x)


def conf(function):
    """@conf: adds a function to the configuration context, as in waf."""
    setattr(ConfigurationContext, function.__name__, function)
    return function


def conftest(function):
    return conf(function)
