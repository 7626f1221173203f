"""The characters a compiled pattern can consume, read from the pattern itself.

A prefilter built this way cannot drift from the pattern it guards: ``period_heading`` rejects a
line holding a character that neither a time expression nor a heading's filler can consume
without running the time grammar at all. Uses the standard library's regex parser (``re._parser``
on Python 3.11+); where that is unavailable the answer is ``None`` and callers skip the prefilter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class CharSet:
    """Characters a pattern can consume: these, plus any decimal digit / whitespace when flagged."""

    chars: frozenset[str]
    decimal: bool = False
    space: bool = False

    def __or__(self, other: CharSet) -> CharSet:
        return CharSet(self.chars | other.chars, self.decimal or other.decimal, self.space or other.space)

    def foreign(self, text: str) -> bool:
        """Whether ``text`` holds a character outside the set.

        >>> CharSet(frozenset("月份")).foreign("三月份"), CharSet(frozenset("三月份")).foreign("三月份")
        (True, False)
        """
        for c in set(text).difference(self.chars):
            if not ((self.decimal and c.isdecimal()) or (self.space and c.isspace())):
                return True
        return False


def consumable(pattern: re.Pattern[str]) -> CharSet | None:
    """The characters ``pattern`` can consume (lookarounds consume nothing), or ``None`` when it can
    consume any character (``.``, ``[^…]``) or the parser is unavailable.

    >>> sorted(consumable(re.compile(r"[一二]?月(?=份)")).chars)
    ['一', '二', '月']
    """
    try:
        from re import _constants as c
        from re import _parser as parser
    except ImportError:  # pragma: no cover - Python < 3.11
        return None
    try:
        return _walk(parser.parse(pattern.pattern, pattern.flags), c)
    except (_Anything, ValueError):
        return None


class _Anything(Exception):
    """The pattern can consume any character."""


def _walk(items: object, c: object) -> CharSet:
    found = CharSet(frozenset())
    for op, av in items:  # type: ignore[attr-defined]
        if op is c.LITERAL:  # type: ignore[attr-defined]
            found |= CharSet(frozenset(chr(av)))
        elif op is c.IN:  # type: ignore[attr-defined]
            found |= _in(av, c)
        elif op is c.BRANCH:  # type: ignore[attr-defined]
            for branch in av[1]:
                found |= _walk(branch, c)
        elif op is c.SUBPATTERN:  # type: ignore[attr-defined]
            found |= _walk(av[-1], c)
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", None)):  # type: ignore[attr-defined]
            found |= _walk(av[2], c)
        elif op in (c.ASSERT, c.ASSERT_NOT, c.AT):  # type: ignore[attr-defined]
            continue  # lookarounds and anchors consume nothing
        elif op is c.GROUPREF:  # type: ignore[attr-defined]
            continue  # repeats a group whose characters are counted already
        else:  # ANY, NOT_LITERAL, GROUPREF_EXISTS, ATOMIC_GROUP …: give up (no prefilter)
            raise _Anything(op)
    return found


def _in(items: list, c: object) -> CharSet:
    chars: set[str] = set()
    decimal = space = False
    for op, av in items:
        if op is c.LITERAL:  # type: ignore[attr-defined]
            chars.add(chr(av))
        elif op is c.RANGE:  # type: ignore[attr-defined]
            chars.update(chr(n) for n in range(av[0], av[1] + 1))
        elif op is c.CATEGORY and av is c.CATEGORY_DIGIT:  # type: ignore[attr-defined]
            decimal = True
        elif op is c.CATEGORY and av is c.CATEGORY_SPACE:  # type: ignore[attr-defined]
            space = True
        else:  # NEGATE, other categories
            raise _Anything(op)
    return CharSet(frozenset(chars), decimal, space)
