"""Error hierarchy: every message says what went wrong and how to fix it (in Chinese, for users)."""

from __future__ import annotations


class AnalyzerError(Exception):
    """Base class of every error plan-analyzer raises for bad input or bad usage."""


class ReadError(AnalyzerError):
    """A file could not be read into a Document (missing, empty, corrupt, wrong type)."""


class UnsupportedFormatError(ReadError):
    """The file type is not supported (for example a binary .doc); the message names the fix."""


class DecodeError(ReadError):
    """The bytes are not text in any supported encoding."""


class ScannedPDFError(ReadError):
    """A PDF without a text layer (a scan); it needs OCR first."""


class GoldFormatError(AnalyzerError):
    """A gold annotation file does not follow corpus/gold's format."""


class ConfigError(AnalyzerError):
    """A user-supplied configuration (rules, manifest) is invalid."""


class OutputError(AnalyzerError):
    """An output file or folder cannot be written (a folder where a file is expected, no permission, disk full)."""
