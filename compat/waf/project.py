# project.py: where a node-waf project keeps things, as node-waf did:
#   <srcdir>/.lock-wscript           the configured srcdir/blddir
#   <blddir>/c4che/NAME.cache.py     the configuration envs (waf's format)
#   <blddir>/config.log              what configure checked and ran
#   <blddir>/default/NAME.node       the addon (also <blddir>/Release/)
# and what node-waf-compat adds:
#   <blddir>/c4che/node_waf.json     what the gyp translation needs to know
#                                    about the configuration, and the outputs
#   <blddir>/node-gyp/               the generated binding.gyp, a copy of the
#                                    SDK in node_modules/, and node-gyp's build
import json
import os
import shutil

import Options
from waf_env import Environment
from waf_errors import WafStop

COMPAT_DIR = os.path.normpath(os.path.join(os.path.dirname(
    os.path.abspath(__file__)), '..'))


def _setting(options, module, names, default):
    for source in (options, module):
        for name in names:
            value = getattr(source, name, None)
            if value:
                return value
    return default


class NodeTarget(object):
    """The node a build is for, and the SDK and node-gyp that build it, as
    the launcher (compat/bin/node-waf) passes them."""

    def __init__(self):
        self.compat_dir = COMPAT_DIR
        self.compat_include = os.path.join(COMPAT_DIR, 'include')
        self.node = os.environ.get('NODE_WAF_COMPAT_NODE') or \
            shutil.which('node') or 'node'
        self.node_version = os.environ.get('NODE_WAF_COMPAT_NODE_VERSION', '')
        self.node_abi = os.environ.get('NODE_WAF_COMPAT_NODE_ABI', '')
        self.node_headers = os.environ.get('NODE_WAF_COMPAT_NODEDIR', '')
        self.node_gyp_version = os.environ.get('NODE_WAF_COMPAT_NODE_GYP', '')
        self.nan_dir = os.environ.get('NODE_WAF_COMPAT_NAN', '')


class Project(NodeTarget):
    def __init__(self, wscript, module, options):
        NodeTarget.__init__(self)
        self.wscript = wscript
        self.topdir = os.path.dirname(wscript)
        self.module = module
        self.options = options
        lock = self.read_lock()
        if lock is not None:
            self.srcdir = lock['srcdir']
            self.blddir = lock['blddir']
        else:
            self.choose_dirs()

    def choose_dirs(self):
        """srcdir and blddir as waf's configure chose them: the command
        line, then the wscript's srcdir/top and blddir/out, then '.' and
        'build'."""
        self.srcdir = os.path.abspath(os.path.join(self.topdir, _setting(
            self.options, self.module, ('srcdir', 'top'), '.')))
        blddir = _setting(self.options, self.module, ('blddir', 'out'),
                          'build')
        if blddir == '.':
            raise WafStop('Setting blddir="." may cause distclean problems')
        self.blddir = os.path.abspath(os.path.join(self.topdir, blddir))

    # -- paths ----------------------------------------------------------

    @property
    def lockfile(self):
        return os.path.join(self.topdir, Options.lockfile)

    @property
    def cachedir(self):
        return os.path.join(self.blddir, 'c4che')

    @property
    def variant_dir(self):
        return os.path.join(self.blddir, 'default')

    @property
    def gyp_dir(self):
        return os.path.join(self.blddir, 'node-gyp')

    @property
    def state_file(self):
        return os.path.join(self.cachedir, 'node_waf.json')

    # -- configuration ----------------------------------------------------

    def read_lock(self):
        if not os.path.isfile(self.lockfile):
            return None
        env = Environment(self.lockfile)
        if not env['srcdir'] or not env['blddir']:
            return None
        return {'srcdir': env['srcdir'], 'blddir': env['blddir']}

    def write_lock(self, argv):
        env = Environment()
        env['blddir'] = self.blddir
        env['srcdir'] = self.srcdir
        env['argv'] = argv
        env['commands'] = dict(Options.commands)
        env['options'] = dict((k, v) for k, v in
                              vars(Options.options).items()
                              if isinstance(v, (str, int, float, bool, list,
                                                type(None))))
        env['cwd'] = self.topdir
        env['environ'] = {}
        env.store(self.lockfile)

    def configured(self):
        return os.path.isfile(self.lockfile) and os.path.isfile(
            os.path.join(self.cachedir, 'default.cache.py'))

    def load_envs(self):
        envs = {}
        for name in sorted(os.listdir(self.cachedir)):
            if name.endswith('.cache.py') and not name.startswith('build.'):
                envs[name[:-len('.cache.py')]] = Environment(
                    os.path.join(self.cachedir, name))
        if 'default' not in envs:
            raise WafStop("The project was not configured: run 'node-waf "
                          "configure' first!")
        return envs

    def load_state(self):
        try:
            with open(self.state_file) as handle:
                state = json.load(handle)
        except (OSError, ValueError):
            state = {}
        for key, default in (('provided', {}), ('pkg_config', {}),
                             ('config_headers', []), ('outputs', []),
                             ('built_with', None)):
            state.setdefault(key, default)
        return state

    def save_state(self, state):
        os.makedirs(self.cachedir, exist_ok=True)
        with open(self.state_file, 'w') as handle:
            json.dump(state, handle, indent=1, sort_keys=True)
            handle.write('\n')
