# gyp_writer.py: what a wscript's build(bld) recorded, as a binding.gyp.
#
# One gyp target per task generator: a node_addon becomes the addon (a
# loadable module, node-gyp's default), a 'cc'/'cxx' generator without it a
# static library linked in through uselib_local/add_objects.  Every target
# depends on the SDK the way README.md tells users to attach it:
#   'dependencies': ["<!(node -p \"require('node-waf-compat').gyp\")"]
# Flags follow waf 1.5's rules (waf_flags.py):
#   CXXFLAGS -> cflags_cc, CCFLAGS -> cflags_c, CPPFLAGS -> cflags,
#   defines/CXXDEFINES/CCDEFINES -> defines (language-specific ones as -D in
#   cflags_cc/cflags_c), includes/CPPPATH -> include_dirs, LIB -> libraries
#   (-l), LIBPATH -> library_dirs, LINKFLAGS -> libraries (before LIB's -l,
#   after the objects, where waf 1.5's link command put them), RPATH ->
#   ldflags.
# A uselib filled by conf.check_cfg (pkg-config --cflags --libs) and left
# as pkg-config set it asks pkg-config again at build time
# (<!@(pkg-config --cflags zlib)), as a hand-written binding.gyp does.
import os

import waf_flags
from waf_errors import Refusal, WscriptFailure

COMPAT_DEPENDENCY = "<!(node -p \"require('node-waf-compat').gyp\")"

_CXX = ('.cpp', '.cc', '.cxx', '.C', '.c++')
_C = ('.c',)
_HEADERS = ('.h', '.hh', '.hpp', '.hxx', '.inl')

# A .c file in a generator without the 'cc' feature: waf 1.5's cxx tool
# compiled it as C++ (init_cxx maps '.c' to the C++ compiler).  gyp compiles
# .c with the C compiler, so an action writes a .cc that includes it.  The
# script avoids '#' and '$', which make would take for a comment and a
# variable.
_C_AS_CXX_ACTION = (
    "var a = process.argv; require('fs').writeFileSync(a[2], "
    "String.fromCharCode(35) + 'include ' + "
    "JSON.stringify(require('path').resolve(a[1])) + "
    "String.fromCharCode(10))")


def _rel(path, base):
    rel = os.path.relpath(path, base)
    return rel.replace(os.sep, '/')


def _folder(path, base, srcdir):
    """A folder for include_dirs/library_dirs: relative inside the project,
    absolute outside it (/usr/include/...)."""
    if path == srcdir or path.startswith(srcdir.rstrip(os.sep) + os.sep):
        return _rel(path, base)
    return path


def _pkg_config_uselibs(tg, state):
    """uselib names whose flags are pkg-config's, untouched since."""
    result = {}
    merged = tg.env.get_merged_dict()
    for name in waf_flags.as_list(tg.attributes.get('uselib')):
        record = state['pkg_config'].get(name)
        if not record:
            continue
        current = {}
        for var in waf_flags.FLAG_VARS:
            value = merged.get(var + '_' + name)
            if value is not None:
                current[var] = list(value) if isinstance(value, (list, tuple)) \
                    else value
        if current == record['snapshot']:
            result[name] = record
    return result


def _check_compilers(tg):
    env = tg.env
    if 'cxx' in tg.features and not env['CXX_NAME']:
        raise WscriptFailure("At least one compiler (g++, ..) must be "
                             "selected: add conf.check_tool('compiler_cxx') "
                             "to configure()", tg.location)
    if 'cc' in tg.features and not env['CC_NAME']:
        raise WscriptFailure("At least one compiler (gcc, ..) must be "
                             "selected: add conf.check_tool('compiler_cc') "
                             "to configure()", tg.location)


def _asks_for_standard(tg, flags):
    """Whether the C++ flags name a language standard (-std=c++0x): in the
    task generator's flags, the configuration's, or the CXXFLAGS/CPPFLAGS
    that make reads from the environment when it builds."""
    words = list(flags.cxxflags) + list(flags.cppflags)
    for var in ('CXXFLAGS', 'CPPFLAGS'):
        words += waf_flags.as_list(tg.env[var])
        words += os.environ.get(var, '').split()
    return any(str(w).startswith('-std=') for w in words)


