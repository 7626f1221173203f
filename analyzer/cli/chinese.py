"""click in Chinese: one-line messages, usage errors, help text, and the Group/Command classes."""

from __future__ import annotations

import errno
import os
import re
import sys
import unicodedata
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import Any, NoReturn

import click

from analyzer.errors import AnalyzerError, OutputError

# Exit codes: 0 done, 1 nothing could be read / nothing to write / checks failed, 2 usage or output-path error.
EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
SUPPORTED = "（支持 .txt、.md、.docx、.pdf、.html）"
#: ``parse -o FILE`` without ``--format``: the format follows the file's suffix (anything else: json).
FORMAT_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".txt": "text"}

# Unicode categories shown escaped in a message: controls, format marks (bidi), line/paragraph separators,
# surrogates (undecodable bytes of a file name).
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
# click's own wording of the usage errors that carry no structured data (raised through ``ctx.fail``).
EXTRA_ARGS = re.compile(r"Got unexpected extra arguments? \((?P<args>.*)\)", re.DOTALL)
MISSING_COMMAND = re.compile(r"Missing command")
# A message that is already Chinese (raised by our own code) is shown as it is.
HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
# click ≥ 8.2 raises this for a bare ``plan-analyzer``: the help is shown (older versions print it themselves).
_NO_ARGS_IS_HELP: Any = getattr(click.exceptions, "NoArgsIsHelpError", ())



# ---------------------------------------------------------------- one-line messages


def shown(value: object) -> str:
    r"""Text on one line: control and format characters (a newline in a file name) shown escaped.

    >>> shown("坏\n名.txt")
    '坏\\n名.txt'
    """
    text = str(value)
    if text.isprintable():
        return text
    return "".join(c.encode("unicode_escape", "backslashreplace").decode("ascii")
                   if unicodedata.category(c) in _ESCAPED_CATEGORIES else c for c in text)


def say(message: str) -> None:
    """One line on stderr."""
    click.echo(shown(message), err=True)


def fail(message: str, code: int = EXIT_NOTHING, *, prefix: str = "错误：") -> NoReturn:
    say(f"{prefix}{message}")
    sys.exit(code)


def os_reason(exc: OSError) -> str:
    if isinstance(exc, PermissionError):
        return "没有写入权限"
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return "路径中有同名文件"
    if isinstance(exc, FileNotFoundError):
        return "此处不能创建文件"
    reasons = {errno.ENOSPC: "磁盘空间不足", errno.EROFS: "文件系统只读", errno.ENAMETOOLONG: "文件名太长"}
    return reasons.get(exc.errno or 0, shown(exc.strerror or type(exc).__name__))


def usage_message(exc: click.UsageError) -> str:
    """One Chinese line for any of click's usage errors.

    >>> usage_message(click.NoSuchOption("--foo"))
    '用法错误：没有选项 --foo'
    """
    param = getattr(exc, "param", None)
    if isinstance(exc, click.MissingParameter) and param is not None:
        if isinstance(param, click.Argument):
            text = f"缺少参数 {param.human_readable_name}"
        else:
            text = f"缺少选项 {'/'.join(param.opts)}"
    elif isinstance(exc, click.BadParameter):
        if param is None:
            name = exc.param_hint if isinstance(exc.param_hint, str) else "参数"
        elif isinstance(param, click.Argument):
            name = param.human_readable_name
        else:
            name = max(param.opts, key=len)
        text = f"{name} 的{exc.message}" if HAS_CJK.search(exc.message) else f"{name} 的取值无效"
    elif isinstance(exc, click.NoSuchOption):
        text = f"没有选项 {exc.option_name}" + _suggest(exc.possibilities)
    elif isinstance(exc, click.NoSuchCommand):
        text = f"没有命令 “{exc.command_name}”" + _suggest(exc.possibilities)
    elif isinstance(exc, click.BadOptionUsage):
        needs = "does not take" not in exc.message
        text = f"选项 {exc.option_name} " + ("需要一个取值" if needs else "不接受取值")
    elif HAS_CJK.search(exc.message):
        text = exc.message
    elif found := EXTRA_ARGS.match(exc.message):
        text = f"多余的参数：{found['args']}"
    elif MISSING_COMMAND.match(exc.message):
        text = "缺少命令"
    else:
        text = "命令行参数有误"
    if exc.ctx is not None:
        text += f"；请运行 {exc.ctx.command_path} --help 查看用法"
    return shown(f"用法错误：{text}")


