"""Reading files an author or a colleague hands us, without trusting their size or kind, and
writing files only where we mean to.

The size is checked before reading (a 2 GB sparse file is refused, not read), only regular
files are read (a FIFO would block forever, a directory cannot be read), and the read itself
is bounded, in case the file grows between the check and the read.

A write goes into a folder we were given (docs_dir, the folder `init` fills) and never through
a symbolic link below it: each part of the path is looked at with `lstat` (a dangling link
does not "exist" for `Path.exists`, and writing to it creates its target, wherever that is),
and the file is opened with O_NOFOLLOW where the system has it.
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


class WriteRefused(Exception):
    """The file must not be written; the message names the path and why."""


def present(path: Path) -> bool:
    """Whether anything is at `path`, a dangling symbolic link included."""
    try:
        path.lstat()
    except OSError:
        return False
    return True


def write_problem(root: Path, relative: str, *, folder: bool = False) -> str:
    """Why `root/relative` must not be written (an empty string when it may): a part that
    leaves `root`, or a symbolic link, or something other than a folder on the way (or at
    the end, for a `folder`; else something other than a regular file)."""
    parts = relative.split("/")
    if relative.startswith("/") or any(p in ("", ".", "..") for p in parts) or "\\" in relative:
        return f"{relative} is not a path inside {root}"
    path = root
    for n, part in enumerate(parts):
        path = path / part
        try:
            info = path.lstat()
        except FileNotFoundError:
            return ""  # from here on, everything is new
        except OSError as exc:
            return f"cannot use {path}: {exc.strerror or exc}"
        if stat.S_ISLNK(info.st_mode):
            dangling = "" if path.exists() else " (a dangling one)"
            return f"{path} is a symbolic link{dangling}: nothing is written through a link"
        last = n == len(parts) - 1 and not folder
        if not last and not stat.S_ISDIR(info.st_mode):
            return f"{path} is a file, not a folder"
        if last and not stat.S_ISREG(info.st_mode):
            return f"{path} is not a regular file"
    return ""


def write_under(root: Path, relative: str, data: bytes) -> Path:
    """Writes `root/relative` (replacing a regular file there), creating its folders, never
    through a symbolic link: `write_problem` is asked again just before writing."""
    problem = write_problem(root, relative)
    if problem:
        raise WriteRefused(problem)
    path = root.joinpath(*relative.split("/"))
    folder = root
    for part in relative.split("/")[:-1]:
        folder = folder / part
        try:
            folder.mkdir()
        except FileExistsError:
            pass
        except OSError as exc:
            raise WriteRefused(f"cannot create {folder}: {exc.strerror or exc}") from None
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        raise WriteRefused(f"cannot write {path}: {exc.strerror or exc}") from None
    return path
