"""Reading stage: a file's bytes → a normalised :class:`analyzer.models.Document`."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from analyzer.errors import ReadError, UnsupportedFormatError
from analyzer.ingest.decode import DOC_MESSAGE, OLE2_MAGIC, RawText
from analyzer.ingest.normalize import is_traditional, normalize_lines, to_simplified
from analyzer.ingest.script import canonical_bullets, fold_fullwidth
from analyzer.limits import Limits, current_limits
from analyzer.markers import OUTPUT_MARKER
from analyzer.models import Document

__all__ = ["OUTPUT_MARKER", "PLAN_SUFFIXES", "iter_paths", "read_document"]

DEFAULT_MAX_BYTES = Limits().max_file_bytes
_TEXT_SUFFIXES = frozenset({"", ".txt", ".md", ".text", ".markdown"})
_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_DOCX_SUFFIXES = frozenset({".docx", ".docm", ".dotx"})
_UNSUPPORTED: dict[str, str] = {
    ".doc": DOC_MESSAGE,
    ".dot": DOC_MESSAGE,
    ".wps": "无法读取 .wps 格式(WPS 文字文件);请在 WPS 中另存为 .docx 后再分析",
    ".rtf": "无法读取 .rtf 格式;请在 Word 中另存为 .docx 或 .txt 后再分析",
    ".odt": "无法读取 .odt 格式;请另存为 .docx 或 .txt 后再分析",
    ".xls": "无法读取 Excel 表格(.xls);请把计划正文复制到 Word 中另存为 .docx 或 .txt 后再分析",
    ".xlsx": "无法读取 Excel 表格(.xlsx);请把计划正文复制到 Word 中另存为 .docx 或 .txt 后再分析",
    ".et": "无法读取 WPS 表格(.et);请把计划正文另存为 .docx 或 .txt 后再分析",
    ".ppt": "无法读取演示文稿(.ppt);请把计划正文另存为 .docx 或 .txt 后再分析",
    ".pptx": "无法读取演示文稿(.pptx);请把计划正文另存为 .docx 或 .txt 后再分析",
}
_IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic"})
_ARCHIVE_SUFFIXES = frozenset({".zip", ".rar", ".7z", ".gz", ".tar"})
#: What a folder walk yields: the formats plans come in, and the office formats that cannot be read
#: but deserve their "save it as .docx" message rather than silence.
PLAN_SUFFIXES = frozenset({".txt", ".md", ".docx", ".pdf", ".html", ".htm"})
_REPORTED_SUFFIXES = frozenset({".doc", ".wps", ".rtf", ".odt"})
#: Repository and package documents that are never plans (README.md, CHANGELOG.md …), by stem.
_NOT_PLAN_STEMS = frozenset({"readme", "changelog", "changes", "license", "licence", "security", "contributing",
                             "authors", "history", "notice", "copying", "todo"})  # fmt: skip


def iter_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Yield files as given; walk folders recursively in sorted order, keeping plan formats only.

    A file named explicitly is always yielded (reading it reports what is wrong). In a folder only
    plan formats (``PLAN_SUFFIXES``, plus .doc/.wps/.rtf/.odt, which get a fix-it message) are
    yielded; hidden files and folders, repository documents (README.md …), the tool's own output
    folders (holding ``OUTPUT_MARKER``) and symbolic links that lead out of the folder are skipped.
    Linked folders are not entered, so a link loop cannot hang the walk.

    Args:
        paths: files and/or folders.

    Yields:
        Each file path (a missing path is yielded as given, so reading it reports the error).

    >>> list(iter_paths(["计划.txt"]))
    [PosixPath('计划.txt')]
    """
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        yield from _walk(path)


def _walk(folder: Path) -> Iterator[Path]:
    try:
        root = folder.resolve()
    except (OSError, RuntimeError):
        return
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        if OUTPUT_MARKER in filenames and here != folder:
            dirnames[:] = []
            continue
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for filename in sorted(filenames):
            candidate = here / filename
            if _is_plan_file(candidate) and _stays_inside(candidate, root):
                yield candidate


