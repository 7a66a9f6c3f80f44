# wscript_steps.py: the commands a wscript runs itself (os.system, waf's
# Utils.exec_command), typically `make` of a bundled library or of the whole
# module.  While wscript code runs they get node-waf's toolchain as CC and
# CXX (toolchain/: the real compilers with GCC 4's defaults, and the SDK's
# runtime linked into any node module they link), and each command is
# recorded with its exit status and wscript line, so that node-waf can say
# which step failed, or find the module a step built.
import contextlib
import os
import sys

import waf_errors

TOOLCHAIN = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                         'toolchain')
# Set in the environment of the steps; a node-waf started by one of them
# (a Makefile that runs node-waf in a sub-folder) restores the user's CC
# and CXX from it (restore_user_compilers).
_MARK = 'NODE_WAF_COMPAT_TOOLCHAIN'

_runtime_lib = None
# [(command, exit status, wscript location)] of this node-waf command.
steps = []
_depth = 0


def restore_user_compilers(environ=None):
    """Undoes the toolchain's CC/CXX in a node-waf that a step started."""
    environ = os.environ if environ is None else environ
    if environ.pop(_MARK, None) is None:
        return
    for var in ('CC', 'CXX'):
        saved = environ.pop('NODE_WAF_COMPAT_' + var, None)
        if saved:
            environ[var] = saved
        else:
            environ.pop(var, None)
    environ.pop('NODE_WAF_COMPAT_RUNTIME_LIB', None)


def set_runtime(path):
    """The runtime archive a node module linked by a step gets."""
    global _runtime_lib
    _runtime_lib = path


def caller():
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename in waf_errors.WSCRIPTS:
            return (frame.f_code.co_filename, frame.f_lineno)
        frame = frame.f_back
    return None


def record(command, status, location):
    steps.append((command if isinstance(command, str) else
                  ' '.join(str(w) for w in command), status, location))


def _system(real):
    def system(command):
        status = real(command)
        # os.system's wait status: the exit code is its high byte.
        code = os.waitstatus_to_exitcode(status) if status > 0 else status
        record(command, code, caller())
        return status
    return system


@contextlib.contextmanager
def active():
    """The toolchain environment and the step recorder, around wscript
    code (nested calls keep the outer ones)."""
    global _depth
    if _depth:
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
        return
    saved = dict((k, os.environ.get(k)) for k in (
        'CC', 'CXX', _MARK, 'NODE_WAF_COMPAT_CC', 'NODE_WAF_COMPAT_CXX',
        'NODE_WAF_COMPAT_RUNTIME_LIB'))
    os.environ['NODE_WAF_COMPAT_CC'] = saved['CC'] or ''
    os.environ['NODE_WAF_COMPAT_CXX'] = saved['CXX'] or ''
    os.environ['CC'] = os.path.join(TOOLCHAIN, 'cc')
    os.environ['CXX'] = os.path.join(TOOLCHAIN, 'c++')
    os.environ[_MARK] = '1'
    if _runtime_lib:
        os.environ['NODE_WAF_COMPAT_RUNTIME_LIB'] = _runtime_lib
    real_system = os.system
    os.system = _system(real_system)
    _depth = 1
    try:
        yield
    finally:
        _depth = 0
        os.system = real_system
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def node_modules(top):
    """{path: mtime} of the .node files under top (a package's own
    node_modules and .git left out)."""
    found = {}
    for folder, dirs, files in os.walk(top):
        dirs[:] = [d for d in dirs if d not in ('node_modules', '.git')]
        for name in files:
            if name.endswith('.node'):
                path = os.path.join(folder, name)
                try:
                    found[path] = os.stat(path).st_mtime_ns
                except OSError:
                    pass
    return found


def built_since(before, top):
    """The .node files under top that are new or changed since before."""
    return sorted(path for path, mtime in node_modules(top).items()
                  if before.get(path) != mtime)


def failed():
    return [step for step in steps if step[1] != 0]
