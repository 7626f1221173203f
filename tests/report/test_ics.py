"""The iCalendar writer follows RFC 5545: unique UIDs, a UTC DTSTAMP, day ranges as multi-day all-day events."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from icalendar import Calendar

from analyzer.errors import OutputError
from analyzer.models import ParsedDocument, Plan, ScheduleItem
from analyzer.pipeline import parse_document
from analyzer.report.calendar import DAY_RANGE, IcsResult, write_ics

STAMP = datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC)


def _item(period: str, start: int, end: int | None = None, *, day: int | None = None, text: str = "开展活动",
          line: int = 3, year: int | None = None) -> ScheduleItem:
    return ScheduleItem(month_start=start, month_end=start if end is None else end, period=period, text=text,
                        line=line, day=day, year=year)


def _doc(*items: ScheduleItem, year: int | None = 2025, sha: str = "a" * 64, source: str = "区工会.txt",
         unit: str | None = "区总工会") -> ParsedDocument:
    plan = Plan(id=f"{sha[:8]}#1", index=1, title="区总工会2025年工作计划", unit=unit, year=year, line_start=1,
                line_end=10, schedule=items, source=source)
    return ParsedDocument(source=source, sha256=sha, encoding="utf-8", plans=(plan,))


def _events(path: Path) -> list:
    return Calendar.from_ical(path.read_bytes()).walk("VEVENT")


@pytest.mark.parametrize(
    ("item", "first", "after"),
    [
        (_item("2月10日-2月16日", 2, day=10), date(2025, 2, 10), date(2025, 2, 17)),
        (_item("3月15日-20日", 3, day=15), date(2025, 3, 15), date(2025, 3, 21)),
        (_item("10月1日——7日", 10, day=1), date(2025, 10, 1), date(2025, 10, 8)),
        (_item("9月28日至10月8日", 9, 10, day=28), date(2025, 9, 28), date(2025, 10, 9)),
        (_item("12月28日—1月3日", 12, 1, day=28), date(2025, 12, 28), date(2026, 1, 4)),
        (_item("2025.7.1—2025.7.5", 7, day=1), date(2025, 7, 1), date(2025, 7, 6)),
        (_item("5月1日", 5, day=1), date(2025, 5, 1), date(2025, 5, 2)),
        (_item("三月份", 3), date(2025, 3, 1), date(2025, 4, 1)),
        (_item("七——八月份", 7, 8), date(2025, 7, 1), date(2025, 9, 1)),
        (_item("11月—次年1月", 11, 1), date(2025, 11, 1), date(2026, 2, 1)),
        (_item("9月28日至10月", 9, 10, day=28), date(2025, 9, 28), date(2025, 11, 1)),
        (_item("2月30日-3月2日", 2, 3, day=30), date(2025, 2, 28), date(2025, 4, 1)),  # no such day: the months
        (_item("3月20日-15日", 3, day=20), date(2025, 3, 20), date(2025, 3, 21)),  # backwards: the first day
        (_item("3月5日-8日", 3, day=6), date(2025, 3, 6), date(2025, 3, 7)),  # disagrees with the item's day
    ],
)
def test_event_dates(tmp_path: Path, item: ScheduleItem, first: date, after: date) -> None:
    result = write_ics([_doc(item)], tmp_path / "a.ics", stamp=STAMP)
    (event,) = _events(result.path)
    assert (event.decoded("dtstart"), event.decoded("dtend")) == (first, after)
    assert "VALUE=DATE" in result.path.read_text("utf-8").split("DTSTART")[1].split("\n")[0]


def test_day_range_pattern_leaves_month_ranges_alone() -> None:
    assert DAY_RANGE.search("3月5日-6月") is None and DAY_RANGE.search("3月5日前") is None


def test_uids_unique_even_for_identical_items(tmp_path: Path) -> None:
    twin = _item("三月份", 3, line=7, text="召开职代会。")
    docs = [_doc(twin, twin, _item("三月份", 3, line=8)), _doc(twin, sha="b" * 64),
            _doc(twin)]  # the same document given twice
    result = write_ics(docs, tmp_path / "a.ics", stamp=STAMP)
    uids = [str(e["uid"]) for e in _events(result.path)]
    assert result.written == 5 and len(set(uids)) == 5 and all(u.endswith("@plan-analyzer") for u in uids)
    again = write_ics(docs, tmp_path / "b.ics", stamp=STAMP + timedelta(days=1))
    assert [str(e["uid"]) for e in _events(again.path)] == uids  # stable across exports


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        (STAMP, "DTSTAMP:20250102T030405Z"),
        (datetime(2025, 1, 2, 11, 4, 5, tzinfo=timezone(timedelta(hours=8))), "DTSTAMP:20250102T030405Z"),
        (datetime(2025, 1, 2, 3, 4, 5), "DTSTAMP:20250102T030405Z"),  # naive: taken as UTC
    ],
)
def test_dtstamp_is_one_utc_date_time(tmp_path: Path, stamp: datetime, expected: str) -> None:
    result = write_ics([_doc(_item("三月份", 3), _item("四月份", 4))], tmp_path / "a.ics", stamp=stamp)
    text = result.path.read_text("utf-8")
    assert text.count(expected) == 2 and text.count("DTSTAMP") == 2


def test_default_dtstamp_is_now_in_utc(tmp_path: Path) -> None:
    before = datetime.now(UTC).replace(microsecond=0)
    result = write_ics([_doc(_item("三月份", 3))], tmp_path / "a.ics")
    (event,) = _events(result.path)
    stamp = event.decoded("dtstamp")
    assert stamp.utcoffset() == timedelta(0) and before <= stamp <= datetime.now(UTC)
    assert next(line for line in result.path.read_text().splitlines() if line.startswith("DTSTAMP")).endswith("Z")


def test_rfc5545_shape(tmp_path: Path) -> None:
    long_text = "开展“职工之家”建设达标验收，" * 20
    result = write_ics([_doc(_item("三月份", 3, text=long_text + "\x07\r"))], tmp_path / "a.ics", stamp=STAMP)
    raw = result.path.read_bytes()
    lines = raw.split(b"\r\n")
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)  # folded at 75 octets
    cal = Calendar.from_ical(raw)
    assert str(cal["version"]) == "2.0" and "prodid" in cal
    (event,) = cal.walk("VEVENT")
    assert str(event["summary"]) == long_text  # control characters dropped
    for key in ("uid", "dtstamp", "dtstart", "dtend"):
        assert key in event


def test_counts_written_and_skipped(tmp_path: Path) -> None:
    docs = [_doc(_item("三月份", 3), _item("四月份", 4), year=None), _doc(_item("五月份", 5), sha="c" * 64)]
    result = write_ics(docs, tmp_path / "a.ics", stamp=STAMP)
    assert isinstance(result, IcsResult) and (result.written, result.skipped) == (1, 2)
    assert len(_events(result.path)) == 1
    with_year = write_ics(docs, tmp_path / "b.ics", year=2030, stamp=STAMP)
    assert (with_year.written, with_year.skipped) == (3, 0)
    assert sorted(e.decoded("dtstart").year for e in _events(with_year.path)) == [2025, 2030, 2030]


@pytest.mark.parametrize(
    ("docs", "expected"),
    [
        ([_doc(_item("三月份", 3), _item("四月份", 4), year=None)],
         "没有可写入日历的日程：2 项日程没有年份；请用 --year 指定年份"),
        ([_doc()], "没有可写入日历的日程：计划中没有找到日程安排"),
        ([], "没有可写入日历的日程：计划中没有找到日程安排"),
    ],
)
def test_no_event_raises_and_writes_nothing(tmp_path: Path, docs: list, expected: str) -> None:
    out = tmp_path / "a.ics"
    with pytest.raises(OutputError) as info:
        write_ics(docs, out, stamp=STAMP)
    assert str(info.value) == expected and not out.exists()


def test_parsed_plan_day_range(tmp_path: Path) -> None:
    source = tmp_path / "计划.txt"
    source.write_text("区总工会2025年工作计划\n一、具体工作安排\n1、2月10日-2月16日，开展春送岗位活动。\n"
                      "2、12月28日—1月3日，开展新年慰问。\n", encoding="utf-8")
    result = write_ics([parse_document(source)], tmp_path / "a.ics", stamp=STAMP)
    spans = sorted((e.decoded("dtstart"), e.decoded("dtend")) for e in _events(result.path))
    assert spans == [(date(2025, 2, 10), date(2025, 2, 17)), (date(2025, 12, 28), date(2026, 1, 4))]
