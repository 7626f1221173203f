"""Compiled regular expressions used by the comparison steps (passages, copy detection, KWIC)."""

from __future__ import annotations

import re

# A sentence: a run of text up to and including its end mark(s) (。！？；, ASCII ! ? ;), or the
# text left at the end of a line without one.
SENTENCE = re.compile(r"[^。！？!?；;]+[。！？!?；;]*")

# Everything that is not a CJK ideograph: spaces, punctuation, digits, Latin letters, numbering
# marks. Copy detection compares the ideographs only, so that changed punctuation, item numbers
# and blanks do not hide a copy.
NON_CJK = re.compile(r"[^\u4e00-\u9fff]+")
