"""Reading files an author or a colleague hands us, without trusting their size or kind.

The size is checked before reading (a 2 GB sparse file is refused, not read), only regular
files are read (a FIFO would block forever, a directory cannot be read), and the read itself
is bounded, in case the file grows between the check and the read.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path


class ReadRefused(Exception):
    """The file cannot or should not be read; the message says why, in a few words."""


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; `ReadRefused` otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise ReadRefused(f"cannot read it ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise ReadRefused(f"it is {kind}")
        if info.st_size > limit:
            raise ReadRefused(too_big(info.st_size, limit))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise ReadRefused(f"cannot read it ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise ReadRefused(too_big(len(data), limit))
    return data


def read_stdin_bounded(limit: int) -> bytes:
    """Standard input, up to `limit` bytes: a larger stream is refused, not read to its end."""
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise ReadRefused(f"it is over the limit of {limit // 1024} KiB")
    return data


def too_big(size: int, limit: int) -> str:
    return f"it is {size // 1024} KiB, over the limit of {limit // 1024} KiB"
