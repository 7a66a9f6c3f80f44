# waf_env.py: waf 1.5's Environment (conf.env, bld.env, obj.env), with its
# semantics: a missing key reads as [], attributes are keys, copy() derives
# a child that sees later changes of its parent, and the append/prepend
# helpers turn the value into a list first.  Stored as build/c4che/NAME.cache.py
# in waf's own format (one `KEY = repr(value)` line per key).
import ast
import copy as _copy
import re

from waf_errors import Refusal

_LINE = re.compile(r'^([^#=\s][^=]*?) = (.*)$', re.M)

# waf 1.5 (Constants.VARIANT): the key under which an env keeps its variant,
# the folder of <blddir> its task generators build into.
VARIANT = '_VARIANT_'
DEFAULT = 'default'

# Environment's methods in waf 1.5; anything else called on an env is a
# missing key read as [], which Python would report as "'list' object is
# not callable".
_METHODS = ('append_unique', 'append_value', 'copy', 'detach', 'get_destdir',
            'get_flat', 'get_merged_dict', 'keys', 'load', 'prepend_value',
            'set_variant', 'store', 'update', 'variant')


class _Missing(list):
    """What reading a missing key gives: [] as in waf, but calling it, as
    a wscript calls a method waf 1.5's Environment did not have, stops at
    the line instead of a Python TypeError."""
    __slots__ = ('key',)

    def __call__(self, *k, **kw):
        raise Refusal('env.%s(...)' % self.key,
                      "waf 1.5's Environment has no method %r (its methods: "
                      '%s)' % (self.key, ', '.join(_METHODS)),
                      'read and set values as env[%r] or env.%s = [...]; '
                      'for anything else, compute it in the wscript\'s own '
                      'Python' % (self.key, self.key))


class Environment(object):
    __slots__ = ('table', 'parent')

    def __init__(self, filename=None):
        self.table = {}
        self.parent = None
        if filename:
            self.load(filename)

    def __contains__(self, key):
        env = self
        while env is not None:
            if key in env.table:
                return True
            env = env.parent
        return False

    def __getitem__(self, key):
        env = self
        while env is not None:
            value = env.table.get(key)
            if value is not None:
                return value
            env = env.parent
        return []

    def __setitem__(self, key, value):
        self.table[key] = value

    def __delitem__(self, key):
        del self.table[key]

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        if name in self:
            return self[name]
        missing = _Missing()
        missing.key = name
        return missing

    def __setattr__(self, name, value):
        if name in Environment.__slots__:
            object.__setattr__(self, name, value)
        else:
            self[name] = value

    def __delattr__(self, name):
        del self[name]

    def __str__(self):
        merged = self.get_merged_dict()
        return '\n'.join('%r %r' % (k, merged[k]) for k in sorted(merged))

    def get(self, key, default=None):
        return self[key] if key in self else default

    def pop(self, key, *default):
        return self.table.pop(key, *default)

    def keys(self):
        return list(self.get_merged_dict().keys())

    def copy(self):
        # waf 1.5: a derived environment, not a snapshot.
        child = Environment()
        child.parent = self
        return child

    def detach(self):
        merged = self.get_merged_dict()
        self.parent = None
        self.table = dict((k, _copy.deepcopy(v)) for k, v in merged.items())

    def get_flat(self, key):
        value = self[key]
        return value if isinstance(value, str) else ' '.join(value)

    def _list_for_modification(self, key):
        if key in self.table:
            value = self.table[key]
            if not isinstance(value, list):
                value = [value]
        else:
            value = self.parent[key] if self.parent is not None else []
            value = value[:] if isinstance(value, list) else [value]
        self.table[key] = value
        return value

    def append_value(self, var, value):
        current = self._list_for_modification(var)
        if isinstance(value, list):
            current.extend(value)
        else:
            current.append(value)

    def prepend_value(self, var, value):
        current = self._list_for_modification(var)
        if isinstance(value, list):
            self.table[var] = value + current
        else:
            current.insert(0, value)

    def append_unique(self, var, value):
        current = self._list_for_modification(var)
        for item in value if isinstance(value, list) else [value]:
            if item not in current:
                current.append(item)

    def get_merged_dict(self):
        chain = []
        env = self
        while env is not None:
            chain.insert(0, env.table)
            env = env.parent
        merged = {}
        for table in chain:
            merged.update(table)
        return merged

    def update(self, values):
        for key, value in values.items():
            self[key] = value

    # waf 1.5: the variant is an entry of the env (stored with it in
    # c4che/), read through the parents; node-waf 0.6 and 0.8 wscripts set
    # "Release" so that the module landed in build/Release/.
    def set_variant(self, name):
        self.table[VARIANT] = name

    def variant(self):
        value = self[VARIANT]
        return value if value and isinstance(value, str) else DEFAULT

    def get_destdir(self):
        import Options
        return getattr(Options.options, 'destdir', '')

    def store(self, filename):
        merged = self.get_merged_dict()
        with open(filename, 'w') as out:
            for key in sorted(merged):
                out.write('%s = %r\n' % (key, merged[key]))

    def load(self, filename):
        with open(filename) as source:
            text = source.read()
        for match in _LINE.finditer(text):
            try:
                self.table[match.group(1)] = ast.literal_eval(match.group(2))
            except (ValueError, SyntaxError):
                # A value that is not a literal (an object a wscript stored):
                # keep its text, as there is nothing better to rebuild.
                self.table[match.group(1)] = match.group(2)
