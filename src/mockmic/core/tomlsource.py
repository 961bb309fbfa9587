"""Where things are in a TOML file, for `file:line: problem` messages.

tomllib parses but keeps no positions, so question banks and the story bank find the line of a
key or an entry by scanning the raw text. Shared here so both report errors the same way.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

_TABLE_HEADER_RE = re.compile(r"^\s*\[")


class TomlSource:
    """Line lookup in a TOML file made of top-level keys and an array of tables `[[array]]`."""

    def __init__(self, text: str, array: str) -> None:
        self.lines = text.splitlines()
        a = re.escape(array)
        header = re.compile(rf"""^\s*\[\[\s*({a}|"{a}"|'{a}')\s*\]\]""")
        self.headers = [i for i, line in enumerate(self.lines) if header.match(line)]
        self._tables = [i for i, line in enumerate(self.lines) if _TABLE_HEADER_RE.match(line)]

    def _section(self, entry: int | None) -> tuple[int, int]:
        """Lines of the top level (entry None) or of the entry-th `[[array]]` table."""
        if entry is None:
            return 0, (self._tables[0] if self._tables else len(self.lines))
        if entry >= len(self.headers):
            return 0, 0  # no such table: nothing to search
        start = self.headers[entry]
        return start, next((t for t in self._tables if t > start), len(self.lines))

    def find(self, pattern: re.Pattern[str], start: int, end: int, nth: int = 0) -> int | None:
        """1-based line of the nth match of `pattern` in lines [start, end)."""
        seen = 0
        for i in range(start, end):
            if pattern.search(self.lines[i]):
                if seen == nth:
                    return i + 1
                seen += 1
        return None

    def entry_line(self, index: int) -> int | None:
        """The `[[array]]` header line of the index-th entry."""
        return self.headers[index] + 1 if index < len(self.headers) else None

    def key_line(self, key: str, entry: int | None = None) -> int | None:
        """The line assigning `key` at top level or inside the entry-th `[[array]]` table."""
        k = re.escape(key)
        start, end = self._section(entry)
        return self.find(re.compile(rf"""^\s*({k}|"{k}"|'{k}')\s*="""), start, end)

    def id_line(self, value: str, nth: int = 0) -> int | None:
        """The line of the nth `id = "value"` anywhere in the file."""
        pattern = re.compile(rf"""(^|[{{,\s])id\s*=\s*["']{re.escape(value)}["']""")
        return self.find(pattern, 0, len(self.lines), nth)

    def any_line(self, needle: str) -> int | None:
        return self.find(re.compile(re.escape(needle)), 0, len(self.lines))


def type_name(value: object) -> str:
    """A TOML reader's word for a value's type ("an array", "a table")."""
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "an array", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def unknown_key(key: str, allowed: Sequence[str]) -> str:
    """"unknown key 'followups' (did you mean 'follow_ups'?)" — typos should not pass silently."""
    close = difflib.get_close_matches(key, allowed, n=1)
    hint = f"did you mean {close[0]!r}?" if close else f"allowed: {', '.join(allowed)}"
    return f"unknown key {key!r} ({hint})"
