"""Atomic output: files written beside the target and renamed over it, folders swapped in whole."""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any

from analyzer.errors import OutputError
from analyzer.markers import OUTPUT_MARKER

#: Permissions before the umask: files as ``open()`` makes them, folders as ``mkdir``.
FILE_MODE, DIR_MODE = 0o666, 0o777
#: Leftover temporary folders of a run that cannot be checked by process id are removed after this.
STALE_SECONDS = 3600

# The umask line of /proc/self/status (Linux ≥ 4.7); read without changing the process umask.
UMASK_LINE = re.compile(r"^Umask:\s*([0-7]+)", re.MULTILINE)
# Control characters, shown escaped in messages so that a message stays one line.
CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_UMASK_LOCK = threading.Lock()


# ---------------------------------------------------------------- errors and permissions


def _shown(path: object) -> str:
    return CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(path))


def _reason(exc: OSError) -> str:
    """A short Chinese reason for an OS error."""
    if isinstance(exc, PermissionError):  # on Windows also a file held open by Excel
        return "没有写入权限" if os.name != "nt" else "没有写入权限或文件正被其他程序打开"
    reasons = {
        errno.ENOSPC: "磁盘空间不足",
        getattr(errno, "EDQUOT", -1): "超出磁盘配额",
        errno.EROFS: "文件系统只读",
        errno.ENAMETOOLONG: "文件名太长",
        errno.ENOTDIR: "路径中有同名文件",
        errno.EEXIST: "路径中有同名文件",
    }
    return reasons.get(exc.errno or 0, CONTROL.sub(" ", exc.strerror or type(exc).__name__))


def _write_error(path: Path, exc: OSError) -> OutputError:
    if isinstance(exc, IsADirectoryError):
        return OutputError(f"输出路径是一个文件夹：{_shown(path)}；请指定文件名")
    return OutputError(f"无法写入 {_shown(path)}：{_reason(exc)}")