def _is_plan_file(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name.startswith("~$"):  # hidden files, Word's lock files
        return False
    suffix = path.suffix.lower()
    if suffix not in PLAN_SUFFIXES and suffix not in _REPORTED_SUFFIXES:
        return False
    return path.stem.lower() not in _NOT_PLAN_STEMS


def _stays_inside(path: Path, root: Path) -> bool:
    """False for a symbolic link that leads out of ``root`` (or nowhere, or round in a loop)."""
    if not path.is_symlink():
        return True
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return False
    return target.is_relative_to(root) and target.is_file()


def read_document(path: str | os.PathLike, *, max_bytes: int | None = None,
                  limits: Limits | None = None) -> Document:
    """Read a .txt/.md, .docx, .pdf or .html file into a normalised Document.

    Args:
        path: the file to read.
        max_bytes: larger files are refused (default: ``limits.max_file_bytes``).
        limits: resource limits (default: :func:`analyzer.limits.current_limits`).

    Returns:
        The Document: ``lines`` as written (normalised, line numbers kept), ``text_lines`` in
        simplified Chinese with ASCII digits and letters, the encoding used and any warnings.

    Raises:
        ReadError: (or a subclass) with a one-line Chinese message saying how to fix the input.

    >>> read_document("corpus/plans/计划.txt").lines[0]  # doctest: +SKIP
    '2024年工会工作计划'
    """
    limits = limits or current_limits()
    file = path if isinstance(path, Path) else Path(path)
    data = _read_bytes(file, max_bytes or limits.max_file_bytes)
    try:
        raw = _dispatch(file, data, limits)
    except ReadError:
        raise
    except (MemoryError, RecursionError) as exc:
        raise ReadError(f"文件过于复杂,超出处理上限:{_shown(file)};请拆分或简化后再分析") from exc
    except Exception as exc:  # a reader's failure on damaged input is this file's error, never the batch's
        raise ReadError(f"文件已损坏或格式异常,无法读取({type(exc).__name__}):{_shown(file)};"
                        "请重新另存为 .docx 或 .txt 后再分析") from exc
    _check_length(raw.lines, file, limits)
    lines = _cut_long_lines(normalize_lines(raw.lines), limits.max_line_chars)
    if not any(lines):
        raise ReadError(f"文件中没有可分析的文字:{_shown(file)};请确认文件内容后再分析")
    traditional = is_traditional(lines)
    # The analysis form: simplified script, full-width digits and letters as ASCII (same lengths).
    text_lines = canonical_bullets(fold_fullwidth(to_simplified(lines) if traditional else lines))
    return Document(
        source=str(path),
        sha256=hashlib.sha256(data).hexdigest(),
        encoding=raw.encoding,
        lines=tuple(lines),
        text_lines=tuple(text_lines),
        traditional=traditional,
        warnings=raw.warnings,
    )


def _shown(file: Path, *, full: bool = False) -> str:
    """The file's name (or whole path) on one line: control characters escaped as ``\\n`` etc.

    >>> _shown(Path("坏\\n名.txt"))
    '坏\\\\n名.txt'
    """
    name = str(file) if full or not file.name else file.name
    if name.isprintable():
        return name
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in name)


def _check_length(lines: list[str], file: Path, limits: Limits) -> None:
    total = sum(map(len, lines))
    if total > limits.max_text_chars:
        raise ReadError(f"文本过长({total / 10000:.0f} 万字,上限 {limits.max_text_chars / 10000:.0f} 万字):"
                        f"{_shown(file)};请拆分后再分析")


def _cut_long_lines(lines: list[str], width: int) -> list[str]:
    """Lines no longer than ``width``: a longer one (text with no line breaks) is cut into pieces.

    Line-based passes then stay linear; no real plan has a line that long.
    """
    if all(len(line) <= width for line in lines):
        return lines
    out: list[str] = []
    for line in lines:
        if len(line) <= width:
            out.append(line)
        else:
            out.extend(line[k: k + width] for k in range(0, len(line), width))
    return out


def _read_bytes(file: Path, max_bytes: int) -> bytes:
    """The file's bytes; missing, unreadable, empty and oversized files become ReadErrors.

    One ``open``, ``fstat`` and ``read`` on the file descriptor; anything out of the ordinary (an
    error, a folder, an oversized or empty file) takes :func:`_read_bytes_checked`, which says why.
    """
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    except OSError:
        return _read_bytes_checked(file, max_bytes)
    try:
        info = os.fstat(fd)
        size = info.st_size
        if stat.S_ISREG(info.st_mode) and 0 < size <= max_bytes:
            data = os.read(fd, size + 1)
            if len(data) != size:  # the file changed since fstat: read on to its end, as Path.read_bytes
                chunks = [data]
                while chunk := os.read(fd, size + 1):
                    chunks.append(chunk)
                data = b"".join(chunks)
            if data:
                return data
    except OSError:
        pass
    finally:
        os.close(fd)
    return _read_bytes_checked(file, max_bytes)


