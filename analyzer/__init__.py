"""plan-analyzer: parse, audit, schedule and compare Chinese work plans (工作计划), offline."""

from __future__ import annotations

__version__ = "0.1.0"
