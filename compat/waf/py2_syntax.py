# py2_syntax.py: rewrites the Python 2 syntax of old wscripts into Python 3.
#
# node-waf ran wscripts under Python 2 (waf 1.5 itself is Python 2 code), so
# what a wscript means is what Python 2 made of it.  We translate the source
# text before compiling it: our own small lexer, then token-level edits.  The
# line structure is never changed (no newline is added or removed), so every
# line number in a message is the wscript's own.  Python 3 source passes
# through unchanged.
#
# What is rewritten (Python 2 -> Python 3):
#   print x, y / print >>f, x / print x,   print(...) with the same output
#   except E, e:                            except E as e:
#   raise E, v[, tb]                        raise E(v)[.with_traceback(tb)]
#   raise "message"                         a wscript error with that message
#   exec code in ns                         exec(code, ns)
#   0755, 10L, 0x1fL                        0o755, 10, 0x1f
#   `x`, <>                                 repr(x), !=
#   ur'...'                                 r'...'
#   d.has_key(k)                            d.__contains__(k)
#   d.iteritems() / iterkeys / itervalues   d.items() / keys / values
#   d.keys() / values() / items()           list(d.keys()) ... (lists in 2)
#   os.getcwdu(), sys.maxint                os.getcwd(), sys.maxsize
#   tabs in indentation                     spaces (tab stops of 8, as 2 did)
# Python 2 builtins (xrange, unicode, map returning a list, ...) and modules
# (commands, StringIO, ...) are provided at run time by wscript_module.py.
import keyword
import re

# Names the runtime provides to translated code (see wscript_module.py).
PRINT_TO = '__node_waf_print_to__'
STRING_EXCEPTION = '__node_waf_string_exception__'

_NUMBER = re.compile(
    r'0[xX][0-9a-fA-F]+[lL]?|0[oO][0-7]+[lL]?|0[bB][01]+[lL]?'
    r'|(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?[jJlL]?')
_NAME = re.compile(r'[^\W\d]\w*')
_STRING_START = re.compile(r'([uUbBrRfF]{0,2})(\'\'\'|"""|\'|")')
_OPERATORS = sorted([
    '**=', '//=', '>>=', '<<=', '...', '<>', '!=', '==', '<=', '>=', '**',
    '//', '<<', '>>', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '->',
    ':=', '@=', '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '@', '=',
    '+', '-', '*', '/', '%', '&', '|', '^', '~', '<', '>', '`', '!'],
    key=len, reverse=True)
_OPENERS = {'(': ')', '[': ']', '{': '}'}
_KEYWORDS = set(keyword.kwlist) | {'print', 'exec'}
_COMPOUND = {'if', 'elif', 'else', 'for', 'while', 'try', 'except',
             'finally', 'with', 'def', 'class'}


class Token(object):
    __slots__ = ('kind', 'text', 'start', 'end', 'depth', 'match')

    def __init__(self, kind, text, start, end, depth):
        self.kind = kind      # NAME NUMBER STRING OP NEWLINE
        self.text = text
        self.start = start
        self.end = end
        self.depth = depth    # bracket depth outside this token
        self.match = None     # index of the matching bracket or backtick


class LexError(Exception):
    def __init__(self, message, offset):
        Exception.__init__(self, message)
        self.offset = offset


def _string_end(src, pos, quote):
    """Offset just past the string literal whose quote starts at pos."""
    i = pos + len(quote)
    while i < len(src):
        c = src[i]
        if c == '\\':
            i += 2
            continue
        if src.startswith(quote, i):
            return i + len(quote)
        if c == '\n' and len(quote) == 1:
            break
        i += 1
    raise LexError('unterminated string', pos)


