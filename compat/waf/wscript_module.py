# wscript_module.py: loads a wscript as waf 1.5 did (a module executed with
# its folder on sys.path) after translating its Python 2 syntax, and gives it
# Python 2's builtins and module names.  Also waf's Context.recurse (how
# sub_config, add_subdirs and sub_options run the wscripts of sub-folders)
# and the calls into wscript functions, which turn any failure into a
# message naming the wscript line.
import builtins
import functools
import hashlib
import importlib
import inspect
import io
import os
import re
import string
import subprocess
import sys
import types

import py2_syntax
import waf_errors
import wscript_steps
from waf_errors import Refusal, WafStop

WSCRIPT_FILE = 'wscript'

# The waf 1.5 modules node-waf-compat provides (compat/waf/wafadmin/).
PROVIDED = ('Options', 'Utils', 'Build', 'Logs', 'Configure', 'Environment',
            'Constants')

# waf 1.5 modules a wscript could import but that we do not provide, and why.
_INTERNALS = ('waf\'s task and scheduler internals cannot be translated to a '
              'node-gyp build',
              'move the custom step into a binding.gyp "actions" entry (node-waf '
              '--gyp writes a binding.gyp to start from) or into a package.json '
              'script run before node-waf')
REFUSED_MODULES = {
    'Task': _INTERNALS, 'TaskGen': _INTERNALS, 'Runner': _INTERNALS,
    'Node': _INTERNALS, 'Scripting': _INTERNALS, 'pproc': _INTERNALS,
    'Tools': _INTERNALS, 'ccroot': _INTERNALS, 'cc': _INTERNALS,
    'cxx': _INTERNALS, 'config_c': _INTERNALS, 'preproc': _INTERNALS,
    'misc': _INTERNALS, 'node_addon': _INTERNALS, 'compiler_cc': _INTERNALS,
    'compiler_cxx': _INTERNALS, 'gcc': _INTERNALS, 'gxx': _INTERNALS,
    'ansiterm': _INTERNALS, 'Build_': _INTERNALS,
}


# -- Python 2 at run time --------------------------------------------------

class StringException(Exception):
    """What `raise "message"` (a Python 2 string exception) raises."""


def _print_to(stream, *values, **kw):
    print(*values, file=stream if stream is not None else sys.stdout,
          end=kw.get('end', '\n'))


def _cmp(a, b):
    return (a > b) - (a < b)


def _apply(function, args=(), kwargs=None):
    return function(*args, **(kwargs or {}))


def _py2_map(function, *iterables):
    if function is None:
        if len(iterables) == 1:
            return list(iterables[0])
        return list(zip(*iterables))
    return list(map(function, *iterables))


def _execfile(path, globals_=None, locals_=None):
    with open(path) as source:
        text = py2_syntax.translate(source.read())
    exec(compile(text, path, 'exec'),
         globals_ if globals_ is not None else {}, locals_)


def _string_module():
    # Python 2's string module had functions that are str methods today.
    module = types.ModuleType('string')
    module.__dict__.update(string.__dict__)
    module.letters = string.ascii_letters
    module.lowercase = string.ascii_lowercase
    module.uppercase = string.ascii_uppercase
    module.maketrans = str.maketrans
    module.join = lambda words, sep=' ': sep.join(words)
    module.joinfields = module.join
    module.split = lambda s, sep=None, maxsplit=-1: s.split(sep, maxsplit)
    module.splitfields = module.split
    module.atoi = lambda s, base=10: int(s, base)
    module.atof = float
    module.atol = module.atoi
    for name in ('lower', 'upper', 'strip', 'lstrip', 'rstrip', 'replace',
                 'find', 'rfind', 'index', 'rindex', 'count', 'capitalize',
                 'swapcase', 'ljust', 'rjust', 'center', 'zfill',
                 'expandtabs'):
        setattr(module, name, getattr(str, name))
    return module


def _commands_module():
    module = types.ModuleType('commands')

    def getstatusoutput(cmd):
        proc = subprocess.run(cmd, shell=True, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT,
                              universal_newlines=True)
        out = proc.stdout[:-1] if proc.stdout.endswith('\n') else proc.stdout
        # Python 2 returned the raw wait status.
        return (proc.returncode << 8 if proc.returncode >= 0 else
                -proc.returncode), out

    module.getstatusoutput = getstatusoutput
    module.getoutput = lambda cmd: getstatusoutput(cmd)[1]
    return module