def _suggest(possibilities: Iterable[str] | None) -> str:
    names = list(possibilities or ())
    return f"（是否想用 {'、'.join(names)}？）" if names else ""


# ---------------------------------------------------------------- click in Chinese


class _Formatter(click.HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "用法：" if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        self.write(f"{'':>{self.current_indent}}{heading}：\n")


class _Context(click.Context):
    formatter_class = _Formatter


class _Chinese:
    """Help and usage errors of a click command in Chinese (mixed into Command and Group)."""

    context_class = _Context

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc]
        except click.UsageError as exc:  # the parser raises some without a context: name the command
            if exc.ctx is None:
                exc.ctx = ctx
            raise

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = "显示帮助并退出。"
        return option

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [r for p in self.get_params(ctx) if (r := p.get_help_record(ctx)) is not None]  # type: ignore[attr-defined]
        if rows:
            with formatter.section("选项"):
                formatter.write_dl(rows)


class Command(_Chinese, click.Command):
    """A command whose help and usage errors are Chinese."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        super().__init__(*args, **kwargs)


class Group(_Chinese, click.Group):
    """The ``plan-analyzer`` group: Chinese help, one Chinese line for every error, exit 0 / 1 / 2."""

    command_class = Command

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", "[选项]")
        kwargs.setdefault("subcommand_metavar", "命令 [参数]...")
        super().__init__(*args, **kwargs)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        commands = [(n, c) for n in self.list_commands(ctx) if (c := self.get_command(ctx, n)) and not c.hidden]
        if commands:
            limit = formatter.width - 6 - max(len(n) for n, _c in commands)
            with formatter.section("命令"):
                formatter.write_dl([(n, c.get_short_help_str(limit)) for n, c in commands])

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        """Run the command line; errors become one Chinese line (``standalone_mode=False`` keeps click's way)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _NO_ARGS_IS_HELP as exc:
            click.echo(exc.ctx.get_help(), err=True)
            code = EXIT_USAGE
        except click.UsageError as exc:
            say(usage_message(exc))
            code = EXIT_USAGE
        except click.ClickException as exc:
            say(f"错误：{exc.format_message()}")
            code = exc.exit_code
        except click.Abort:
            say("已中断")
            code = EXIT_NOTHING
        sys.exit(code if isinstance(code, int) else EXIT_OK)

    def invoke(self, ctx: click.Context) -> Any:
        """Run a command; an AnalyzerError or an unexpected exception becomes one line and an exit code."""
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort, BrokenPipeError):
            raise
        except OutputError as exc:
            fail(str(exc), EXIT_USAGE)
        except AnalyzerError as exc:
            fail(str(exc), EXIT_NOTHING)
        except Exception as exc:
            if ctx.params.get("verbose"):
                import traceback

                traceback.print_exception(exc, file=sys.stderr)
            fail(f"内部错误（{type(exc).__name__}：{exc}）；请把该文件报告给维护者", EXIT_NOTHING, prefix="")


class Option(click.Option):
    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None:
            return None
        names, text = record
        head, bracket, extra = text.rpartition("  [") if "  [" in text else ("", "", text)
        extra = extra.replace("default: ", "默认：").replace("required", "必填")
        return names, head + bracket + extra


option = partial(click.option, cls=Option)


class Choice(click.Choice):
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            self.fail(f"取值 “{shown(value)}” 无效，可选：{'、'.join(map(str, self.choices))}", param, ctx)


class IntRange(click.IntRange):
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            try:
                int(value)
            except (TypeError, ValueError):
                self.fail(f"取值 “{shown(value)}” 不是整数", param, ctx)
            self.fail(f"取值 “{shown(value)}” 超出范围，应在 {self.min}–{self.max} 之间", param, ctx)


class PathType(click.Path):
    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            return super().convert(value, param, ctx)
        except click.BadParameter:
            path = Path(os.fsdecode(value))
            if not path.exists():
                problem = "不存在"
            elif path.is_dir() and not self.dir_okay:
                problem = "是文件夹，应为文件"
            elif not path.is_dir() and not self.file_okay:
                problem = "是文件，应为文件夹"
            else:
                problem = "无法读取"
            self.fail(f"路径 “{shown(path)}” {problem}", param, ctx)