def tokenize(src):
    """Tokens of src (comments, blanks and continuations dropped), and the
    (start, end) spans of string literals."""
    tokens = []
    strings = []
    stack = []
    backtick = None
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c in ' \t\f\r':
            i += 1
            continue
        if c == '#':
            while i < n and src[i] != '\n':
                i += 1
            continue
        if c == '\\' and src.startswith('\n', i + 1):
            i += 2
            continue
        if c == '\\' and src.startswith('\r\n', i + 1):
            i += 3
            continue
        if c == '\n':
            if not stack and tokens and tokens[-1].kind != 'NEWLINE':
                tokens.append(Token('NEWLINE', '\n', i, i + 1, 0))
            i += 1
            continue
        m = _STRING_START.match(src, i)
        if m and (m.group(1) == '' or not _NAME.match(src, i) or
                  _NAME.match(src, i).end() == m.start(2)):
            end = _string_end(src, m.start(2), m.group(2))
            tokens.append(Token('STRING', src[i:end], i, end, len(stack)))
            strings.append((i, end))
            i = end
            continue
        m = _NAME.match(src, i)
        if m:
            tokens.append(Token('NAME', m.group(), i, m.end(), len(stack)))
            i = m.end()
            continue
        m = _NUMBER.match(src, i)
        if m:
            tokens.append(Token('NUMBER', m.group(), i, m.end(), len(stack)))
            i = m.end()
            continue
        for op in _OPERATORS:
            if src.startswith(op, i):
                break
        else:
            raise LexError('unexpected character %r' % c, i)
        token = Token('OP', op, i, i + len(op), len(stack))
        index = len(tokens)
        tokens.append(token)
        if op in _OPENERS:
            stack.append(index)
        elif op in (')', ']', '}'):
            if stack:
                opener = stack.pop()
                token.depth = len(stack)
                token.match = opener
                tokens[opener].match = index
        elif op == '`':
            # Backticks do not nest without brackets; pair them in order.
            if backtick is None:
                backtick = index
            else:
                token.match = backtick
                tokens[backtick].match = index
                backtick = None
        i += len(op)
    if tokens and tokens[-1].kind != 'NEWLINE':
        tokens.append(Token('NEWLINE', '\n', n, n, 0))
    return tokens, strings


class _Edits(object):
    """Non-overlapping replacements of spans of the source.  Insertions at
    the same offset are ordered by `rank` (lower first)."""

    def __init__(self):
        self.items = []

    def replace(self, token, text):
        self.span(token.start, token.end, text)

    def span(self, start, end, text):
        self.items.append((start, end, 0, len(self.items), text))

    def insert(self, offset, text, rank):
        self.items.append((offset, offset, rank, len(self.items), text))

    def apply(self, src):
        out = []
        last = 0
        for start, end, _, _, text in sorted(self.items):
            if start < last:
                continue  # an overlapping edit: keep the first
            out.append(src[last:start])
            out.append(text)
            last = end
        out.append(src[last:])
        return ''.join(out)


# Ranks of insertions: statement-level wrappers enclose expression-level ones.
_OPEN_OUTER, _OPEN_INNER, _CLOSE_INNER, _CLOSE_OUTER = 1, 2, 3, 4


def _statements(tokens):
    """(first, last) token indices of each simple statement, split at
    NEWLINE, at ';' and after the ':' of a compound statement's header."""
    result = []
    start = 0
    i = 0
    lambdas = 0
    while i < len(tokens):
        t = tokens[i]
        if t.kind == 'NEWLINE':
            if i > start:
                result.append((start, i - 1))
            start = i + 1
            lambdas = 0
        elif t.depth == 0 and t.kind == 'OP' and t.text == ';':
            if i > start:
                result.append((start, i - 1))
            start = i + 1
            lambdas = 0
        elif t.depth == 0 and t.kind == 'NAME' and t.text == 'lambda':
            lambdas += 1
        elif (t.depth == 0 and t.kind == 'OP' and t.text == ':' and
              tokens[start].kind == 'NAME' and
              tokens[start].text in _COMPOUND):
            if lambdas:
                lambdas -= 1
            else:
                if i > start:
                    result.append((start, i))
                start = i + 1
        i += 1
    return result