def _md5_module():
    module = types.ModuleType('md5')
    module.new = module.md5 = hashlib.md5
    return module


class _Py2Sys(types.ModuleType):
    """sys as a wscript saw it under Python 2: platform 'linux2', maxint."""

    def __getattr__(self, name):
        if name == 'platform':
            return 'linux2' if sys.platform == 'linux' else sys.platform
        if name == 'maxint':
            return sys.maxsize
        return getattr(sys, name)

    def __setattr__(self, name, value):
        setattr(sys, name, value)


_PY2_MODULES = {
    'sys': lambda: _Py2Sys('sys'),
    'string': _string_module,
    'commands': _commands_module,
    'md5': _md5_module,
    'StringIO': lambda: io,
    'cStringIO': lambda: io,
    'cPickle': lambda: importlib.import_module('pickle'),
    'ConfigParser': lambda: importlib.import_module('configparser'),
    'Queue': lambda: importlib.import_module('queue'),
    'urllib2': lambda: importlib.import_module('urllib.request'),
    'httplib': lambda: importlib.import_module('http.client'),
    '__builtin__': lambda: builtins,
}
_py2_cache = {}


def _wscript_import(name, globals_=None, locals_=None, fromlist=(), level=0):
    top = name.split('.')[0]
    if level == 0 and top in REFUSED_MODULES:
        reason, instead = REFUSED_MODULES[top]
        raise Refusal('import %s' % name,
                      'the waf 1.5 module %r is not part of node-waf-compat '
                      '(%s)' % (top, reason), instead)
    if level == 0 and name in _PY2_MODULES:
        if name not in _py2_cache:
            _py2_cache[name] = _PY2_MODULES[name]()
        return _py2_cache[name]
    return builtins.__import__(name, globals_, locals_, fromlist, level)


def _py2_builtins():
    table = dict(builtins.__dict__)
    table.update({
        '__import__': _wscript_import,
        'xrange': range, 'unicode': str, 'basestring': str, 'long': int,
        'unichr': chr, 'raw_input': input, 'file': open, 'intern': sys.intern,
        'reduce': functools.reduce, 'cmp': _cmp, 'apply': _apply,
        'execfile': _execfile, 'reload': importlib.reload,
        'map': _py2_map,
        'filter': lambda f, items: list(filter(f, items)),
        'zip': lambda *items: list(zip(*items)),
        'range': lambda *a: list(range(*a)),
        'StandardError': Exception,
        py2_syntax.PRINT_TO: _print_to,
        py2_syntax.STRING_EXCEPTION: StringException,
    })
    return table


_BUILTINS = _py2_builtins()


# -- loading ---------------------------------------------------------------

def _decode(data):
    # PEP 263 coding cookie in the first two lines, else UTF-8, else the
    # Latin-1 that Python 2 would have accepted byte for byte.
    head = data.split(b'\n', 2)[:2]
    for line in head:
        match = re.search(br'coding[:=]\s*([-\w.]+)', line)
        if match and line.lstrip().startswith(b'#'):
            try:
                return data.decode(match.group(1).decode('ascii'))
            except (LookupError, UnicodeDecodeError):
                break
    try:
        return data.decode('utf-8')
    except UnicodeDecodeError:
        return data.decode('latin-1')


def compile_wscript(path, source=None):
    """The code object of a wscript file, translated to Python 3."""
    if source is None:
        with open(path, 'rb') as handle:
            source = _decode(handle.read())
    if source.startswith('\ufeff'):
        source = source[1:]
    waf_errors.register_wscript(path, source)
    try:
        text = py2_syntax.translate(source)
    except py2_syntax.LexError as error:
        raise waf_errors.WscriptFailure(
            'SyntaxError: %s (neither Python 2 nor Python 3)' % error,
            (path, py2_syntax.line_of(source, error.offset)))
    try:
        return compile(text, path, 'exec', dont_inherit=True)
    except SyntaxError as error:
        raise waf_errors.WscriptFailure(
            'SyntaxError: %s (node-waf reads wscripts as Python 2, as '
            'node-waf did, and translates print statements, `except E, e`, '
            'octal literals and the like; this line is not valid Python 2 '
            'as far as the translation goes)' % error.msg,
            (path, error.lineno or 0))


