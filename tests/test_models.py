"""The records between steps: the fast ``__init__`` keeps dataclass behaviour (defaults, checks, frozen)."""

from __future__ import annotations

import dataclasses

import pytest

from analyzer.models import Finding, ScheduleItem, Section, Task, TimeSpan

FAST = (Finding, Section, TimeSpan, ScheduleItem, Task)


def _required(cls: type) -> dict[str, object]:
    values: dict[str, object] = {}
    for i, f in enumerate(dataclasses.fields(cls)):
        if f.default is dataclasses.MISSING:
            values[f.name] = i if f.type in ("int", "int | None") else f"v{i}"
    return values


@pytest.mark.parametrize("cls", FAST)
def test_fields_defaults_and_positional_arguments(cls: type) -> None:
    required = _required(cls)
    by_keyword = cls(**required)
    by_position = cls(*required.values())
    assert by_keyword == by_position
    for f in dataclasses.fields(cls):
        expected = required[f.name] if f.name in required else f.default
        assert getattr(by_keyword, f.name) == expected
    assert dataclasses.replace(by_keyword, **{next(iter(required)): "changed"}) != by_keyword


@pytest.mark.parametrize("cls", FAST)
def test_still_frozen_and_checked(cls: type) -> None:
    required = _required(cls)
    record = cls(**required)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, next(iter(required)), "x")
    with pytest.raises(TypeError):
        cls()  # required fields missing
    with pytest.raises(TypeError):
        cls(**required, no_such_field=1)
    assert hash(record) == hash(cls(**required))


def test_a_task_as_written() -> None:
    task = Task(text="召开职代会", section_kind="main_tasks", line=3, months=(3,), action="召开", object="职代会")
    assert (task.line, task.months, task.frequency, task.object) == (3, (3,), None, "职代会")
    assert dataclasses.asdict(TimeSpan("三月份", 3, 3, kind="month"))["kind"] == "month"
