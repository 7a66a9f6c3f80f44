# waf_options.py: the command line of node-waf, as waf 1.5 parsed it: its
# own options (-j, -k, -v, -p, --prefix, -b/--blddir, -s/--srcdir, ...),
# node-waf-compat's (--gyp, --gyp-out), and whatever the wscript's
# set_options(opt) adds; the result is Options.options.
import optparse
import os

import Options
import Utils
import waf_tools
from waf_errors import Refusal
from wscript_module import Context

VERSION = 'waf 1.5.16 (node-waf-compat)'

USAGE = '''node-waf [command ...] [options]

Commands (default: build):
  configure   run the wscript's configure(conf): compiler, node, checks
  build       run build(bld), translate it to a binding.gyp, build that with
              node-gyp into build/default/NAME.node
  clean       remove what build made (keeps the configuration)
  distclean   remove the configuration and what build made
  any other   runs the wscript's function of that name
Then the wscript's shutdown() runs, as under node-waf.

  node-waf --gyp   writes binding.gyp (node-gyp's build file, with
                   node-waf-compat attached) from the wscript, for good
  node-waf audit [DIR]  a migration report: each legacy API the addon
                   uses, what the SDK does with it, the modern replacement
                   (node-waf audit --help)'''


def _jobs():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def create_parser():
    parser = optparse.OptionParser(conflict_handler='resolve',
                                   version=VERSION, usage=USAGE)
    p = parser.add_option
    p('-j', '--jobs', type='int', default=int(os.environ.get('JOBS', 0)) or
      _jobs(), dest='jobs', help='amount of parallel jobs (%default)')
    p('-k', '--keep', action='store_true', default=False, dest='keep',
      help='keep running happily on independent task groups')
    p('-v', '--verbose', action='count', default=0, dest='verbose',
      help='verbosity level -v -vv or -vvv [default: 0]')
    p('--nocache', action='store_true', default=False, dest='nocache',
      help='ignored (waf\'s WAFCACHE)')
    p('--zones', action='store', default='', dest='zones',
      help='debugging zones (ignored)')
    p('-p', '--progress', action='count', default=0, dest='progress_bar',
      help='-p: progress bar; -pp: ide output (ignored)')
    p('--targets', action='store', default='', dest='compile_targets',
      help='build given task generators, e.g. "target1,target2"')
    group = optparse.OptionGroup(parser, 'configuration options')
    parser.add_option_group(group)
    group.add_option('-b', '--blddir', action='store', default='',
                     dest='blddir', help='build dir for the project')
    group.add_option('-s', '--srcdir', action='store', default='',
                     dest='srcdir', help='src dir for the project')
    group.add_option('--prefix', default=os.environ.get('PREFIX') or
                     '/usr/local/', dest='prefix',
                     help='installation prefix [default: %default]')
    group = optparse.OptionGroup(parser, 'installation options')
    parser.add_option_group(group)
    group.add_option('--destdir', default=os.environ.get('DESTDIR', ''),
                     dest='destdir', help='installation root')
    group.add_option('-f', '--force', action='store_true', default=False,
                     dest='force', help='force: with --gyp, replace an '
                     'existing binding.gyp')
    group = optparse.OptionGroup(parser, 'node-waf-compat options')
    parser.add_option_group(group)
    group.add_option('--gyp', action='store_true', default=False,
                     dest='gyp', help='write binding.gyp from the wscript '
                     '(configures first if needed) instead of building')
    group.add_option('--gyp-out', action='store', default='binding.gyp',
                     dest='gyp_out', metavar='FILE', help='where --gyp '
                     'writes (relative to the wscript\'s folder; - for '
                     'standard output) [default: %default]')
    return parser


class OptionsContext(Context):
    """The `opt` of set_options(opt)."""

    def __init__(self, parser, folder):
        self.parser = parser
        self.curdir = folder

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        raise Refusal('opt.%s' % name, 'not part of the waf 1.5 options API '
                      'that node-waf-compat provides',
                      'use opt.add_option(...) (optparse) and read '
                      'Options.options')

    def add_option(self, *k, **kw):
        return self.parser.add_option(*k, **kw)

    def add_option_group(self, *k, **kw):
        return self.parser.add_option_group(*k, **kw)

    def get_option_group(self, opt_str):
        return self.parser.get_option_group(opt_str)

    def sub_options(self, *k, **kw):
        if not k:
            raise Utils.WscriptError('folder expected')
        self.recurse(k[0], name='set_options')

    def pre_recurse(self, name_or_module, path, nexdir):
        return {'opt': self, 'ctx': self}

    def tool_options(self, *k, **kw):
        if not k or not k[0]:
            raise Utils.WscriptError('invalid tool_options call %r %r' %
                                     (k, kw))
        tooldir = kw.get('tdir', kw.get('tooldir'))
        for tool in Utils.to_list(k[0]):
            if tooldir:
                raise Refusal('opt.tool_options(%r, tooldir=...)' % tool,
                              'a waf tool of your own cannot be translated '
                              'to a node-gyp build',
                              waf_tools.REFUSAL_INSTEAD % waf_tools.names())
            entry = waf_tools.lookup(tool)
            if entry is None:
                raise Refusal('opt.tool_options(%r)' % tool,
                              'the waf tool %r is not part of node-waf-compat'
                              % tool,
                              waf_tools.REFUSAL_INSTEAD % waf_tools.names())
            if entry[0] is not None:
                entry[0](kw.get('option_group', self))


Options.Handler = OptionsContext


def parse(parser, argv):
    options, args = parser.parse_args(argv)
    Options.options = options
    Options.arg_line = args
    Options.commands = dict((name, 0) for name in Options.cmds)
    if not args and not options.gyp:
        args.append('build')
    for arg in args:
        Options.commands[arg] = True
    if options.jobs < 1:
        options.jobs = 1
    import Logs
    Logs.verbose = options.verbose
    return options, args
