# waf_flags.py: the compile and link flags waf 1.5 gave a C/C++ task
# generator, computed the way its ccroot/cc/cxx tools did:
#   - flag attributes, case- and plural-insensitive (cxxflags, ccflag, lib,
#     libpaths, ...), appended uniquely to the task's env (add_extra_flags);
#   - each `uselib` name pulls every <VAR>_<NAME> into <VAR> (apply_lib_vars);
#     node_addon adds NODE to uselib;
#   - `includes` relative to the wscript's folder, '#' for the top folder
#     (apply_incpaths); `defines` plus CXXDEFINES/CCDEFINES (apply_defines);
#   - everything else verbatim on the command line, which waf ran in the
#     build folder (blddir): a relative path in a flag (-I../deps,
#     ../deps/lib/libx.a, -L.) or in LIBPATH/STATICLIBPATH is relative to
#     blddir, and is made absolute here, since node-gyp compiles elsewhere.
import os
import re


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


# Options that take a path, joined (-I../deps) or as the next argument.
# Longest first: '-isystem' is not '-i' + 'system'.
_PATH_OPTIONS = ('-isystem', '-idirafter', '-iquote', '-imacros',
                 '-include', '-I', '-L')
# Options whose next argument is a value that is not a path.
_VALUE_OPTIONS = ('-Xlinker', '-Xassembler', '-Xpreprocessor', '-arch',
                  '-framework', '-x', '-MF', '-MT', '-MQ', '-o')
# A bare argument naming a file to link: an archive, object or library.
_LINKABLE = re.compile(r'\.(a|o|so|la|lo|dylib)(\.[0-9]+)*$')


def _rebase(value, blddir, render):
    if not value or os.path.isabs(value) or value[0] in '$<`~':
        return value
    return render(os.path.normpath(os.path.join(blddir, value)))


def rebase_flags(args, blddir, render=None):
    """Compiler or linker arguments with each relative path made relative
    to blddir, where waf ran the command; `render` turns the absolute path
    into what to write (the path itself by default)."""
    render = render or (lambda path: path)
    result = []
    pending = None          # the option whose value is the next argument
    for arg in args:
        arg = str(arg)
        if pending is not None:
            result.append(_rebase(arg, blddir, render)
                          if pending in _PATH_OPTIONS else arg)
            pending = None
            continue
        if arg in _PATH_OPTIONS or arg in _VALUE_OPTIONS:
            pending = arg
            result.append(arg)
            continue
        for option in _PATH_OPTIONS:
            if arg.startswith(option) and len(arg) > len(option):
                result.append(option + _rebase(arg[len(option):], blddir,
                                               render))
                break
        else:
            if not arg.startswith('-') and ('/' in arg or
                                            _LINKABLE.search(arg)):
                arg = _rebase(arg, blddir, render)
            result.append(arg)
    return result


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
            skip_uselib=(), blddir=None, render=None):
    """Flags of a task generator whose attributes are `attributes` (a dict),
    created in `folder`, with env `env` (not modified).  `provided` maps a
    variable to values the gyp build supplies itself (left out);
    `skip_uselib` names uselib entries handled another way (pkg-config).
    With `blddir`, relative paths in flags and library paths are taken
    from there, as waf ran the compiler in it, and written by `render`."""
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
    def command_line(var):
        values = get(var)
        return rebase_flags(values, blddir, render) if blddir else values

    def library_folder(path):
        # waf 1.5 passed LIBPATH as -L<path>, from the build folder.
        path = str(path)
        if blddir and not os.path.isabs(path):
            return os.path.normpath(os.path.join(blddir, path))
        return folder_of(path)

    flags.cxxflags = command_line('CXXFLAGS')
    flags.ccflags = command_line('CCFLAGS')
    flags.cppflags = command_line('CPPFLAGS')
    flags.linkflags = command_line('LINKFLAGS')
    flags.libs = _unique(get('LIB'))
    flags.libpaths = _unique([library_folder(p) for p in get('LIBPATH')])
    flags.staticlibs = _unique(get('STATICLIB'))
    flags.staticlibpaths = _unique(
        [library_folder(p) for p in get('STATICLIBPATH')])
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