def current_umask() -> int:
    """The process umask, read without a window in which files would be created with another one.

    >>> 0 <= current_umask() <= 0o777
    True
    """
    try:
        found = UMASK_LINE.search(Path("/proc/self/status").read_text(encoding="ascii", errors="replace"))
    except OSError:
        found = None
    if found:
        return int(found.group(1), 8)
    with _UMASK_LOCK:  # no /proc: set and restore at once
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _make_folder(folder: Path) -> None:
    """Create ``folder`` and its parents, or raise a one-line ``OutputError``."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"无法创建文件夹 {_shown(folder)}：{_reason(exc)}") from exc


def _fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (the rename) to disk; a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# ---------------------------------------------------------------- atomic files


def write_atomic(path: str | os.PathLike, data: bytes | str, *, encoding: str = "utf-8") -> Path:
    """Write ``data`` to ``path`` atomically (readers never see a half-written file).

    Raises:
        OutputError: the path is a folder, or cannot be written (permission, disk full …).

    >>> import tempfile, pathlib; d = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(d / "结果.txt", "完成").read_text("utf-8")
    '完成'
    """
    payload = data.encode(encoding) if isinstance(data, str) else data
    return write_atomic_with(path, lambda fh: fh.write(payload))


#: Inside ``atomic_dir`` every file is flushed to disk once, before the swap (one ``sync`` instead of
#: an ``fsync`` per file: a letter per unit would otherwise cost a disk flush each).
_IN_FOLDER: ContextVar[bool] = ContextVar("plan_analyzer_in_atomic_dir", default=False)


def write_atomic_with(path: str | os.PathLike, writer: Callable[[Any], object]) -> Path:
    """Call ``writer(binary_file)`` on a temporary file beside ``path``, fsync it, then rename it over ``path``.

    The file gets the permissions of the file it replaces, else ``0o666 & ~umask`` (not mkstemp's 0600).

    Raises:
        OutputError: the path is a folder, its parent cannot be created, or the file cannot be written.
    """
    target = Path(path)
    if target.is_dir():
        raise OutputError(f"输出路径是一个文件夹：{_shown(target)}；请指定文件名")
    _make_folder(target.parent)
    try:
        mode = os.stat(target).st_mode & 0o7777
    except OSError:
        mode = FILE_MODE & ~current_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:40]}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _write_error(target, exc) from exc
    try:
        with os.fdopen(fd, "wb") as fh:
            writer(fh)
            fh.flush()
            if not _IN_FOLDER.get():
                os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _write_error(target, exc) from exc
        raise
    if not _IN_FOLDER.get():
        _fsync_folder(target.parent)
    return target


# ---------------------------------------------------------------- atomic folders


def _leftover_prefix(name: str) -> str:
    return f".{name[:40]}.plan-analyzer-"


def _is_stale(entry: Path, pid: int) -> bool:
    """A leftover of a run that has ended: its process is gone (POSIX), or it is old (elsewhere)."""
    if pid == os.getpid():
        return False
    if os.name == "posix":
        try:
            os.kill(pid, 0)  # signal 0 only checks that the process exists
        except ProcessLookupError:
            return True
        except OSError:
            return False
        return False
    try:
        return time.time() - entry.stat().st_mtime > STALE_SECONDS
    except OSError:
        return False


def _clean_leftovers(parent: Path, name: str) -> None:
    """Remove temporary folders that a killed earlier run left beside the target."""
    prefix = _leftover_prefix(name)
    try:
        entries = [e for e in parent.iterdir() if e.name.startswith(prefix)]
    except OSError:
        return
    for entry in entries:
        fields = entry.name[len(prefix):].split("-")  # tmp-<pid>-<random> / old-<pid>-<random>
        if len(fields) < 3 or not fields[1].isdigit() or entry.is_symlink() or not entry.is_dir():
            continue
        if _is_stale(entry, int(fields[1])):
            shutil.rmtree(entry, ignore_errors=True)


def _replaceable(folder: Path) -> bool:
    """An empty folder or one written by ``atomic_dir`` earlier (never a folder of the user's own files)."""
    try:
        return (folder / OUTPUT_MARKER).is_file() or next(folder.iterdir(), None) is None
    except OSError:
        return False


def _swap(tmp: Path, final: Path, prefix: str) -> None:
    """Move the new folder to ``final``; an old one is renamed aside first and removed after."""
    try:
        if not final.exists():
            os.rename(tmp, final)
            return
        old = final.parent / f"{prefix}old-{os.getpid()}-{secrets.token_hex(4)}"
        os.rename(final, old)
        try:
            os.rename(tmp, final)
        except OSError:
            os.rename(old, final)
            raise
    except OSError as exc:
        raise OutputError(f"无法替换文件夹 {_shown(final)}：{_reason(exc)}（文件夹可能正被其他程序使用）") from exc
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def atomic_dir(target: str | os.PathLike) -> Iterator[Path]:
    """A fresh hidden folder beside ``target``, swapped in whole when the block succeeds.

    On success ``target`` holds exactly what the block wrote (plus the marker file ``OUTPUT_MARKER``),
    and the earlier folder is removed. If the block raises, the temporary folder is removed and
    ``target`` is left as it was. Temporary folders left by a killed earlier run are cleaned first.

    Raises:
        OutputError: ``target`` is a file, or a folder holding files not written by an earlier run.

    >>> import tempfile, pathlib; out = pathlib.Path(tempfile.mkdtemp()) / "比较"
    >>> with atomic_dir(out) as tmp:
    ...     _ = (tmp / "表.csv").write_text("a")
    >>> sorted(p.name for p in out.iterdir())
    ['.plan-analyzer-output', '表.csv']
    """
    try:
        final = Path(target).resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise OutputError(f"无法使用输出文件夹 {_shown(target)}：路径无法解析") from exc
    if not final.name:
        raise OutputError(f"不能把根目录用作输出文件夹：{_shown(final)}；请指定一个新的文件夹")
    if final.exists() and not final.is_dir():
        raise OutputError(f"输出路径已存在且不是文件夹：{_shown(final)}；请换一个文件夹名")
    if final.is_dir() and not _replaceable(final):
        raise OutputError(f"输出文件夹 {_shown(final)} 里已有其他文件；请指定一个新的或空的文件夹")
    _make_folder(final.parent)
    prefix = _leftover_prefix(final.name)
    _clean_leftovers(final.parent, final.name)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f"{prefix}tmp-{os.getpid()}-", dir=final.parent))
        os.chmod(tmp, DIR_MODE & ~current_umask())
    except OSError as exc:
        raise OutputError(f"无法创建文件夹 {_shown(final)}：{_reason(exc)}") from exc
    token = _IN_FOLDER.set(True)
    try:
        try:
            yield tmp
            write_atomic(tmp / OUTPUT_MARKER, "plan-analyzer\n")
        finally:
            _IN_FOLDER.reset(token)
        if hasattr(os, "sync"):
            os.sync()  # every file of the new folder on disk before it replaces the old one
        _swap(tmp, final, prefix)
    except OutputError as exc:  # name the folder the user asked for, not the hidden one
        shutil.rmtree(tmp, ignore_errors=True)
        raise OutputError(str(exc).replace(str(tmp), str(final))) from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _fsync_folder(final.parent)
