"""The command line only: argument parsing, progress, exit codes (messages in Chinese, one line each).

``chinese`` makes click speak Chinese, ``io`` checks inputs and outputs, ``commands`` holds the commands.
"""

from __future__ import annotations

from analyzer.cli import audit_cmds  # noqa: F401  (registers audit and rules on main)
from analyzer.cli.chinese import EXIT_NOTHING, EXIT_OK, EXIT_USAGE, shown, usage_message
from analyzer.cli.commands import main, run

__all__ = ["EXIT_NOTHING", "EXIT_OK", "EXIT_USAGE", "main", "run", "shown", "usage_message"]
