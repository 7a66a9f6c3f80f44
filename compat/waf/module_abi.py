# module_abi.py: which module ABI a built addon is for, read from its ELF
# dynamic symbols: modern Node loads an addon through the function
# node_register_module_v<ABI> it exports (process.versions.modules of the
# node whose headers it was compiled against).
import re
import struct

_ENTRY_POINT = re.compile(rb'^node_register_module_v(\d+)$')
_SHT_DYNSYM = 11
_SHN_UNDEF = 0


def _dynamic_symbols(data):
    """The names of the symbols an ELF file defines in .dynsym, or None if
    the file is not ELF."""
    if len(data) < 52 or data[:4] != b'\x7fELF':
        return None
    wide = data[4] == 2
    order = '<' if data[5] == 1 else '>'
    if wide:
        shoff, = struct.unpack_from(order + 'Q', data, 0x28)
        shentsize, shnum = struct.unpack_from(order + 'HH', data, 0x3A)
        section = order + 'IIQQQQIIQQ'
    else:
        shoff, = struct.unpack_from(order + 'I', data, 0x20)
        shentsize, shnum = struct.unpack_from(order + 'HH', data, 0x2E)
        section = order + 'IIIIIIIIII'
    sections = [struct.unpack_from(section, data, shoff + i * shentsize)
                for i in range(shnum)]
    names = []
    for header in sections:
        if header[1] != _SHT_DYNSYM:
            continue
        offset, size, link, entsize = header[4], header[5], header[6], \
            header[9]
        strings = sections[link][4]
        for at in range(offset, offset + size, entsize):
            if wide:
                name, info, other, shndx = struct.unpack_from(
                    order + 'IBBH', data, at)
            else:
                name, = struct.unpack_from(order + 'I', data, at)
                shndx, = struct.unpack_from(order + 'H', data, at + 14)
            if shndx == _SHN_UNDEF or name == 0:
                continue
            end = data.index(b'\0', strings + name)
            names.append(data[strings + name:end])
    return names


def entry_points(path):
    """The module ABIs (strings, e.g. '115') whose entry point the addon at
    path defines; None when it is not an ELF file (not checked)."""
    with open(path, 'rb') as handle:
        data = handle.read()
    try:
        names = _dynamic_symbols(data)
    except (struct.error, ValueError, IndexError):
        return None
    if names is None:
        return None
    found = []
    for name in names:
        match = _ENTRY_POINT.match(name)
        if match and match.group(1).decode() not in found:
            found.append(match.group(1).decode())
    return sorted(found, key=int)
