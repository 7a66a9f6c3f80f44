# waf_build.py: waf 1.5's build context (the `bld` of build(bld)), its task
# generators and folder nodes.  Running build(bld) records what the wscript
# asks for -- addons, helper libraries, their attributes and the wscript line
# of each -- and gyp_writer.py turns the record into a binding.gyp.
import glob as _glob
import os
import re
import sys

import Logs
import Utils
import waf_flags
from waf_errors import Refusal, wscript_location, where
from wscript_module import Context

# waf 1.5's task generator classes a wscript could name first in
# new_task_gen(...): only the C and C++ ones make sense for an addon.
_LANGUAGES = ('cc', 'cxx')

# Features node-waf-compat translates.
FEATURES = ('cc', 'cxx', 'cshlib', 'cstaticlib', 'node_addon', 'cprogram')

# task_gen's typos table: accepted spellings of attribute names.
_TYPOS = {'sources': 'source', 'targets': 'target', 'include': 'includes',
          'define': 'defines', 'feature': 'features',
          'install_var': 'install_path', 'install_subdir': 'install_path',
          'inst_var': 'install_path', 'inst_dir': 'install_path'}

# Attributes that mean something to a gyp build.
_TRANSLATED = ('source', 'target', 'name', 'features', 'includes', 'defines',
               'uselib', 'uselib_local', 'add_objects', 'export_incdirs',
               'env', 'path')

# Attributes about installing or versioning a library: nothing to do for an
# addon that is loaded from build/default.
_IGNORED = ('install_path', 'chmod', 'default_install_path', 'vnum',
            'default_chmod')

_EXTENSIONS_CXX = ('.cpp', '.cc', '.cxx', '.C', '.c++')
_EXTENSIONS_C = ('.c',)

# Attributes handled like waf's: unknown ones are kept and reported once.
_REFUSED_ATTRIBUTES = {
    'rule': 'a custom rule (a command run by waf)',
    'mac_app': 'a macOS application bundle',
    'mac_bundle': 'a macOS bundle',
    'subsystem': 'a Windows subsystem',
    'uselib_local_static': 'a local static library',
}


class BuildError(Utils.WafError):
    pass