def _top_level(tokens, first, last, depth, kind, text):
    """Indices in [first, last] of tokens at `depth` with that kind/text."""
    return [i for i in range(first, last + 1)
            if tokens[i].depth == depth and tokens[i].kind == kind and
            tokens[i].text == text]


def _primary_start(tokens, j):
    """Index of the first token of the primary expression ending at j
    (a name, literal or bracket, with its attribute/call/index trailers)."""
    while True:
        t = tokens[j]
        if t.kind == 'OP' and t.text in (')', ']', '}') and t.match is not None:
            j = t.match
            prev = tokens[j - 1] if j > 0 else None
            if (tokens[j].text in '([' and prev is not None and
                    (prev.kind == 'STRING' or
                     prev.kind == 'NAME' and prev.text not in _KEYWORDS or
                     prev.kind == 'OP' and prev.text in (')', ']', '}'))):
                j -= 1
                continue
        elif t.kind == 'STRING':
            while j > 0 and tokens[j - 1].kind == 'STRING':
                j -= 1
        if j > 1 and tokens[j - 1].kind == 'OP' and tokens[j - 1].text == '.':
            j -= 2
            continue
        return j


def _fix_tokens(tokens, edits):
    """Expression-level rewrites, token by token."""
    for i, t in enumerate(tokens):
        prev = tokens[i - 1] if i > 0 else None
        after_dot = prev is not None and prev.kind == 'OP' and prev.text == '.'
        if t.kind == 'NUMBER':
            text = t.text
            if text[-1] in 'lL':
                text = text[:-1]
            if re.match(r'^0[0-7]+$', text):
                text = '0o' + text[1:]
            if text != t.text:
                edits.replace(t, text)
        elif t.kind == 'OP' and t.text == '<>':
            edits.replace(t, '!=')
        elif t.kind == 'OP' and t.text == '`' and t.match is not None:
            edits.replace(t, 'repr(' if t.match > i else ')')
        elif t.kind == 'STRING' and t.text[:2].lower() == 'ur':
            edits.span(t.start, t.start + 1, '')
        elif t.kind == 'NAME' and after_dot:
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            call = following is not None and following.text == '('
            renamed = {'has_key': '__contains__', 'iteritems': 'items',
                       'iterkeys': 'keys', 'itervalues': 'values',
                       'getcwdu': 'getcwd', 'maxint': 'maxsize'}
            if t.text in renamed and (call or t.text == 'maxint'):
                edits.replace(t, renamed[t.text])
            if (t.text in ('keys', 'values', 'items') and call and
                    tokens[i + 2].text == ')'):
                start = _primary_start(tokens, i - 2)
                edits.insert(tokens[start].start, 'list(', _OPEN_INNER)
                edits.insert(tokens[i + 2].end, ')', _CLOSE_INNER)


def _fix_print(tokens, first, last, edits):
    nxt = first + 1
    if nxt > last:
        edits.replace(tokens[first], 'print()')
        return
    t = tokens[nxt]
    if t.kind == 'OP' and t.text in ('=', '.', '+=', '-=', ','):
        return  # not a print statement (or not Python 2)
    if t.kind == 'OP' and t.text == '(' and t.match == last:
        inner = range(nxt + 1, last)
        commas = [i for i in inner if tokens[i].depth == t.depth + 1 and
                  tokens[i].text == ',']
        keywords = [i for i in inner if tokens[i].depth == t.depth + 1 and
                    tokens[i].text == '=']
        if keywords or (not commas and last > nxt + 1):
            return  # print(x) means the same in both; print(x, end='') is 3
        # Python 2 printed the tuple (or the empty tuple) itself.
        edits.insert(tokens[nxt].start, '(', _OPEN_OUTER)
        edits.insert(tokens[last].end, ')', _CLOSE_OUTER)
        return
    commas = _top_level(tokens, first, last, 0, 'OP', ',')
    trailing = bool(commas) and commas[-1] == last
    if trailing:
        edits.replace(tokens[last], '')
        end_text = ", end=' ')"
    else:
        end_text = ')'
    if t.kind == 'OP' and t.text == '>>':
        # print >>f, a, b  ->  __node_waf_print_to__( f, a, b)
        edits.replace(tokens[first], PRINT_TO + '(')
        edits.replace(t, '')
    else:
        edits.replace(tokens[first], 'print(')
    close_at = tokens[last - 1].end if trailing else tokens[last].end
    edits.insert(close_at, end_text, _CLOSE_OUTER)


