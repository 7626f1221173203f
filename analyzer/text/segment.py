"""Chinese word segmentation with an owned jieba tokenizer, a union-work dictionary and stopwords."""

from __future__ import annotations

import logging
import tempfile
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from importlib import resources
from pathlib import Path

import jieba

from analyzer.text.patterns import CJK_WORD, NUMERAL_WORD, PROTECTED

logger = logging.getLogger(__name__)

#: Folder (under the system temp dir) where our tokenizer keeps jieba's prefix-dictionary cache.
CACHE_DIRNAME = "plan-analyzer-jieba"


def resource_path(name: str) -> Path:
    """Path of a file shipped in ``analyzer/resources``.

    >>> resource_path("union_dict.txt").name
    'union_dict.txt'
    """
    return Path(str(resources.files("analyzer") / "resources" / name))


def load_wordlist(path: Path) -> frozenset[str]:
    """Read a one-word-per-line list (``#`` comments and blank lines ignored).

    >>> "工作" in load_wordlist(resource_path("stopwords.txt"))
    True
    """
    words = set()
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        word = line.strip()
        if word and not word.startswith("#"):
            words.add(word.split()[0])
    return frozenset(words)


@contextmanager
def _quiet_jieba() -> Iterator[None]:
    """Silence jieba's "Building prefix dict …" chatter while our tokenizer loads, then restore."""
    jieba_logger = logging.getLogger("jieba")
    level = jieba_logger.level
    jieba_logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        jieba_logger.setLevel(level)


class Segmenter:
    """Segment Chinese plan text into words, and into filtered content tokens for keywords.

    The jieba tokenizer is owned (jieba's global one is never touched) and built on first use.
    A regex pre-pass keeps month ranges (七——八月份, 7-8月) and template placeholders (``__``,
    ``XX``) whole before jieba sees the rest. ``tokens`` drops stopwords, placeholders, numbers,
    calendar words, punctuation, single characters and Latin fragments.

    Args:
        user_dict: jieba user dictionary (``word freq pos`` per line); default: the shipped
            union-work dictionary.
        stopwords: one stopword per line; default: the shipped list.

    >>> seg = Segmenter()
    >>> seg.tokens("加强师德师风建设，七——八月份组织暑假活动")
    ['师德师风', '暑假']
    """

    def __init__(self, *, user_dict: Path | None = None, stopwords: Path | None = None) -> None:
        self.user_dict = user_dict
        self.stopwords = stopwords
        self._tokenizer: jieba.Tokenizer | None = None
        self._stopwords: frozenset[str] | None = None
        self._memo: OrderedDict[str, tuple[str, ...]] = OrderedDict()  # text → content tokens (bounded)

    @property
    def tokenizer(self) -> jieba.Tokenizer:
        """The owned jieba tokenizer, built (dictionary, user dictionary) on first access."""
        if self._tokenizer is None:
            tokenizer = jieba.Tokenizer()
            cache_dir = Path(tempfile.gettempdir()) / CACHE_DIRNAME
            cache_dir.mkdir(parents=True, exist_ok=True)
            tokenizer.tmp_dir = str(cache_dir)
            tokenizer.cache_file = "jieba.default.cache"
            with _quiet_jieba(), (self.user_dict or resource_path("union_dict.txt")).open("rb") as words:
                tokenizer.initialize()
                tokenizer.load_userdict(words)
            self._tokenizer = tokenizer
            logger.debug("分词词典已加载")
        return self._tokenizer

    @property
    def stopword_set(self) -> frozenset[str]:
        """The stopwords in use, read on first access."""
        if self._stopwords is None:
            self._stopwords = load_wordlist(self.stopwords or resource_path("stopwords.txt"))
        return self._stopwords

    def words(self, text: str) -> list[str]:
        """All tokens of ``text`` in order, unfiltered (punctuation and blanks included).

        >>> get_segmenter().words("七——八月份")
        ['七——八月份']
        """
        cut = self.tokenizer.lcut
        out: list[str] = []
        pos = 0
        for match in PROTECTED.finditer(text):
            if match.start() > pos:
                out.extend(cut(text[pos : match.start()]))
            out.append(match.group())
            pos = match.end()
        if pos < len(text):
            out.extend(cut(text[pos:]))
        return out

    def tokens(self, text: str) -> list[str]:
        """Content tokens of ``text``: Chinese words of two or more characters that carry a topic.

        >>> get_segmenter().tokens("20__年，我们要认真开展职工之家建设")
        ['职工之家']
        """
        known = self._memo.get(text)
        if known is not None:  # a plan's text asked for again in one run (similarity, keywords, keyness …)
            self._memo.move_to_end(text)
            return list(known)
        stop = self.stopword_set
        is_cjk = CJK_WORD.fullmatch
        is_numeral = NUMERAL_WORD.fullmatch
        found = [w for w in self.words(text) if len(w) > 1 and w not in stop and is_cjk(w) and not is_numeral(w)]
        self._memo[text] = tuple(found)
        if len(self._memo) > _MEMO_TEXTS:
            self._memo.popitem(last=False)
        return found

    __call__ = tokens


#: Texts whose tokens a segmenter keeps (the plans of a batch are segmented once, not once per table).
_MEMO_TEXTS = 2048


@lru_cache(maxsize=1)
def get_segmenter() -> Segmenter:
    """The shared default segmenter (shipped dictionary and stopwords), created on first call.

    >>> get_segmenter() is get_segmenter()
    True
    """
    return Segmenter()