def _read_bytes_checked(file: Path, max_bytes: int) -> bytes:
    """_read_bytes step by step through pathlib, raising the ReadError that fits."""
    try:
        info = file.stat()
        size = info.st_size
        if stat.S_ISDIR(info.st_mode):  # what file.is_dir() tests, without a second stat call
            raise ReadError(f"这是一个文件夹,不是文件:{_shown(file, full=True)};请指定要分析的文件")
        if size > max_bytes:
            raise ReadError(
                f"文件过大({size / 1048576:.1f} MB,上限 {max_bytes / 1048576:.0f} MB):{_shown(file)};请拆分后再分析"
            )
        data = file.read_bytes()
    except FileNotFoundError as exc:
        raise ReadError(f"文件不存在:{_shown(file, full=True)}") from exc
    except PermissionError as exc:
        raise ReadError(f"没有读取权限:{_shown(file, full=True)};请检查文件权限") from exc
    except OSError as exc:
        raise ReadError(f"无法读取文件:{_shown(file, full=True)}({exc.strerror or exc});请检查路径") from exc
    if not data:
        raise ReadError(f"文件为空:{_shown(file)};请确认文件已保存内容")
    return data


def _dispatch(file: Path, data: bytes, limits: Limits) -> RawText:
    """Choose the reader by extension, then by the bytes' signature."""
    from analyzer.ingest import patterns

    suffix = file.suffix.lower()
    name = _shown(file)
    if suffix in _DOCX_SUFFIXES:
        return _read_docx(data, name, limits)
    if suffix == ".pdf":
        return _read_pdf(data, name, limits)
    if suffix in _HTML_SUFFIXES:
        return _read_html(data, name, limits)
    if suffix in _UNSUPPORTED and data.startswith(OLE2_MAGIC):
        raise UnsupportedFormatError(_UNSUPPORTED[suffix])
    reader = _by_signature(data)
    if reader is not None:
        return reader(data, name, limits)
    if suffix in _UNSUPPORTED:
        raise UnsupportedFormatError(_UNSUPPORTED[suffix])
    if suffix in _IMAGE_SUFFIXES:
        raise UnsupportedFormatError(
            f"无法读取图片文件({suffix});请先做文字识别(OCR),或提供 Word 版本(.docx)或 .txt 文件"
        )
    if suffix in _ARCHIVE_SUFFIXES or data.startswith(b"PK\x03\x04"):
        raise UnsupportedFormatError(
            f"无法读取压缩包或未知格式({suffix or '无扩展名'}):{name};请另存为 .docx 或 .txt 后再分析"
        )
    from analyzer.ingest.txt import read_txt

    if len(data) > 4 * limits.max_text_chars:  # no text encoding spends more than 4 bytes a character
        raise ReadError(f"文本过长(超过上限 {limits.max_text_chars / 10000:.0f} 万字):{name};请拆分后再分析")
    try:
        raw = read_txt(data, name)
    except ReadError as exc:
        if suffix in _TEXT_SUFFIXES or isinstance(exc, UnsupportedFormatError):
            raise
        raise UnsupportedFormatError(
            f"无法识别的文件类型({suffix}):{name};请另存为 .docx 或 .txt 后再分析"
        ) from exc
    if patterns.HTML_START.match("\n".join(raw.lines[:5])):
        return _read_html(data, name, limits)
    return raw


def _by_signature(data: bytes) -> Callable[[bytes, str, Limits], RawText] | None:
    """A reader chosen by magic bytes (PDF, Word package), or None; OLE2 and RTF bytes are refused."""
    if data.startswith(OLE2_MAGIC):
        raise UnsupportedFormatError(DOC_MESSAGE)
    if data.startswith(b"{\\rtf"):
        raise UnsupportedFormatError("无法读取 .rtf 格式;请在 Word 中另存为 .docx 或 .txt 后再分析")
    if data.startswith(b"%PDF-"):
        return _read_pdf
    if data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return _read_docx
    return None


def _read_docx(data: bytes, name: str, limits: Limits) -> RawText:
    from analyzer.ingest.docx import read_docx

    return read_docx(data, name, limits=limits)


def _read_pdf(data: bytes, name: str, limits: Limits) -> RawText:
    from analyzer.ingest.pdf import read_pdf

    return read_pdf(data, name, limits=limits)


def _read_html(data: bytes, name: str, limits: Limits) -> RawText:
    from analyzer.ingest.html import read_html

    return read_html(data, name, limits=limits)