def _fix_exec(tokens, first, last, edits):
    nxt = first + 1
    if nxt > last:
        return
    t = tokens[nxt]
    if t.kind == 'OP' and t.text == '(' and t.match == last:
        return
    if t.kind == 'OP':
        return
    ins = _top_level(tokens, first, last, 0, 'NAME', 'in')
    edits.replace(tokens[first], 'exec(')
    if ins:
        edits.replace(tokens[ins[0]], ',')
    edits.insert(tokens[last].end, ')', _CLOSE_OUTER)


def _fix_raise(tokens, first, last, edits):
    nxt = first + 1
    if nxt > last:
        return
    depth = tokens[first].depth
    commas = [i for i in _top_level(tokens, first, last, depth, 'OP', ',')]
    if tokens[nxt].kind == 'STRING':
        # A Python 2 string exception: raise "message"[, value]
        edits.insert(tokens[nxt].start, STRING_EXCEPTION + '(', _OPEN_OUTER)
        edits.insert(tokens[last].end, ')', _CLOSE_OUTER)
        return
    if not commas:
        return
    value_first = commas[0] + 1
    value_last = commas[1] - 1 if len(commas) > 1 else last
    v = tokens[value_first]
    star = (v.kind == 'OP' and v.text == '(' and v.match == value_last and
            _top_level(tokens, value_first + 1, value_last - 1, v.depth + 1,
                       'OP', ','))
    edits.replace(tokens[commas[0]], '(*' if star else '(')
    if len(commas) > 1:
        edits.replace(tokens[commas[1]], ').with_traceback(')
    edits.insert(tokens[last].end, ')', _CLOSE_OUTER)


def _fix_except(tokens, first, last, edits):
    # `last` is the header's ':'.
    commas = _top_level(tokens, first, last, tokens[first].depth, 'OP', ',')
    if commas:
        edits.replace(tokens[commas[-1]], ' as')


def _fix_indentation(src, strings, edits):
    """Tabs in indentation become spaces at Python 2's tab stops of 8."""
    inside = sorted(strings)
    k = 0
    offset = 0
    for line in src.splitlines(True):
        while k < len(inside) and inside[k][1] <= offset:
            k += 1
        in_string = k < len(inside) and inside[k][0] < offset
        indent = re.match(r'[ \t]*', line).group()
        if '\t' in indent and not in_string:
            edits.span(offset, offset + len(indent), indent.expandtabs(8))
        offset += len(line)


def translate(src):
    """The Python 3 text of a Python 2 (or 3) wscript.  Raises LexError
    (with the offset) for text that is not Python at all."""
    tokens, strings = tokenize(src)
    edits = _Edits()
    _fix_indentation(src, strings, edits)
    _fix_tokens(tokens, edits)
    print_function = re.search(
        r'^\s*from\s+__future__\s+import\s+[^\n]*\bprint_function\b',
        src, re.M) is not None
    for first, last in _statements(tokens):
        head = tokens[first]
        if head.kind != 'NAME':
            continue
        if head.text == 'print' and not print_function:
            _fix_print(tokens, first, last, edits)
        elif head.text == 'exec':
            _fix_exec(tokens, first, last, edits)
        elif head.text == 'raise':
            _fix_raise(tokens, first, last, edits)
        elif head.text == 'except':
            _fix_except(tokens, first, last, edits)
    return edits.apply(src)


def line_of(src, offset):
    return src.count('\n', 0, offset) + 1
