"""Activity blocks: a schedule written as groups of label lines, one group per activity.

    活动二：“春风行动”送岗位
    时间：3月
    内容：联合街道劳动保障所举办社区专场招聘会。
    责任人：工联会副主席 陆明

Each group with a time label and a content label is one activity: its period is the time
value, its text the content value, its owner the owner value. It takes two such groups or more
to read a run of label lines this way: a lone 活动时间 / 活动内容 pair is the header of one campaign
(an activity plan's labels), which the outline reads as its sections.
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.extract import field_patterns as P

__all__ = ["Block", "find_blocks"]

_MIN_BLOCKS = 2


@dataclass(frozen=True)
class Block:
    """One activity block: the time and content values with their line numbers, and its owner."""

    time: str
    time_line: int
    content: str
    content_line: int
    owner: str | None
    lines: frozenset[int]  # every line of the block (its name line included)


def find_blocks(lines: list[tuple[int, str]]) -> list[Block]:
    """The activity blocks among ``(line number, text)`` lines, in reading order.

    A block opens at a name line (``活动一：…``, ``项目2：…``) or at a time label that follows a
    block already holding one, and closes at a line that is no label line (a blank line does not
    close it).

    >>> lines = list(enumerate(["活动一：新春送温暖", "时间：春节前（2月上旬）", "内容：走访慰问困难职工。",
    ...                         "责任人：工联会主席 沈秀兰", "", "活动二：送岗位", "时间：3月", "内容：举办招聘会。"], 1))
    >>> [(b.time, b.content, b.owner) for b in find_blocks(lines)]
    [('春节前（2月上旬）', '走访慰问困难职工。', '工联会主席 沈秀兰'), ('3月', '举办招聘会。', None)]
    """
    blocks: list[Block] = []
    current: dict[str, tuple[str, int]] = {}
    members: list[int] = []

    def close() -> None:
        if "time" in current and "content" in current:
            (time, time_line), (content, content_line) = current["time"], current["content"]
            owner = current["owner"][0] if "owner" in current else None
            blocks.append(Block(time, time_line, content, content_line, owner, frozenset(members)))
        current.clear()
        members.clear()

    for number, text in lines:
        text = text.strip()
        if not text:
            continue
        m = P.BLOCK_LABEL_LINE.match(text)
        role = _role(m.group("label")) if m is not None else None
        if role is None:
            close()
            continue
        if role == "name" or role in current:
            close()  # 活动二：… or a second 时间： opens the next block
        if role != "name":
            current[role] = (m.group("value").strip(), number)
        members.append(number)
    close()
    return blocks if len(blocks) >= _MIN_BLOCKS else []


def _role(label: str) -> str | None:
    """What a label names in a block: its name, time, content or owner; None for other labels."""
    if P.BLOCK_NAME_LABEL.fullmatch(label):
        return "name"
    if label in P.BLOCK_TIME_LABELS:
        return "time"
    if label in P.BLOCK_CONTENT_LABELS:
        return "content"
    if label in P.BLOCK_OWNER_LABELS:
        return "owner"
    return None
