"""Writing CLI output: whole blocks in one write, and a progress line on terminals only."""

from __future__ import annotations

import io
import os
import sys
from typing import TextIO

__all__ = [
    "EXIT_INTERNAL",
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "annotation",
    "emit",
    "error_line",
    "located",
    "report_error",
    "usage_error",
]

#: Exit status of every command: 0 ok; 1 a config is invalid (or a value or migration is missing);
#: 2 bad usage or an unreadable input; 3 a bug in nip-parameters.
EXIT_OK, EXIT_INVALID, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def error_line(message: str, command: str | None = None, *, kind: str = "error") -> str:
    """How every error (and warning) line starts: ``nip-params[ COMMAND]: error: ...``."""
    who = f"nip-params {command}" if command else "nip-params"
    return f"{who}: {kind}: {message}\n"


def located(file: str, line: int | None = None, column: int | None = None) -> str:
    """``run.yaml:12:5`` (the form compilers print, which terminals and editors link), or as much
    of it as is known."""
    where = file if line is None else f"{file}:{line}"
    return where if line is None or column is None else f"{where}:{column}"


def annotation(kind: str, message: str, file: str, line: int | None = None,
               column: int | None = None) -> str:
    """One GitHub Actions workflow command (``::error file=...,line=...,col=...::message``), escaped
    as the Actions toolkit escapes: ``%``, CR and LF everywhere, and ``:`` and ``,`` in properties."""
    props = [f"file={_escape_property(file)}"]
    if line is not None:
        props.append(f"line={line}")
        if column is not None:
            props.append(f"col={column}")
    return f"::{kind} {','.join(props)}::{_escape_data(message)}\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def report_error(message: str, command: str | None = None, *, kind: str = "error") -> None:
    """Write one error line to stderr; a closed stderr leaves nothing to tell."""
    try:
        sys.stderr.write(error_line(message, command, kind=kind))
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def usage_error(command: str, message: str) -> int:
    """Say what is wrong with how `command` was called, on stderr; the exit status for it."""
    report_error(message, command)
    return EXIT_USAGE


def emit(text: str, stream: TextIO | None = None) -> None:
    """Write ``text`` with a single ``write(2)`` where the stream has a file descriptor.

    Several ``nip-params`` processes writing to the same file or terminal then never interleave
    inside one block: each file's report is one block. (A pipe guarantees this only up to
    ``PIPE_BUF``, 4 KiB on Linux, per write; a longer block may still be split by the kernel.)
    Streams without a descriptor (e.g. under a test runner) get an ordinary write.
    """
    stream = sys.stdout if stream is None else stream
    if not text:
        return
    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation is both
        stream.write(text)
        stream.flush()
        return
    stream.flush()  # anything already buffered goes first, in order
    data = text.encode(getattr(stream, "encoding", None) or "utf-8", "backslashreplace")
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _is_tty(stream: TextIO) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def _terminal_width(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return 80
