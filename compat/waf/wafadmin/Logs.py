# Logs: waf 1.5's logging helpers.  Like waf, everything goes to stderr.
import sys

verbose = 0
zones = ''


class _Colors(object):
    """Logs.colors.RED etc.: ANSI codes on a terminal, '' otherwise."""
    _codes = {'BOLD': '\x1b[01;1m', 'RED': '\x1b[01;31m',
              'GREEN': '\x1b[32m', 'YELLOW': '\x1b[33m', 'PINK': '\x1b[35m',
              'BLUE': '\x1b[01;34m', 'CYAN': '\x1b[36m', 'NORMAL': '\x1b[0m',
              'cursor_on': '\x1b[?25h', 'cursor_off': '\x1b[?25l'}

    def __call__(self, name):
        return getattr(self, name)

    def __getattr__(self, name):
        if name.startswith('__'):
            raise AttributeError(name)
        if not sys.stderr.isatty():
            return ''
        return self._codes.get(name, '')


colors = _Colors()


def _write(color, text):
    sys.stderr.write('%s%s%s\n' % (colors(color), text, colors.NORMAL))
    sys.stderr.flush()


def _join(k):
    return ' '.join(str(x) for x in k) if len(k) != 1 else str(k[0])


def info(*k, **kw):
    _write('NORMAL', _join(k))


def warn(*k, **kw):
    _write('YELLOW', _join(k))


warning = warn


def error(*k, **kw):
    _write('RED', _join(k))


def debug(*k, **kw):
    if verbose:
        _write('NORMAL', _join(k))


def init_log():
    pass
