# gyp_build.py: builds a generated binding.gyp with node-gyp, for the node
# that runs node-waf, in <blddir>/node-gyp/, and puts each addon where
# node-waf did: <blddir>/<variant>/NAME.node, the variant of its env
# (default, node 0.4; a wscript's env.set_variant('Release'), node 0.6 and
# 0.8), and for the default variant also <blddir>/Release/NAME.node unless
# the addon has a binding.gyp, whose node-gyp build owns build/Release.
#
# The runtime comes prebuilt from node-waf's cache (runtime_cache.py): gyp
# gets -Dcompat_runtime_lib=<archive>, and compat.gyp links that instead of
# compiling src/.  Before it reports success, the build checks that each
# module is for the running node's module ABI (module_abi.py).
#
# The SDK is copied into <blddir>/node-gyp/node_modules/node-waf-compat, so
# that the binding.gyp attaches it with the same line a user's binding.gyp
# uses, and so that gyp sees the runtime's sources inside the project: gyp
# resolves symlinks and writes the makefile of a .gyp found outside the
# project's folder outside build/ as well.  nan, which the SDK's gyp finds
# with require('nan'), is linked beside it.
import filecmp
import os
import re
import shutil
import subprocess
import sys

import module_abi
from waf_errors import BuildFailure

# What of the SDK package a build needs.
_SDK_FILES = ('package.json', 'index.js', 'compat.gyp')
_SDK_DIRS = ('include', 'src')


def _sync_file(source, dest):
    if os.path.isfile(dest) and filecmp.cmp(source, dest, shallow=False):
        return
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    shutil.copy2(source, dest)


def _sync_tree(source, dest):
    wanted = set()
    for root, dirs, files in os.walk(source):
        dirs[:] = [d for d in dirs if d != 'node_modules']
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), source)
            wanted.add(rel)
            _sync_file(os.path.join(root, name), os.path.join(dest, rel))
    for root, dirs, files in os.walk(dest):
        for name in files:
            rel = os.path.relpath(os.path.join(root, name), dest)
            if rel not in wanted:
                os.remove(os.path.join(root, name))


def sync_sdk(project, folder):
    """A copy of the SDK in <folder>/node_modules/node-waf-compat (mtimes
    kept, so that make rebuilds only what changed) and a link to nan."""
    modules = os.path.join(folder, 'node_modules')
    sdk = os.path.join(modules, 'node-waf-compat')
    for name in _SDK_FILES:
        _sync_file(os.path.join(project.compat_dir, name),
                   os.path.join(sdk, name))
    for name in _SDK_DIRS:
        _sync_tree(os.path.join(project.compat_dir, name),
                   os.path.join(sdk, name))
    nan = os.path.join(modules, 'nan')
    if not project.nan_dir or not os.path.isdir(project.nan_dir):
        raise BuildFailure('cannot find the nan package beside node-waf-'
                           'compat (reinstall node-waf-compat: npm install)')
    if os.path.islink(nan) and os.readlink(nan) == project.nan_dir:
        return
    if os.path.lexists(nan):
        if os.path.isdir(nan) and not os.path.islink(nan):
            shutil.rmtree(nan)
        else:
            os.remove(nan)
    os.symlink(project.nan_dir, nan)


def write_if_changed(path, text):
    try:
        with open(path) as handle:
            if handle.read() == text:
                return False
    except OSError:
        pass
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as handle:
        handle.write(text)
    return True


def node_gyp(project, cwd, args, verbose, env=None, defines=()):
    """Runs node-gyp (compat-gyp: the running node's headers) with args in
    cwd; defines are gyp variables (name=value)."""
    env = dict(os.environ if env is None else env)
    # gyp's <!(node ...) expansions run the node that runs node-waf.
    env['PATH'] = os.path.dirname(project.node) + os.pathsep + \
        env.get('PATH', '')
    command = [project.node, os.path.join(project.compat_dir, 'bin',
                                          'compat-gyp')] + args
    command.append('--loglevel=%s' % ('verbose' if verbose else 'warn'))
    if defines:
        command += ['--'] + ['-D' + d for d in defines]
    if verbose:
        sys.stderr.write('node-waf: %s\n' % ' '.join(command))
    sys.stdout.flush()
    sys.stderr.flush()
    # node-gyp's output goes to stderr with the rest of node-waf's: stdout
    # carries only what the wscript prints, as under waf.
    status = subprocess.call(command, cwd=cwd, env=env,
                             stdout=sys.stderr.fileno())
    if status != 0:
        raise BuildFailure('Build failed: node-gyp %s exited with status %d '
                           '(its messages are above)' % (args[0], status))


