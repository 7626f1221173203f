"""Atomic file output: write to a temporary file beside the target, then rename over it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: str | os.PathLike, data: bytes | str, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically (readers never see a half-written file).

    >>> import tempfile, pathlib; d = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(d / "结果.txt", "完成").read_text("utf-8")
    '完成'
    """
    payload = data.encode(encoding) if isinstance(data, str) else data
    return write_atomic_with(path, lambda fh: fh.write(payload))


def write_atomic_with(path: str | os.PathLike, writer: Callable[[object], object]) -> Path:
    """Call ``writer(binary_file)`` on a temporary file, then move it to ``path``."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
