# Utils: the helpers of waf 1.5's Utils module that wscripts used (to_list,
# cmd_output, exec_command, pprint, the WafError family, Context, ...).
import hashlib
import os
import re
import subprocess
import sys
import traceback

import Logs
import wscript_steps
from wscript_module import Context, load_module  # noqa: F401

pproc = subprocess
md5 = hashlib.md5
is_win32 = sys.platform == 'win32'
g_module = None
g_loaded_modules = {}


class WafError(Exception):
    def __init__(self, *args):
        Exception.__init__(self, *args)
        self.args = args
        self.stack = traceback.extract_stack()

    def __str__(self):
        return str(self.args[0] if len(self.args) == 1 else self.args)


class WscriptError(WafError):
    def __init__(self, message, wscript_file=None):
        WafError.__init__(self, message)
        self.wscript_file = wscript_file


class ordered_dict(dict):
    """waf's insertion-ordered dict (dicts keep order in Python 3)."""

    @property
    def allkeys(self):
        return list(self.keys())


def to_list(value):
    if isinstance(value, str):
        return value.split()
    return value


def nada(*k, **kw):
    pass


def readf(fname, m='r'):
    with open(fname, m.replace('U', '')) as handle:
        return handle.read()


def ex_stack():
    exc_type, exc_value, tb = sys.exc_info()
    if Logs.verbose > 1:
        return ''.join(traceback.format_exception(exc_type, exc_value, tb))
    return str(exc_value)


def exec_command(s, **kw):
    """Runs a command (a string through the shell); its exit status."""
    if 'log' in kw:
        kw['stdout'] = kw['stderr'] = kw.pop('log')
    kw['shell'] = isinstance(s, str)
    try:
        status = subprocess.Popen(s, **kw).wait()
    except OSError:
        status = -1
    wscript_steps.record(s, status, wscript_steps.caller())
    return status


def cmd_output(cmd, **kw):
    """The standard output of a command, as text.  Raises ValueError when it
    fails (returns '' instead with silent=True), as waf 1.5 did."""
    silent = kw.pop('silent', False)
    if 'e' in kw:
        kw['env'] = kw.pop('e')
    kw['shell'] = isinstance(cmd, str)
    kw['stdout'] = subprocess.PIPE
    if silent:
        kw['stderr'] = subprocess.PIPE
    kw['universal_newlines'] = True
    try:
        proc = subprocess.Popen(cmd, **kw)
        output = proc.communicate()[0]
    except OSError as error:
        raise ValueError(str(error))
    if proc.returncode:
        if not silent:
            raise ValueError('command execution failed: %s -> %r' %
                             (cmd, output))
        output = ''
    return output


def pprint(col, text, label='', sep=os.linesep):
    sys.stderr.write('%s%s%s %s%s' % (Logs.colors(col), text,
                                       Logs.colors.NORMAL, label, sep))
    sys.stderr.flush()


def check_dir(path):
    if not os.path.isdir(path):
        try:
            os.makedirs(path)
        except OSError as error:
            raise WafError("Cannot create folder '%s' (original error: %s)" %
                           (path, error))


def quote_define_name(path):
    return re.sub('[^a-zA-Z0-9]', '_', path).upper()


def quote_whitespace(path):
    return '"%s"' % path if ' ' in path or '\t' in path else path


def trimquotes(s):
    if not s:
        return ''
    s = s.rstrip()
    if s[0] == "'" and s[-1] == "'":
        return s[1:-1]
    return s


def split_path(path):
    return path.split('/')


def diff_path(top, subdir):
    top = os.path.normpath(top).split(os.sep)
    subdir = os.path.normpath(subdir).split(os.sep)
    if len(top) == len(subdir):
        return ''
    return os.path.join(*subdir[len(top) - len(subdir):])


def subst_vars(expr, params):
    def replace(match):
        if match.group(1):
            return '\\'
        if match.group(2):
            return '$'
        try:
            return params.get_flat(match.group(3))
        except AttributeError:
            return params[match.group(3)]
    return re.sub(r'(\\\\)|(\$\$)|\$\{([^}]+)\}', replace, expr)


def unversioned_sys_platform():
    s = sys.platform
    if s == 'win32' or s.endswith('os2') and s != 'sunos2':
        return s
    return re.split(r'\d+$', s)[0]


detect_platform = unversioned_sys_platform


def def_attrs(obj, **kw):
    for key, value in kw.items():
        if not hasattr(obj, key):
            setattr(obj, key, value)


def copy_attrs(orig, dest, names, only_if_set=False):
    for name in to_list(names):
        value = getattr(orig, name, ())
        if value or not only_if_set:
            setattr(dest, name, value)


def h_file(filename):
    with open(filename, 'rb') as handle:
        return hashlib.md5(handle.read()).digest()


def get_term_cols():
    return 80


def get_elapsed_time(start):
    import datetime
    delta = datetime.datetime.now() - start
    return '%dm%d.%03ds' % (delta.seconds // 60, delta.seconds % 60,
                            delta.microseconds // 1000) \
        if delta.seconds >= 60 else '%d.%03ds' % (
            delta.seconds, delta.microseconds // 1000)


def python_24_guard():
    pass
