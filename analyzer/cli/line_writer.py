"""The helper process behind ``parse --format jsonl -o FILE``: framed lines from stdin, each written whole.

Run as a script (standard library only, so it starts in milliseconds). Frames are an 8-byte
big-endian length and the bytes of one complete line. The parse process sends a frame per
document; if it is killed while sending, this process sees an incomplete frame and end of input,
drops the fragment and exits: the file only ever gains whole lines. Each frame is written under an
exclusive advisory lock (``flock``), so a reader that takes a shared lock never sees a line in
progress. Interrupt and termination signals are ignored: the helper always ends at end of input.
"""

from __future__ import annotations

import fcntl
import os
import signal
import sys

_HEADER = 8


def _read_exact(fd: int, size: int) -> bytes:
    chunks = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def main(descriptor: str) -> int:
    for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGPIPE"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    fd = int(descriptor)  # the output file, opened (emptied, append mode) and handed over by the parse process
    try:
        while True:
            head = _read_exact(0, _HEADER)
            if len(head) < _HEADER:
                break
            size = int.from_bytes(head, "big")
            data = _read_exact(0, size)
            if len(data) < size:
                break  # the sender was stopped mid-frame: the fragment is not written
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                _write_all(fd, data)
            finally:
                fcntl.flock(fd, fcntl.LOCK_UN)
        os.fsync(fd)
    finally:
        os.close(fd)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