class Node(object):
    """A folder or file of the source tree (bld.path, bld.srcnode)."""

    def __init__(self, path, bld, built=None):
        self.path = os.path.normpath(path)
        self.bld = bld
        self.name = os.path.basename(self.path)
        # A file that exists only in the build folder (a built module):
        # its path there.
        self.built = built

    def __str__(self):
        return self.name

    def __repr__(self):
        return self.path

    def __eq__(self, other):
        return isinstance(other, Node) and other.path == self.path

    def __hash__(self):
        return hash(self.path)

    @property
    def parent(self):
        return Node(os.path.dirname(self.path), self.bld)

    @property
    def id(self):
        return hash(self.path)

    def abspath(self, env=None):
        if self.built:
            return self.built
        if env is None:
            return self.path
        # The counterpart in the build folder: <blddir>/<variant>/..., the
        # variant of the env (waf 1.5: env.variant(), 'default' unless
        # set_variant changed it).
        rel = os.path.relpath(self.path, self.bld.srcdir)
        variant = env.variant() if hasattr(env, 'variant') else \
            self.bld.env.variant()
        return os.path.normpath(os.path.join(self.bld.blddir, variant, rel))

    def srcpath(self, env=None):
        return os.path.relpath(self.path, self.bld.blddir)

    def bldpath(self, env=None):
        return os.path.relpath(self.abspath(env or True), self.bld.blddir)

    def relpath_gen(self, from_node):
        return os.path.relpath(self.path, from_node.path)

    def height(self):
        return self.path.count(os.sep)

    def is_child_of(self, node):
        return self.path == node.path or \
            self.path.startswith(node.path.rstrip(os.sep) + os.sep)

    def find_dir(self, lst):
        path = os.path.join(self.path, *Utils.to_list(lst)) \
            if not isinstance(lst, str) else os.path.join(self.path, lst)
        return Node(path, self.bld) if os.path.isdir(path) else None

    def find_resource(self, lst):
        path = os.path.join(self.path, lst if isinstance(lst, str)
                            else os.path.join(*lst))
        if os.path.isfile(path):
            return Node(path, self.bld)
        # waf 1.5 also found what the build produced (a post function's
        # find_resource('NAME.node')): the file in a variant folder, the
        # build env's variant first.
        rel = os.path.relpath(path, self.bld.srcdir)
        variants = [self.bld.env.variant()] + sorted(set(
            env.variant() for env in self.bld.all_envs.values()))
        for variant in variants:
            built = os.path.join(self.bld.blddir, variant, rel)
            if os.path.isfile(built):
                return Node(path, self.bld, built=os.path.normpath(built))
        return None

    def find_or_declare(self, lst):
        raise Refusal('path.find_or_declare(%r)' % (lst,),
                      'files generated during the build are not translated',
                      'generate the file before node-waf runs (a package.json '
                      'script) and list it as a source')

    def ant_glob(self, *k, **kw):
        include = k[0] if k else kw.get('incl', '**')
        exclude = kw.get('excl', '')
        want_dirs = kw.get('dir', 0)
        want_files = kw.get('src', 1)
        if kw.get('bld'):
            raise Refusal('ant_glob(bld=True)',
                          'globbing the build folder is not translated',
                          'list the files of the source folder')
        patterns = [_glob_regex(p) for p in Utils.to_list(include)]
        excluded = [_glob_regex(p) for p in Utils.to_list(exclude)]
        found = []
        blddir = self.bld.blddir
        for root, dirs, files in os.walk(self.path):
            dirs[:] = sorted(d for d in dirs if not d.startswith('.') and
                             os.path.join(root, d) != blddir and
                             d != 'node_modules')
            names = (files if want_files else []) + \
                (dirs if want_dirs else [])
            for name in sorted(names):
                rel = os.path.relpath(os.path.join(root, name),
                                      self.path).replace(os.sep, '/')
                if any(p.match(rel) for p in patterns) and \
                        not any(p.match(rel) for p in excluded):
                    found.append(Node(os.path.join(root, name), self.bld))
        if kw.get('flat', True):
            return ' '.join(n.relpath_gen(self) for n in found)
        return found


def _glob_regex(pattern):
    """waf's ant-style pattern ('src/*.cc', '**/*.c') as a regex on a
    '/'-separated relative path."""
    pattern = pattern.replace('//', '/')
    if pattern.endswith('/'):
        pattern += '**'
    segments = pattern.split('/')
    out = ''
    for i, segment in enumerate(segments):
        last = i == len(segments) - 1
        if segment == '**':
            out += '.*' if last else '(?:[^/]+/)*'
            continue
        out += ''.join('[^/]*' if c == '*' else '[^/]' if c == '?'
                       else re.escape(c) for c in segment)
        if not last:
            out += '/'
    return re.compile('^' + out + '$')


