# waf_flags.py: the compile and link flags waf 1.5 gave a C/C++ task
# generator, computed the way its ccroot/cc/cxx tools did:
#   - flag attributes, case- and plural-insensitive (cxxflags, ccflag, lib,
#     libpaths, ...), appended uniquely to the task's env (add_extra_flags);
#   - each `uselib` name pulls every <VAR>_<NAME> into <VAR> (apply_lib_vars);
#     node_addon adds NODE to uselib;
#   - `includes` relative to the wscript's folder, '#' for the top folder
#     (apply_incpaths); `defines` plus CXXDEFINES/CCDEFINES (apply_defines).
import os


# ccroot.py's c_attrs: attribute (lower-case, without a plural s) -> variable.
C_ATTRS = {
    'cxxflag': 'CXXFLAGS', 'cflag': 'CCFLAGS', 'ccflag': 'CCFLAGS',
    'linkflag': 'LINKFLAGS', 'ldflag': 'LINKFLAGS', 'lib': 'LIB',
    'libpath': 'LIBPATH', 'staticlib': 'STATICLIB',
    'staticlibpath': 'STATICLIBPATH', 'rpath': 'RPATH',
    'framework': 'FRAMEWORK', 'frameworkpath': 'FRAMEWORKPATH',
}

# The variables a uselib name carries (cc.g_cc_flag_vars | cxx's).
FLAG_VARS = ('CXXDEPS', 'CCDEPS', 'FRAMEWORK', 'FRAMEWORKPATH', 'STATICLIB',
             'LIB', 'LIBPATH', 'LINKFLAGS', 'RPATH', 'CXXFLAGS', 'CCFLAGS',
             'CPPPATH', 'CPPFLAGS', 'CXXDEFINES', 'CCDEFINES',
             'STATICLIBPATH')


def flag_variable(attribute):
    """The env variable a task generator attribute feeds, or None."""
    name = attribute.lower()
    if name.endswith('s'):
        name = name[:-1]
    return C_ATTRS.get(name)


def as_list(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return list(value)
    if isinstance(value, str):
        return value.split()
    return [value]


def _unique(items):
    seen = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return seen


def _minus(values, provided):
    values = list(values)
    for item in provided or ():
        if item in values:
            values.remove(item)
    return values


class Flags(object):
    """What a task generator compiles and links with."""

    def __init__(self):
        self.includes = []      # absolute folders
        self.cxx_defines = []
        self.cc_defines = []
        self.cxxflags = []
        self.ccflags = []
        self.cppflags = []
        self.linkflags = []
        self.libs = []
        self.libpaths = []
        self.staticlibs = []
        self.staticlibpaths = []
        self.rpaths = []
        self.uselib = []


def compute(env, attributes, features, folder, srcdir, provided=None,
            skip_uselib=()):
    """Flags of a task generator whose attributes are `attributes` (a dict),
    created in `folder`, with env `env` (not modified).  `provided` maps a
    variable to values the gyp build supplies itself (left out);
    `skip_uselib` names uselib entries handled another way (pkg-config)."""
    work = env.get_merged_dict()

    def get(var):
        value = work.get(var, [])
        if isinstance(value, str):
            return value.split()
        if isinstance(value, (list, tuple)):
            return list(value)
        return [value]

    def append(var, values, unique=False):
        current = get(var)
        for item in values:
            if not unique or item not in current:
                current.append(item)
        work[var] = current

    for var, values in (provided or {}).items():
        if var in work:
            work[var] = _minus(get(var), values)
    for name, value in attributes.items():
        var = flag_variable(name)
        if var:
            append(var, as_list(value), unique=True)

    uselib = as_list(attributes.get('uselib'))
    if 'node_addon' in features and 'NODE' not in uselib:
        uselib.append('NODE')
    flags = Flags()
    flags.uselib = uselib
    for lib in uselib:
        if lib in skip_uselib:
            continue
        for var in FLAG_VARS:
            values = get(var + '_' + lib)
            if values:
                append(var, values)

    def folder_of(path):
        path = str(path)
        if os.path.isabs(path):
            return os.path.normpath(path)
        if path.startswith('#'):
            return os.path.normpath(os.path.join(srcdir, path[1:]))
        return os.path.normpath(os.path.join(folder, path))

    includes = [folder_of(p) for p in as_list(attributes.get('includes'))]
    includes += [folder_of(p) for p in get('CPPPATH')]
    flags.includes = _unique(includes)
    defines = [str(d) for d in as_list(attributes.get('defines'))]
    flags.cxx_defines = _unique(defines + get('CXXDEFINES'))
    flags.cc_defines = _unique(defines + get('CCDEFINES'))
    flags.cxxflags = get('CXXFLAGS')
    flags.ccflags = get('CCFLAGS')
    flags.cppflags = get('CPPFLAGS')
    flags.linkflags = get('LINKFLAGS')
    flags.libs = _unique(get('LIB'))
    flags.libpaths = _unique([folder_of(p) for p in get('LIBPATH')])
    flags.staticlibs = _unique(get('STATICLIB'))
    flags.staticlibpaths = _unique(
        [folder_of(p) for p in get('STATICLIBPATH')])
    flags.rpaths = _unique(get('RPATH'))
    return flags


def compile_command(compiler, flags, language):
    """Arguments of a compile-and-link of one test program (conf.check)."""
    args = list(compiler)
    if language == 'cxx':
        args += flags.cxxflags + flags.cppflags
        defines = flags.cxx_defines
    else:
        args += flags.ccflags + flags.cppflags
        defines = flags.cc_defines
    args += ['-I' + p for p in flags.includes]
    args += ['-D' + d for d in defines]
    return args


def link_arguments(flags):
    args = list(flags.linkflags)
    args += ['-L' + p for p in flags.libpaths + flags.staticlibpaths]
    if flags.staticlibs:
        args += ['-Wl,-Bstatic'] + ['-l' + l for l in flags.staticlibs] + \
            ['-Wl,-Bdynamic']
    args += ['-l' + l for l in flags.libs]
    args += ['-Wl,-rpath,' + p for p in flags.rpaths]
    return args