def _publish(source, dest):
    # A new file, not an overwrite: a process may have the old one mapped.
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    temporary = dest + '.node-waf-tmp'
    shutil.copy2(source, temporary)
    os.replace(temporary, dest)


def check_abi(project, name, product):
    """Stops unless the module is built for the running node's module ABI:
    it must define node_register_module_v<ABI>, which modern Node looks up
    when it loads an addon (our runtime defines it, compat/src/
    node_module.cc), or Node refuses it."""
    if not project.node_abi:
        return
    found = module_abi.entry_points(product)
    if found is None or project.node_abi in found:
        return
    built = ', '.join('ABI %s (node_register_module_v%s)' % (v, v)
                      for v in found) or 'no node_register_module_v<ABI>'
    raise BuildFailure(
        'Build failed: %s.node is built for %s, but the node running node-waf '
        '(%s) loads module ABI %s: node-gyp used headers of another node'
        % (name, built, project.node_version, project.node_abi))


# A glob over waf's variant folders in an install step: build/*/x.node.
_VARIANT_GLOB = re.compile(r'build/\*/')


def _globs_variant_folders(topdir):
    """Whether the package's install steps (its Makefile, shell scripts
    and package.json scripts, beside the wscript or one folder up) name the
    module through a glob over the variant folders."""
    folders = [topdir, os.path.dirname(topdir)]
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if not (name in ('Makefile', 'makefile', 'GNUmakefile',
                             'package.json') or name.endswith('.sh')):
                continue
            try:
                with open(os.path.join(folder, name), errors='replace') as f:
                    if _VARIANT_GLOB.search(f.read()):
                        return True
            except OSError:
                continue
    return False


def build(project, gyp_text, addons, state, jobs, verbose,
          runtime_lib=None):
    """Builds; returns the files written outside the node-gyp folder.
    runtime_lib: a prebuilt runtime archive to link instead of compiling
    the runtime (runtime_cache.py)."""
    os.makedirs(project.gyp_dir, exist_ok=True)
    sync_sdk(project, project.gyp_dir)
    write_if_changed(os.path.join(project.gyp_dir, 'binding.gyp'), gyp_text)
    node = [project.node, project.node_version]
    if state.get('built_with') != node:
        # Objects compiled for another node (another set of headers).
        shutil.rmtree(os.path.join(project.gyp_dir, 'build'),
                      ignore_errors=True)
    defines = ['compat_runtime_lib=' + runtime_lib] if runtime_lib else []
    node_gyp(project, project.gyp_dir, ['configure'], verbose,
             defines=defines)
    state['built_with'] = node
    node_gyp(project, project.gyp_dir, ['build', '--jobs', str(max(1, jobs))],
             verbose)
    product_dir = os.path.join(project.gyp_dir, 'build', 'Release')
    products = []
    for name, output, variant in addons:
        product = os.path.join(product_dir, name + '.node')
        if not os.path.isfile(product):
            raise BuildFailure('node-gyp did not produce %s' % product)
        check_abi(project, name, product)
        products.append((product, output, variant))
    written = []
    own_gyp = os.path.exists(os.path.join(project.topdir, 'binding.gyp'))
    single = _globs_variant_folders(project.topdir)
    for product, output, variant in products:
        # The variant's folder, as waf; for the default variant also
        # Release (node 0.6 and 0.8's name), unless a binding.gyp's build
        # owns it, or the package's own install steps copy the module with
        # a glob over the variant folders (cp build/*/NAME.node lib/), which
        # a second copy would give two sources.  A wscript that asked for
        # "Release" gets it regardless.
        variants = [variant]
        if variant == 'default' and not own_gyp and not single:
            variants.append('Release')
        for folder in variants:
            dest = os.path.join(project.blddir, folder, output)
            _publish(product, dest)
            written.append(dest)
    return written