class TaskGen(object):
    """A task generator: what bld.new_task_gen returned.  Attributes a
    wscript sets are recorded with the wscript line that set them."""

    def __init__(self, bld, features, location):
        object.__setattr__(self, 'bld', bld)
        object.__setattr__(self, 'attributes', {})
        object.__setattr__(self, 'lines', {})
        object.__setattr__(self, 'location', location)
        object.__setattr__(self, 'path', bld.path)
        object.__setattr__(self, 'env', bld.env.copy())
        object.__setattr__(self, 'features', features)
        object.__setattr__(self, 'source', '')
        object.__setattr__(self, 'target', '')
        object.__setattr__(self, 'name', '')

    def __setattr__(self, name, value):
        name = _TYPOS.get(name, name)
        if name in _REFUSED_ATTRIBUTES:
            raise Refusal('obj.%s = ...' % name,
                          '%s cannot be translated to a node-gyp build' %
                          _REFUSED_ATTRIBUTES[name],
                          'build that part outside node-waf, or move to a '
                          'binding.gyp (node-waf --gyp) and add it there')
        if name == 'features':
            value = waf_flags.as_list(value)
        object.__setattr__(self, name, value)
        self.attributes[name] = value
        self.lines[name] = wscript_location() or self.location

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        raise AttributeError("task generator has no attribute %r" % name)

    def to_list(self, value):
        return Utils.to_list(value)

    def clone(self, env):
        raise Refusal('obj.clone(%r)' % (env,),
                      'build variants are not translated (node-waf-compat '
                      'builds the default variant into build/default)',
                      'drop the clone; for a debug build run node-gyp with '
                      '--debug on the binding.gyp that node-waf --gyp writes')

    def post(self):
        pass

    def apply(self):
        pass

    # -- what the gyp writer reads ----------------------------------------

    def kind(self):
        """'addon', 'library' or a Refusal."""
        features = self.features
        for feature in features:
            if feature not in FEATURES:
                raise Refusal(
                    'new_task_gen(... %r ...)' % feature,
                    'the waf feature %r is not translated (node-waf-compat '
                    'translates %s)' % (feature, ', '.join(FEATURES)),
                    'build that part outside node-waf (a package.json '
                    'script), or move to a binding.gyp (node-waf --gyp) and '
                    'add an "actions" entry there', self.location)
        if 'node_addon' in features:
            return 'addon'
        if 'cprogram' in features:
            raise Refusal('new_task_gen(... cprogram ...)',
                          'a program target is not translated (node-waf-'
                          'compat builds node addons and their helper '
                          'libraries)',
                          'build the program in a binding.gyp "executable" '
                          'target (start from node-waf --gyp)', self.location)
        # A plain 'shlib' is a helper the addon takes in through add_objects
        # or uselib_local (hashlib 1.0.0): built as a static library of
        # position-independent objects, linked into the module.
        # Divergence: with uselib_local waf linked the addon against
        # build/default/libNAME.so, which node found only once installed
        # beside it; linked in, the module loads on its own.
        return 'library'

    def is_shlib(self):
        return 'cshlib' in self.features and 'node_addon' not in \
            self.features

    def sources(self):
        """Absolute paths of the sources, in order."""
        result = []
        for item in waf_flags.as_list(self.source):
            if isinstance(item, Node):
                result.append(item.path)
                continue
            item = str(item)
            path = item if os.path.isabs(item) else \
                os.path.join(self.path.path, item)
            result.append(os.path.normpath(path))
        return result

    def target_name(self):
        target = str(self.target or self.name or '')
        if not target:
            raise Refusal('new_task_gen(...)', 'the task generator has no '
                          'target', "set obj.target = 'name' (the addon "
                          'becomes build/default/name.node)', self.location)
        return target

    def flag_attributes(self):
        return dict(self.attributes)