def _target(tg, kind, names, state, base, srcdir):
    _check_compilers(tg)
    pkg = _pkg_config_uselibs(tg, state)
    # A path in a flag, relative to waf's build folder: from the folder of
    # the binding.gyp (node-gyp's module_root_dir), which gyp leaves alone
    # in flags, wherever make runs the compiler.
    def render(path):
        if path == srcdir or path.startswith(srcdir.rstrip(os.sep) + os.sep):
            return '<(module_root_dir)/' + _rel(path, base)
        return path

    flags = waf_flags.compute(tg.env, tg.flag_attributes(), tg.features,
                              tg.path.path, srcdir,
                              provided=state['provided'], skip_uselib=pkg,
                              blddir=tg.bld.blddir, render=render)
    cxx, c, headers = [], [], []
    for path in tg.sources():
        ext = os.path.splitext(path)[1]
        if ext in _CXX:
            cxx.append(path)
        elif ext in _C:
            c.append(path)
        elif ext in _HEADERS:
            headers.append(path)
        else:
            raise Refusal('obj.source', 'the file %s has no mapping in '
                          'node-waf-compat (it compiles %s)' % (
                              _rel(path, srcdir), ' '.join(_CXX + _C)),
                          'generate or compile it before node-waf runs, or '
                          'move to a binding.gyp (node-waf --gyp) and add a '
                          '"rules" entry there', tg.lines.get('source',
                                                               tg.location))
        if not os.path.isfile(path):
            raise WscriptFailure('source not found: %s' % _rel(path, srcdir),
                                 tg.lines.get('source', tg.location))
    if not cxx and not c:
        raise WscriptFailure('the task generator %r has no source to compile'
                             % tg.target_name(), tg.lines.get('source',
                                                              tg.location))
    c_as_cxx = bool(c) and 'cc' not in tg.features

    target = {'target_name': names[id(tg)]}
    if kind == 'library':
        target['type'] = 'static_library'
    elif names[id(tg)].startswith('lib'):
        # gyp's make generator drops a leading "lib" from a module's name
        # (libxmljs.node would be xmljs.node); waf kept the target's name.
        target['product_name'] = names[id(tg)]
    sources = cxx + ([] if c_as_cxx else c) + headers
    target['sources'] = [_rel(p, base) for p in sources]
    dependencies = []
    if kind == 'addon' or cxx or c_as_cxx:
        dependencies.append(COMPAT_DEPENDENCY)
    for attribute in ('uselib_local', 'add_objects'):
        for name in waf_flags.as_list(tg.attributes.get(attribute)):
            other = tg.bld.name_to_obj(name)
            if other is None:
                raise WscriptFailure('object %r was not found in %s (required'
                                     ' by %r)' % (name, attribute,
                                                  tg.target_name()),
                                     tg.lines.get(attribute, tg.location))
            dependencies.append(names[id(other)])
    target['dependencies'] = dependencies

    includes = list(flags.includes) + list(state['config_headers'])
    target['include_dirs'] = [_folder(p, base, srcdir) for p in includes]
    if c and not c_as_cxx:
        common = [d for d in flags.cxx_defines if d in flags.cc_defines]
        if not cxx:
            common = flags.cc_defines
    else:
        common = flags.cxx_defines
    if kind == 'library' and tg.is_shlib():
        # waf 1.5's gcc and g++ tools: shlib_CCFLAGS/shlib_CXXFLAGS.
        common = common + ['PIC']
    if (cxx or c_as_cxx) and not _asks_for_standard(tg, flags):
        # The SDK compiles old C++ as GNU C++98, the compilers' default of
        # the time.  Today's system headers that need C++11 do so mostly
        # for ICU's C++ API (libxml2's headers include ICU's: libxmljs);
        # ICU's own switch hides it from C++98 code, which could not use
        # it anyway.  A wscript that names a standard gets ICU whole.
        common = common + ['U_SHOW_CPLUSPLUS_API=0']
    target['defines'] = common
    cflags = list(flags.cppflags)
    if kind == 'library' and tg.is_shlib():
        cflags.insert(0, '-fPIC')
    for record in pkg.values():
        if '--cflags' in record['args']:
            cflags.append('<!@(pkg-config --cflags %s)' % record['package'])
    target['cflags'] = cflags
    if cxx or c_as_cxx:
        target['cflags_cc'] = flags.cxxflags + [
            '-D' + d for d in flags.cxx_defines if d not in common]
    if c and not c_as_cxx:
        target['cflags_c'] = flags.ccflags + [
            '-D' + d for d in flags.cc_defines if d not in common]
    # waf 1.5 linked `${SRC} ... ${LINKFLAGS}`, LIB's -l flags appended to
    # LINKFLAGS: all after the objects.  gyp's ldflags come before them, where
    # a library named in linkflags (obj.linkflags = ['-lpcap']) would be
    # dropped by the linker; gyp's libraries come after.
    linkflags = list(flags.linkflags)
    if '-mimpure-text' in linkflags:
        # A Solaris option; gcc of 2011 on other systems warned
        # ("unrecognized option") and went on, today's gcc stops.
        linkflags = [f for f in linkflags if f != '-mimpure-text']
        tg.bld.note('-mimpure-text (a Solaris option) left out of the link '
                    'of %r, as gcc ignored it elsewhere' % tg.target_name(),
                    tg.lines.get('linkflags', tg.location))
    libraries = linkflags + ['-l' + l for l in flags.libs]
    if flags.staticlibs:
        libraries += ['-Wl,-Bstatic'] + ['-l' + l for l in flags.staticlibs] \
            + ['-Wl,-Bdynamic']
    for record in pkg.values():
        if '--libs' in record['args']:
            libraries.append('<!@(pkg-config --libs %s)' % record['package'])
    target['libraries'] = libraries
    target['library_dirs'] = [_folder(p, base, srcdir) for p in
                              flags.libpaths + flags.staticlibpaths]
    target['ldflags'] = ['-Wl,-rpath,' + p for p in flags.rpaths]
    exported = waf_flags.as_list(tg.attributes.get('export_incdirs'))
    if exported:
        target['direct_dependent_settings'] = {'include_dirs': [
            _rel(os.path.join(tg.path.path, p), base) for p in exported]}
    if c_as_cxx:
        target['actions'] = [{
            'action_name': 'c_as_cxx_%d' % i,
            'inputs': [_rel(p, base)],
            'outputs': ['<(INTERMEDIATE_DIR)/%s.cc' % os.path.basename(p)],
            'action': ['node', '-e', _C_AS_CXX_ACTION, '<@(_inputs)',
                       '<@(_outputs)'],
            'process_outputs_as_sources': 1,
        } for i, p in enumerate(c)]
    # node-waf defined no BUILDING_NODE_EXTENSION (node-gyp's addon.gypi
    # does): sources that #define it themselves would be told "redefined".
    target['defines!'] = ['BUILDING_NODE_EXTENSION']
    if not optimise():
        # node-waf compiled a wscript's sources with -g and the wscript's
        # own flags, no optimisation and no warnings; node-gyp adds -O3 (in
        # its Release configuration) and -Wall -Wextra.  Old code with
        # undefined behaviour that -O0 forgave (a non-void function falling
        # off its end after ThrowException) breaks at -O3, and its warnings
        # are not the user's to read.  A -O of the wscript's stays.
        target['cflags!'] = _NODE_GYP_WARNINGS
        target['configurations'] = {'Release': {'cflags!': ['-O3']}}
    return dict((k, v) for k, v in target.items() if v != [] and v != {})


