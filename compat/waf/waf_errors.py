# waf_errors.py: how node-waf stops, always naming the wscript line.
#
# Three ways to stop:
#   Refusal        a wscript asked for something node-waf-compat cannot
#                  honour: the call, why, and what to do instead.
#   WscriptFailure the wscript failed by its own logic (conf.fatal, a raised
#                  WafError or string exception, a Python error in its code).
#   BuildFailure   the build itself failed (node-gyp, the compiler).
import os
import sys
import traceback

# Every wscript we execute: compiled file name -> its original source lines.
WSCRIPTS = {}


def register_wscript(filename, source):
    WSCRIPTS[filename] = source.splitlines()


def _display(filename):
    try:
        rel = os.path.relpath(filename)
    except ValueError:
        return filename
    return filename if rel.startswith('..') else rel


def wscript_location(frame=None):
    """(file, line) of the innermost wscript frame on the current stack."""
    frame = frame or sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_filename in WSCRIPTS:
            return frame.f_code.co_filename, frame.f_lineno
        frame = frame.f_back
    return None


def traceback_location(tb):
    """(file, line) of the innermost wscript frame of a traceback."""
    found = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename in WSCRIPTS:
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def source_line(location):
    if not location:
        return None
    lines = WSCRIPTS.get(location[0], [])
    if 0 < location[1] <= len(lines):
        return lines[location[1] - 1].strip()
    return None


def where(location):
    if not location:
        return ''
    return '%s:%d: ' % (_display(location[0]), location[1])


class WafStop(BaseException):
    """Stops node-waf with a message.  A BaseException, so that a wscript's
    `except Exception:` cannot swallow it."""

    def __init__(self, message, location=None):
        BaseException.__init__(self, message)
        self.message = message
        self.location = location

    def render(self):
        lines = ['node-waf: %s%s' % (where(self.location), self.message)]
        text = source_line(self.location)
        if text:
            lines.append('    %d | %s' % (self.location[1], text))
        return '\n'.join(lines)


# Refusals raised and swallowed by a wscript's bare `except:` still stop the
# command once the wscript function returns.
PENDING = []


class Refusal(WafStop):
    def __init__(self, call, reason, instead, location=None):
        location = location or wscript_location(sys._getframe(1))
        WafStop.__init__(self, '%s: %s' % (call, reason), location)
        self.instead = instead
        PENDING.append(self)

    def render(self):
        return WafStop.render(self) + '\n  instead: ' + self.instead


def check_pending():
    if PENDING:
        raise PENDING[0]


class WscriptFailure(WafStop):
    pass


class BuildFailure(WafStop):
    pass


def python_error(exc_type, exc, tb, context):
    """A WscriptFailure for a Python exception raised in a wscript."""
    location = traceback_location(tb)
    detail = ''.join(traceback.format_exception_only(exc_type, exc)).strip()
    if location is None and isinstance(exc, SyntaxError) and \
            exc.filename in WSCRIPTS:
        location = (exc.filename, exc.lineno or 0)
        detail = 'SyntaxError: %s' % exc.msg
    failure = WscriptFailure('%s%s' % (context, detail), location)
    failure.python_traceback = ''.join(
        traceback.format_exception(exc_type, exc, tb))
    return failure
