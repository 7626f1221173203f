"""Inputs, outputs and progress of the commands: file lists, output-path checks, JSON lines, tallies."""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from analyzer.cli.chinese import EXIT_NOTHING, EXIT_USAGE, SUPPORTED, fail, os_reason, say, shown
from analyzer.errors import OutputError

# ---------------------------------------------------------------- inputs, outputs, progress


class Tally:
    """Counts a batch's files; prints each unreadable file's line and the closing summary."""

    def __init__(self) -> None:
        self.total = self.bad = 0

    def see(self, doc: Any) -> Any:  # ParsedDocument
        self.total += 1
        if doc.error:
            self.bad += 1
            say(f"无法读取 {shown(doc.source)}：{shown(doc.error)}")
        return doc

    def summary(self, extra: str = "", *, always: bool = False) -> None:
        if always or extra or self.bad or self.total > 1:
            say(f"完成：{self.total} 个文件，成功 {self.total - self.bad} 个，失败 {self.bad} 个{extra}")


def inputs(paths: Iterable[Path]) -> list[Path]:
    """The files to read; a folder without plan files is reported, and nothing at all exits 1."""
    from analyzer.ingest import iter_paths

    files: list[Path] = []
    for path in paths:
        found = list(iter_paths([path]))
        if not found and path.is_dir():
            say(f"没有找到可分析的文件：{shown(path)}{SUPPORTED}")
        files.extend(found)
    if not files:
        sys.exit(EXIT_NOTHING)
    return files


def check_parent(path: Path) -> None:
    """Exit 2 now unless the folder that will hold ``path`` exists or can be made, and takes new files."""
    folder = existing = path.parent
    while not os.path.lexists(existing) and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        fail(f"无法写入 {shown(path)}：{shown(existing)} 是文件，不是文件夹", EXIT_USAGE)
    try:
        with tempfile.TemporaryFile(prefix=".plan-analyzer-probe-", dir=existing):
            pass
    except OSError as exc:
        where = f"无法创建文件夹 {shown(folder)}" if existing != folder else f"无法写入 {shown(path)}"
        fail(f"{where}：{os_reason(exc)}", EXIT_USAGE)


def check_output_file(path: Path) -> None:
    """Exit 2 before any parsing when ``path`` cannot become a file."""
    if path.is_dir():
        fail(f"输出路径是一个文件夹：{shown(path)}；请指定文件名", EXIT_USAGE)
    check_parent(path)


def check_output_dir(path: Path) -> None:
    """Exit 2 before any parsing when ``path`` cannot become an output folder (``report.safe.atomic_dir``)."""
    from analyzer.report.safe import OUTPUT_MARKER

    if path.exists() and not path.is_dir():
        fail(f"输出路径已存在且不是文件夹：{shown(path)}；请换一个文件夹名", EXIT_USAGE)
    if path.is_dir():
        try:
            ours = (path / OUTPUT_MARKER).is_file() or next(path.iterdir(), None) is None
        except OSError:
            ours = True  # let the writer say what is wrong
        if not ours:
            fail(f"输出文件夹 {shown(path)} 里已有其他文件；请指定一个新的或空的文件夹", EXIT_USAGE)
    check_parent(path)


def encoded(text: str) -> bytes:
    """UTF-8; a lone surrogate (an undecodable file name) becomes a ``\\udcxx`` escape, valid inside JSON."""
    return text.encode("utf-8", "backslashreplace")


def jsonl_line(doc: Any) -> bytes:  # ParsedDocument
    """One document as one JSON line: ``document_to_dict``, the object of the json format's ``documents``."""
    from analyzer.report.plan_json import document_to_dict

    text = json.dumps(document_to_dict(doc), ensure_ascii=False)
    return encoded(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n")


def write_jsonl(docs: Iterable[Any], output: Path | None, tally: Tally) -> None:
    """Write each document's line as soon as it is parsed (stdout is flushed per line).

    To a file, the lines go through a small helper process (``line_writer.py``) that writes each
    line whole or not at all: killing the parse (even with SIGKILL) mid-line loses only the file
    in progress, and the helper finishes the line it holds. The file is emptied first.
    """
    if output is None:
        for doc in docs:
            click.echo(jsonl_line(doc), nl=False)  # echo flushes
            tally.see(doc)
        return
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(output, flags, 0o666)
    except OSError as exc:
        raise OutputError(f"无法写入 {shown(output)}：{os_reason(exc)}") from exc
    if os.name != "posix":  # no flock: one write() per line, the best a single process can do
        _write_lines_here(docs, fd, output, tally)
        return
    import subprocess

    try:  # the helper writes to this very file (no second open by name: no race with a later run)
        helper = subprocess.Popen([sys.executable, "-I", str(Path(__file__).with_name("line_writer.py")), str(fd)],
                                  stdin=subprocess.PIPE, pass_fds=(fd,), start_new_session=True)
    finally:
        os.close(fd)
    assert helper.stdin is not None
    try:
        for doc in docs:
            line = jsonl_line(doc)
            helper.stdin.write(len(line).to_bytes(8, "big") + line)
            helper.stdin.flush()
            tally.see(doc)
    except BrokenPipeError as exc:
        raise OutputError(f"无法写入 {shown(output)}：写入进程意外退出") from exc
    finally:
        try:
            helper.stdin.close()
        except BrokenPipeError:
            pass
        code = helper.wait()
    if code != 0:
        raise OutputError(f"无法写入 {shown(output)}：写入进程退出码 {code}")


def _write_lines_here(docs: Iterable[Any], fd: int, output: Path, tally: Tally) -> None:
    try:
        for doc in docs:
            data = memoryview(jsonl_line(doc))
            while data:
                data = data[os.write(fd, data):]
            tally.see(doc)
        os.fsync(fd)
    except OSError as exc:
        raise OutputError(f"无法写入 {shown(output)}：{os_reason(exc)}") from exc
    finally:
        os.close(fd)
