"""Fixtures of the hostile suite: its files (written once per session) and a guarded child-process runner."""

from __future__ import annotations

import multiprocessing
import re
import resource
import sys
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from .make_hostile import Expected, make_all

#: Address space a child may add to what it inherits: far above any honest run, and it keeps a
#: runaway reader from taking the (shared) machine's memory down with it.
MEMORY_HEADROOM = 4 << 30
CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Suite:
    """The hostile folder, the folder outside it (holding the secret) and what each entry must give."""

    folder: Path
    outside: Path
    expected: dict[str, Expected]


@pytest.fixture(scope="session")
def suite(tmp_path_factory: pytest.TempPathFactory) -> Suite:
    """The hostile suite, written once per test session."""
    base = tmp_path_factory.mktemp("hostile")
    folder, outside = base / "batch", base / "outside"
    return Suite(folder, outside, make_all(folder, outside=outside))


@dataclass(frozen=True)
class Outcome:
    """What a child process gave: its value, or the exception it raised, or that it timed out."""

    value: Any = None
    raised: str | None = None
    timed_out: bool = False
    seconds: float = 0.0


def _cap_memory(headroom: int) -> None:
    with open("/proc/self/status", encoding="ascii") as fh:
        size_kib = next(int(line.split()[1]) for line in fh if line.startswith("VmSize:"))
    limit = size_kib * 1024 + headroom
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _preload() -> None:
    """Import the readers here once, so that each forked child starts with them loaded."""
    import pypdf  # noqa: F401



def run_isolated(fn: Callable[..., Any], *args: Any, timeout: float) -> Outcome:
    """``fn(*args)`` in a forked child with a memory cap, killed after ``timeout`` seconds.

    A reader that hangs or explodes costs one test, not the session. ``fn``'s value must pickle.
    """
    _preload()
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)

    def child() -> None:
        if sys.platform.startswith("linux"):
            _cap_memory(MEMORY_HEADROOM)
        start = time.monotonic()
        try:
            value = fn(*args)
            send.send(Outcome(value=value, seconds=time.monotonic() - start))
        except BaseException as exc:  # the report of a crash is the point of the child
            text = "".join(traceback.format_exception(exc))[-3000:]
            send.send(Outcome(raised=f"{type(exc).__name__}: {exc}"[:500] + "\n" + text,
                              seconds=time.monotonic() - start))

    proc = ctx.Process(target=child, daemon=True)
    start = time.monotonic()
    proc.start()
    send.close()
    try:
        if not receive.poll(timeout):
            return Outcome(timed_out=True, seconds=time.monotonic() - start)
        try:
            return receive.recv()
        except EOFError:  # the child died without a word (killed by the kernel, a crash in C code)
            proc.join(5)
            return Outcome(raised=f"the child process died (exit code {proc.exitcode})",
                           seconds=time.monotonic() - start)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        receive.close()


def check_message(message: str) -> None:
    """A user-facing error: one line, in Chinese, no traceback text."""
    assert "\n" not in message and "\r" not in message, f"not one line: {message!r}"
    assert CJK.search(message), f"not Chinese: {message!r}"
    assert "Traceback" not in message and 'File "' not in message, f"traceback text: {message!r}"


def check_result(name: str, exp: Expected, error: str | None, n_plans: int) -> None:
    """``error`` and the number of plans as ``exp`` asks for ``name``."""
    if error is not None:
        check_message(error)
    if exp.result == "plans":
        assert error is None, f"{name!r}: expected plans, got the error {error!r}"
        assert n_plans >= 1, f"{name!r}: read without error but no plan found"
    elif exp.result == "error":
        assert error is not None, f"{name!r}: expected an error, got {n_plans} plan(s)"
    if error is not None and exp.words:
        assert any(word in error for word in exp.words), f"{name!r}: {error!r} names none of {exp.words}"
