"""Names of the files the tool leaves in its output folders, shared by the writers and the folder walk."""

from __future__ import annotations

#: Written into every output folder the tool makes; a folder walk skips a folder holding it, and a
#: folder holding it may be replaced by a new run.
OUTPUT_MARKER = ".plan-analyzer-output"