_loaded = {}


def load_module(path):
    """The module of the wscript at `path` (loaded once, as waf did)."""
    path = os.path.abspath(path)
    if path in _loaded:
        return _loaded[path]
    if not os.path.isfile(path):
        raise OSError('no such wscript: %s' % path)
    code = compile_wscript(path)
    module = types.ModuleType(WSCRIPT_FILE)
    module.__file__ = path
    module.__dict__['__builtins__'] = _BUILTINS
    module.root_path = path
    folder = os.path.dirname(path)
    sys.path.insert(0, folder)
    try:
        run_wscript_code(lambda: exec(code, module.__dict__),
                         'while loading the wscript: ')
    finally:
        sys.path.remove(folder)
    _loaded[path] = module
    return module


def run_wscript_code(thunk, context=''):
    """Runs thunk (which runs wscript code); every failure becomes a WafStop
    naming the wscript line."""
    import Utils
    try:
        with wscript_steps.active():
            result = thunk()
    except WafStop:
        raise
    except Utils.WafError as error:
        location = waf_errors.traceback_location(sys.exc_info()[2])
        failure = waf_errors.WscriptFailure('%s%s' % (context, error),
                                            location)
        failure.python_traceback = None
        raise failure
    except StringException as error:
        location = waf_errors.traceback_location(sys.exc_info()[2])
        raise waf_errors.WscriptFailure(
            '%sthe wscript raised %s' % (context, ', '.join(
                repr(a) for a in error.args)), location)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        raise
    except BaseException:
        raise waf_errors.python_error(*sys.exc_info(), context=context)
    waf_errors.check_pending()
    return result


def call_function(function, ctx, what):
    """Calls a wscript function as waf did: with the context, or without an
    argument if it takes none (init and shutdown often took none)."""
    try:
        params = inspect.signature(function).parameters.values()
        takes = any(p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD,
                               p.VAR_POSITIONAL) for p in params)
    except (TypeError, ValueError):
        takes = True
    context = 'in %s(): ' % what
    if takes:
        return run_wscript_code(lambda: function(ctx), context)
    return run_wscript_code(function, context)


class Context(object):
    """waf 1.5's Utils.Context: what every command's context derives from."""

    def get_curdir(self):
        try:
            return self.curdir_
        except AttributeError:
            self.curdir_ = os.getcwd()
            return self.curdir_

    def set_curdir(self, value):
        self.curdir_ = value

    curdir = property(get_curdir, set_curdir)

    def pre_recurse(self, name_or_module, path, nexdir):
        return {'ctx': self}

    def post_recurse(self, name_or_module, path, nexdir):
        pass

    def recurse(self, dirs, name=''):
        """Runs function `name` of the wscript in each folder, or the file
        wscript_<name> there, with this context."""
        import Utils
        if not name:
            name = inspect.stack()[1][3]
        for folder in Utils.to_list(dirs):
            nexdir = folder if os.path.isabs(folder) else \
                os.path.join(self.curdir, folder)
            nexdir = os.path.normpath(nexdir)
            base = os.path.join(nexdir, WSCRIPT_FILE)
            partial = base + '_' + name
            if os.path.isfile(partial):
                code = compile_wscript(partial)
                namespace = self.pre_recurse(code, partial, nexdir) or {}
                namespace.setdefault('ctx', self)
                namespace['__builtins__'] = _BUILTINS
                old = self.curdir
                self.curdir = nexdir
                try:
                    run_wscript_code(lambda: exec(code, namespace),
                                     'in %s: ' % os.path.basename(partial))
                finally:
                    self.curdir = old
                self.post_recurse(code, partial, nexdir)
                continue
            try:
                module = load_module(base)
            except OSError:
                raise Utils.WscriptError('No such script %s' % base)
            function = module.__dict__.get(name)
            if function is None:
                raise Utils.WscriptError('No function %s defined in %s' %
                                         (name, base))
            self.pre_recurse(function, base, nexdir)
            old = self.curdir
            self.curdir = nexdir
            try:
                call_function(function, self, name)
            finally:
                self.curdir = old
            self.post_recurse(module, base, nexdir)
