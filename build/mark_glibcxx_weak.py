#!/usr/bin/env python3
"""Mark a shared library's need for one GLIBCXX symbol version as weak.

TorchSharp 0.107's libLibTorchSharp.so was linked against GCC 13 and asks for
GLIBCXX_3.4.32, but the only symbol that needs it (std::ios_base_library_init)
is never called. On systems whose libstdc++ stops at an older version (Debian 12
has 3.4.30) the loader refuses the library. Setting VER_FLG_WEAK on that entry of
.gnu.version_r lets it load; nothing else in the file changes.

Usage: mark_glibcxx_weak.py LIBRARY [VERSION]
Does nothing when the system libstdc++ already provides VERSION. Idempotent.
Standard library only, so a fresh machine needs nothing beyond python3.
"""
import glob
import struct
import sys

SHT_GNU_VERNEED = 0x6FFFFFFE
VER_FLG_WEAK = 0x2


def system_has_version(version: bytes) -> bool:
    candidates = (
        glob.glob("/usr/lib/x86_64-linux-gnu/libstdc++.so.6*")
        + glob.glob("/usr/lib64/libstdc++.so.6*")
        + glob.glob("/lib/x86_64-linux-gnu/libstdc++.so.6*")
        + glob.glob("/usr/lib/libstdc++.so.6*")
    )
    for path in candidates:
        try:
            with open(path, "rb") as f:
                if version + b"\0" in f.read():
                    return True
        except OSError:
            continue
    return False


def mark_weak(path: str, version: bytes) -> str:
    with open(path, "r+b") as f:
        data = bytearray(f.read())
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            raise SystemExit(f"{path}: not a 64-bit little-endian ELF file")
        shoff, = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
        sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)]
        for _name, sh_type, _flags, _addr, offset, _size, link, info, _align, _entsize in sections:
            if sh_type != SHT_GNU_VERNEED:
                continue
            strtab = sections[link][4]
            need = offset
            for _ in range(info):
                _ver, count, _file, aux, next_need = struct.unpack_from("<HHIII", data, need)
                entry = need + aux
                for _ in range(count):
                    _hash, flags, _other, name, next_aux = struct.unpack_from("<IHHII", data, entry)
                    end = data.index(0, strtab + name)
                    if bytes(data[strtab + name:end]) == version:
                        if flags & VER_FLG_WEAK:
                            return "already weak"
                        struct.pack_into("<H", data, entry + 4, flags | VER_FLG_WEAK)
                        f.seek(0)
                        f.write(data)
                        return "marked weak"
                    entry += next_aux
                need += next_need
        return "version not referenced"


def main() -> None:
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    library = sys.argv[1]
    version = (sys.argv[2] if len(sys.argv) > 2 else "GLIBCXX_3.4.32").encode()
    if system_has_version(version):
        print(f"{library}: system libstdc++ has {version.decode()}, left unchanged")
        return
    print(f"{library}: {version.decode()} {mark_weak(library, version)}")


if __name__ == "__main__":
    main()