class BuildContext(Context):
    def __init__(self, project, envs):
        self.project = project
        self.srcdir = project.srcdir
        self.blddir = project.blddir
        self.all_envs = envs
        self.env = envs['default']
        self.srcnode = Node(self.srcdir, self)
        self.bldnode = Node(self.blddir, self)
        self.root = Node(os.sep, self)
        self.path = self.srcnode
        self.curdir = self.srcdir
        self.task_gens = []
        self.post_funs = []
        self.notes = []
        self.is_install = 0
        self.cwd = self.srcdir

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        raise Refusal('bld.%s' % name,
                      'not part of the waf 1.5 build API that node-waf-compat '
                      'provides',
                      'use bld.new_task_gen(...) for the addon; other steps '
                      'belong in a package.json script')

    def note(self, message, location=None):
        location = location or wscript_location()
        text = '%s%s' % (where(location), message)
        self.notes.append(text)
        Logs.warn('node-waf: ' + text)

    def env_of_name(self, name):
        try:
            return self.all_envs[name]
        except KeyError:
            Logs.error('no such environment: %r' % name)
            return None

    def new_task_gen(self, *k, **kw):
        location = wscript_location()
        features = []
        if k:
            if k[0] not in _LANGUAGES:
                raise Refusal(
                    'bld.new_task_gen(%s)' % ', '.join(repr(x) for x in k),
                    '%r is not a task generator node-waf-compat translates '
                    '(it translates %s)' % (k[0], ', '.join(_LANGUAGES)),
                    "build the addon with bld.new_task_gen('cxx', 'shlib', "
                    "'node_addon')", location)
            features = list(k)
            # waf 1.5's compatibility: the second word gets a 'c' prefix.
            if len(features) > 1 and not features[1].startswith('c'):
                features[1] = 'c' + features[1]
        tg = TaskGen(self, features, location)
        if 'features' in kw:
            tg.features = features + waf_flags.as_list(kw.pop('features'))
        for key, value in kw.items():
            setattr(tg, key, value)
        self.task_gens.append(tg)
        return tg

    __call__ = new_task_gen

    def add_subdirs(self, dirs):
        self.recurse(dirs, 'build')

    def recurse(self, dirs, name='build'):
        Context.recurse(self, dirs, name)

    def pre_recurse(self, name_or_module, path, nexdir):
        self.__dict__.setdefault('oldpath', []).append(self.path)
        self.path = Node(nexdir, self)
        return {'bld': self, 'ctx': self}

    def post_recurse(self, name_or_module, path, nexdir):
        self.path = self.oldpath.pop()

    def install_files(self, path, files, env=None, chmod=0o644,
                      relative_trick=False, cwd=None):
        self.note('bld.install_files(%r, ...) ignored: node-waf-compat does '
                  'not install; the addon stays in build/default' % (path,))

    def install_as(self, path, srcfile, env=None, chmod=0o644, cwd=None):
        self.note('bld.install_as(%r, ...) ignored: node-waf-compat does not '
                  'install; the addon stays in build/default' % (path,))

    def symlink_as(self, path, src, env=None, cwd=None):
        self.note('bld.symlink_as(%r, ...) ignored: node-waf-compat does not '
                  'install' % (path,))

    def exec_command(self, cmd, **kw):
        # waf 1.5's BuildContext.exec_command: a command run while build(bld)
        # runs, in the build folder unless cwd= says otherwise; its exit
        # status.  Its output goes to stderr with the rest of the build's.
        if not kw.get('cwd'):
            kw['cwd'] = self.blddir
        os.makedirs(kw['cwd'], exist_ok=True)
        kw.setdefault('stdout', sys.stderr.fileno())
        sys.stdout.flush()
        sys.stderr.flush()
        return Utils.exec_command(cmd, **kw)

    def glob(self, pattern, relative=True):
        # waf 1.5's BuildContext.glob: Python's glob (not ant_glob) from the
        # current wscript's folder; the files found, as a list of paths
        # relative to that folder (absolute with relative=False), which
        # obj.source takes as it is.
        base = self.path.path
        found = sorted(p for p in _glob.glob(os.path.join(base, pattern))
                       if os.path.isfile(p))
        if relative:
            return [os.path.relpath(p, base) for p in found]
        return [os.path.normpath(p) for p in found]

    def add_group(self, *k):
        pass

    def set_group(self, *k):
        pass

    def add_post_fun(self, function):
        self.post_funs.append(function)

    def name_to_obj(self, name, env=None):
        for tg in self.task_gens:
            if tg.name == name or (not tg.name and tg.target == name):
                return tg
        return None

    def get_tgen_by_name(self, name):
        return self.name_to_obj(name)

    def rescan(self, node):
        pass
