# node_waf.py: the node-waf command (run by compat/bin/node-waf under
# Python 3): finds the wscript, loads it, parses the command line with its
# set_options(), then runs init(), each command, and shutdown(), as waf
# 1.5's Scripting.main did.
import datetime
import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [_HERE, os.path.join(_HERE, 'wafadmin')]

import Logs  # noqa: E402
import Options  # noqa: E402
import Utils  # noqa: E402
import cmd_build  # noqa: E402
import cmd_clean  # noqa: E402
import cmd_configure  # noqa: E402
import cmd_distclean  # noqa: E402
import cmd_gyp  # noqa: E402
import cmd_install  # noqa: E402
import runtime_cache  # noqa: E402
import waf_errors  # noqa: E402
import waf_options  # noqa: E402
import wscript_module  # noqa: E402
import wscript_steps  # noqa: E402
from project import NodeTarget, Project  # noqa: E402
from waf_errors import Refusal, WafStop  # noqa: E402

BUILTIN = {
    'configure': cmd_configure.run,
    'build': cmd_build.run,
    'clean': cmd_clean.run,
    'distclean': cmd_distclean.run,
    'gyp': cmd_gyp.run,
    'install': cmd_install.run,
    'uninstall': cmd_install.run_uninstall,
}
# Commands a wscript may define itself (waf bound its own only when the
# wscript had none).
OVERRIDABLE = ('clean', 'distclean', 'install', 'uninstall')
_NOT_PROVIDED = {
    'dist': 'use npm pack',
    'distcheck': 'use npm pack, then npm install the tarball elsewhere',
    'check': 'run your tests after node-waf build (npm test)',
}


def find_wscript(folder):
    """The wscript in folder or the nearest folder above, as waf looked."""
    while True:
        candidate = os.path.join(folder, wscript_module.WSCRIPT_FILE)
        if os.path.isfile(candidate):
            return candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def run_command(project, name):
    module = project.module
    start = datetime.datetime.now()
    function = module.__dict__.get(name)
    if name in BUILTIN and (name not in OVERRIDABLE or function is None):
        BUILTIN[name](project)
    elif name in _NOT_PROVIDED and function is None:
        raise Refusal('node-waf %s' % name, 'not provided by node-waf-compat',
                      _NOT_PROVIDED[name])
    elif function is not None and callable(function):
        wscript_module.call_function(function, wscript_module.Context(), name)
    else:
        raise WafStop('No such command %r' % name)
    if name != 'gyp' or project.options.gyp_out != '-':
        Logs.info('%r finished successfully (%s)' % (
            name, Utils.get_elapsed_time(start)))


def run_hook(project, name):
    function = project.module.__dict__.get(name)
    if function is not None and callable(function):
        wscript_module.call_function(function, wscript_module.Context(), name)


def print_runtime(argv):
    """node-waf runtime [-j N] [-v]: prints the path of the SDK's runtime
    archive for the running node, from the cache (built first if needed),
    for a binding.gyp that should link it instead of compiling the runtime:
    node-gyp rebuild -- -Dcompat_runtime_lib=$(node-waf runtime)."""
    jobs, verbose = os.cpu_count() or 1, False
    rest = list(argv)
    while rest:
        arg = rest.pop(0)
        if arg in ('-v', '--verbose'):
            verbose = True
        elif arg in ('-j', '--jobs') and rest and rest[0].isdigit():
            jobs = int(rest.pop(0))
        elif arg.startswith('-j') and arg[2:].isdigit():
            jobs = int(arg[2:])
        else:
            Logs.error('node-waf runtime: unknown argument %r (it takes '
                       '-j N and -v)' % arg)
            return 1
    try:
        archive = runtime_cache.archive(NodeTarget(), jobs, verbose)
    except WafStop as stop:
        Logs.error(stop.render())
        return 1
    if archive is None:
        Logs.error('node-waf runtime: the runtime cache is off or cannot be '
                   'written (NODE_WAF_COMPAT_CACHE); a binding.gyp then '
                   'compiles the runtime itself')
        return 1
    print(archive)
    return 0


def main(argv):
    sys.argv = ['node-waf'] + argv
    # Started by a step of another wscript (a Makefile that runs node-waf
    # in a sub-folder): the compilers are the user's again.
    wscript_steps.restore_user_compilers()
    if argv[:1] == ['runtime']:
        return print_runtime(argv[1:])
    if '--version' in argv:
        print(waf_options.VERSION)
        return 0
    wscript = find_wscript(os.getcwd())
    if wscript is None:
        if '-h' in argv or '--help' in argv:
            waf_options.create_parser().print_help()
            return 0
        Logs.error('node-waf: Please run node-waf from a directory '
                   'containing a file named "wscript"')
        return 1
    gyp_stdout = sys.stdout
    if '--gyp' in argv and ('--gyp-out=-' in argv or any(
            a == '--gyp-out' and b == '-' for a, b in zip(argv, argv[1:]))):
        # Standard output carries the binding.gyp alone; what the wscript
        # prints (from its first line on) goes to stderr.
        sys.stdout = sys.stderr
    try:
        os.chdir(os.path.dirname(wscript))
        Options.launch_dir = os.getcwd()
        module = wscript_module.load_module(wscript)
        Utils.g_module = module
        parser = waf_options.create_parser()
        if callable(module.__dict__.get('set_options')):
            context = waf_options.OptionsContext(parser,
                                                 os.path.dirname(wscript))
            context.sub_options([''])
        options, commands = waf_options.parse(parser, argv)
        if options.gyp:
            commands = commands + ['gyp']
        project = Project(wscript, module, options)
        project.gyp_stdout = gyp_stdout
        run_hook(project, 'init')
        for name in commands:
            run_command(project, name)
        run_hook(project, 'shutdown')
    except WafStop as stop:
        Logs.error(stop.render())
        trace = getattr(stop, 'python_traceback', None)
        if trace and Options.options and getattr(Options.options, 'verbose',
                                                 0):
            sys.stderr.write(trace)
        elif trace:
            sys.stderr.write('  (node-waf -v shows the Python traceback)\n')
        return 1
    except KeyboardInterrupt:
        Logs.error('Interrupted')
        return 68
    return 0


if __name__ == '__main__':
    # Python errors of node-waf-compat itself still name the wscript line.
    try:
        status = main(sys.argv[1:])
    except SystemExit:
        raise
    except BaseException:
        exc = sys.exc_info()
        location = waf_errors.traceback_location(exc[2])
        import traceback
        sys.stderr.write('node-waf: %sinternal error of node-waf-compat '
                         '(please report it):\n' % waf_errors.where(location))
        traceback.print_exception(*exc)
        status = 70
    sys.exit(status)
