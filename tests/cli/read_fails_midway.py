#!/usr/bin/env python3
"""Run a command whose standard input fails in the middle: the first whole pages of this
script's own standard input are read, then read() fails with EIO.

usage: read_fails_midway.py COMMAND [ARG...] < INPUT

How: the pages are copied into memory mapped just before a page that is not mapped, and
the command's standard input is /proc/self/mem (of this process) opened at their address.
The kernel copies mapped pages, returns what it copied, and fails the next read with EIO
at the hole (a short read, then an error: what a disk or network file system does when
it fails midway). Exits with the command's status; 77 when /proc/self/mem is not there.
"""
import ctypes
import os
import subprocess
import sys


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    data = sys.stdin.buffer.read()
    page = os.sysconf("SC_PAGE_SIZE")
    pages = len(data) // page
    if pages == 0:
        print("read_fails_midway.py: give at least one page (%d bytes) of input" % page,
              file=sys.stderr)
        return 2
    data = data[:pages * page]  # whole pages: the last line is cut, as a failure would cut it
    libc = ctypes.CDLL(None, use_errno=True)
    libc.mmap.restype = ctypes.c_void_p
    libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                          ctypes.c_int, ctypes.c_long]
    libc.munmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t]
    prot_rw, map_private_anon = 0x1 | 0x2, 0x02 | 0x20
    addr = libc.mmap(None, (pages + 1) * page, prot_rw, map_private_anon, -1, 0)
    if addr in (None, ctypes.c_void_p(-1).value):
        print("read_fails_midway.py: mmap failed", file=sys.stderr)
        return 2
    libc.munmap(addr + pages * page, page)  # the hole after the data
    ctypes.memmove(addr, data, len(data))
    try:
        fd = os.open("/proc/self/mem", os.O_RDONLY)
    except OSError as e:
        print("read_fails_midway.py: %s: skipped" % e, file=sys.stderr)
        return 77
    os.lseek(fd, addr, os.SEEK_SET)
    return subprocess.run(argv[1:], stdin=fd).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