# What node-gyp's addon.gypi adds to every target and node-waf did not.
_NODE_GYP_WARNINGS = ['-Wall', '-Wextra', '-Wno-unused-parameter']


def optimise(environ=None):
    """NODE_WAF_COMPAT_OPTIMIZE=1: the wscript's sources get node-gyp's
    optimisation and warnings (-O3 -Wall -Wextra) instead of node-waf's."""
    value = (os.environ if environ is None else environ).get(
        'NODE_WAF_COMPAT_OPTIMIZE', '')
    return value not in ('', '0')


def addon_output(tg, srcdir):
    """(path relative to the variant folder, variant) of an addon's module:
    waf mirrored the source tree, build/default/<folder>/NAME.node."""
    output = os.path.normpath(os.path.join(
        os.path.relpath(tg.path.path, srcdir),
        tg.target_name() + '.node')).replace(os.sep, '/')
    return output, tg.env.variant()


def targets(bld, state, base, layout):
    """The gyp targets of a recorded build, as (dicts, addons) where addons
    lists (gyp target name, output path relative to the variant folder,
    variant): waf 1.5 built into <blddir>/<variant>/, the variant of the
    task generator's env ('default', or what env.set_variant said)."""
    names = {}
    kinds = {}
    taken = {}
    for tg in bld.task_gens:
        kinds[id(tg)] = tg.kind()
        target = tg.target_name()
        name = str(tg.name or os.path.basename(target)) \
            if kinds[id(tg)] == 'library' else os.path.basename(target)
        name = name.replace('/', '_')
        if name in taken:
            raise Refusal('bld.new_task_gen(...)', 'a second target named %r '
                          '(the first is at line %d)' % (
                              name, taken[name].location[1]
                              if taken[name].location else 0),
                          'give each task generator its own target',
                          tg.location)
        taken[name] = tg
        names[id(tg)] = name
    result = []
    addons = []
    for tg in bld.task_gens:
        kind = kinds[id(tg)]
        result.append(_target(tg, kind, names, state, base, bld.srcdir))
        if kind == 'addon':
            output, variant = addon_output(tg, bld.srcdir)
            addons.append((names[id(tg)], output, variant))
            folder = os.path.dirname(output)
            # node-gyp's own build/Release/NAME.node is already where a
            # "Release" variant puts a module of the top folder.
            if layout and (variant != 'Release' or folder):
                result.append({
                    'target_name': names[id(tg)] + '_node_waf_layout',
                    'type': 'none',
                    'dependencies': [names[id(tg)]],
                    'copies': [{
                        'destination': '<(module_root_dir)/build/' +
                                       variant +
                                       ('/' + folder if folder else ''),
                        'files': ['<(PRODUCT_DIR)/%s.node' % names[id(tg)]],
                    }],
                })
    if not addons:
        raise Refusal('build(bld)', 'the wscript builds no node addon',
                      "create it with bld.new_task_gen('cxx', 'shlib', "
                      "'node_addon') and set target and source",
                      bld.task_gens[0].location if bld.task_gens else None)
    return result, addons


# -- text ------------------------------------------------------------------

def _literal(text):
    text = str(text)
    if "'" in text:
        return '"%s"' % text.replace('\\', '\\\\').replace('"', '\\"')
    return "'%s'" % text.replace('\\', '\\\\')


def _format(value, indent):
    pad = ' ' * indent
    if isinstance(value, dict):
        lines = ['{']
        for key, item in value.items():
            lines.append('%s  %s: %s,' % (pad, _literal(key),
                                          _format(item, indent + 2)))
        lines.append(pad + '}')
        return '\n'.join(lines)
    if isinstance(value, list):
        if all(not isinstance(v, (dict, list)) for v in value):
            inline = '[%s]' % ', '.join(_format(v, 0) for v in value)
            if len(inline) + indent < 64:
                return inline
        lines = ['[']
        for item in value:
            lines.append('%s  %s,' % (pad, _format(item, indent + 2)))
        lines.append(pad + ']')
        return '\n'.join(lines)
    if isinstance(value, bool) or isinstance(value, int):
        return str(int(value))
    return _literal(value)


def render(target_list, comment):
    head = ''.join('# %s\n' % line if line else '#\n'
                   for line in comment.splitlines())
    return head + _format({'targets': target_list}, 0) + '\n'
