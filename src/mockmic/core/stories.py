"""The story bank: the few stories a user drills until each lands in its 90-second version.

The bank lives in one TOML file (`mockmic.paths.stories_file()`), edited by hand or by the app::

    [[stories]]
    id = "ml-cost-cut"                         # unique; letters, digits, '-', '_', '.'
    title = "Cut recommendation inference cost"
    summary = "Cut inference cost 22 % while keeping accuracy steady, which kept the budget."
    figures = ["22 %", "$400k/yr"]             # the figures this story claims, every time
    tags = ["cost", "trade-off"]
    questions = ["general:cost-tradeoff", "Tell me about a time you reduced cost"]
    target_s = 90                              # optional; the app's target otherwise

`questions` holds question references (`bank:id` or `bank/id`) or free-text prompts. Here:
the model, parser, writer, drill rule, and figure consistency (a take's figures against the
story's claims and earlier takes: interviewers in a loop compare notes).
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from mockmic.core.quantities import Quantity, find_quantities, same_figure
from mockmic.core.report import Report
from mockmic.core.tomlsource import TomlSource, type_name, unknown_key
from mockmic.errors import UserError

STORY_KEYS = ("id", "title", "summary", "figures", "tags", "questions", "target_s")
STORY_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
#: `bank:id` or `bank/id`; anything else in `questions` is a free-text prompt.
QUESTION_REF_RE = re.compile(r"([a-z0-9_-]+)[:/]([a-z0-9-]+)")

_POSITION_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_END_RE = re.compile(r"\s*\(at end of document\)\s*$")

FILE_HEADER = """\
# mockmic story bank: the stories you drill until each lands in its 90-second version.
# One [[stories]] table per story. Keys: id (unique), title, summary (the one-sentence
# outcome), figures (what you claim, said the same way every time), tags, questions
# (bank:id references or free-text prompts), target_s (optional, seconds).
# mockmic rewrites this file when you edit stories in the app; comments are not kept.
"""


class StoryBankError(UserError):
    """A story file that cannot be used; str() is `path:line: message`."""

    def __init__(self, path: Path | None, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = str(self.path) if self.path is not None else "<stories>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    summary: str = ""
    figures: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    target_s: float | None = None

    @property
    def question_refs(self) -> tuple[str, ...]:
        """The `questions` entries that name a bank question, normalised to `bank/id`
        (the form `mockmic.core.banks.Question.key` uses)."""
        return tuple(ref for q in self.questions if (ref := question_key(q)) is not None)

    @property
    def prompts(self) -> tuple[str, ...]:
        """The free-text prompts among `questions`."""
        return tuple(q for q in self.questions if question_key(q) is None)

    def answers(self, question_key_or_text: str) -> bool:
        """Whether this story is listed for a question (by `bank/id`, `bank:id` or its text)."""
        wanted = question_key(question_key_or_text)
        if wanted is not None:
            return wanted in self.question_refs
        text = _fold(question_key_or_text)
        return any(_fold(p) == text for p in self.prompts)

    def drill_prompt(self, resolve: dict[str, str] | None = None) -> str:
        """The prompt drill mode asks again and again: the first listed question whose text
        is known (`resolve` maps `bank/id` to question text), else a prompt from the title."""
        for q in self.questions:
            ref = question_key(q)
            if ref is None:
                return q
            if resolve and ref in resolve:
                return resolve[ref]
        return f"Tell me about this: {self.title}."

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "summary": self.summary,
                "figures": list(self.figures), "tags": list(self.tags),
                "questions": list(self.questions), "target_s": self.target_s}


def question_key(ref: str) -> str | None:
    """`bank:id` / `bank/id` → `bank/id`; None for a free-text prompt."""
    match = QUESTION_REF_RE.fullmatch(ref.strip())
    return f"{match.group(1)}/{match.group(2)}" if match else None


def _fold(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9$%]+", text.lower()))


def find_story(stories: Iterable[Story], story_id: str) -> Story:
    stories = list(stories)
    if found := next((s for s in stories if s.id == story_id), None):
        return found
    known = ", ".join(s.id for s in stories) or "the story bank is empty"
    raise StoryBankError(None, None, f"no story {story_id!r} ({known})")


def stories_for(stories: Iterable[Story], question_key_or_text: str) -> list[Story]:
    """The stories that list this question, in file order."""
    return [s for s in stories if s.answers(question_key_or_text)]


# --- the drill rule ---------------------------------------------------------------------------

def lands(duration_s: float, target_s: float, severities: Iterable[str], *,
          estimated: bool = False) -> bool:
    """The drill rule on plain values (history summaries have no Report): said within the
    target, no fail flag, and actually spoken (a typed answer's duration is a guess)."""
    if estimated or target_s <= 0:
        return False
    return duration_s <= target_s and all(s != "fail" for s in severities)


def landed(report: Report, target_s: float | None = None) -> bool:
    """Whether a take lands the story's short version. `target_s` defaults to the target the
    take was recorded against."""
    target = report.target_s if target_s is None else target_s
    return lands(report.duration_s, target, (f.severity for f in report.flags),
                 estimated=report.duration_estimated)


# --- figure consistency ----------------------------------------------------------------------

#: Kinds a story claims and an interviewer compares; years, versions and bare numbers are not.
COMPARED_KINDS = frozenset({"percent", "money", "duration", "multiplier", "count"})
#: Same-kind figures within this factor are one fact told differently ("22 %" vs "30 %" cost
#: cut); further apart they are different facts ("22 %" cost cut, "1 %" accuracy drop).
COUNTERPART_RATIO = 2.0


@dataclass(frozen=True, slots=True)
class Inconsistency:
    """A figure in this take that disagrees with the story's claim or an earlier take."""

    said: Quantity
    expected: Quantity
    source: Literal["claim", "earlier"]
    message: str
    claim: str | None = None
    """The claim as written in the story bank (source "claim")."""
    earlier_index: int | None = None
    """Index into the `earlier` list given to check_figures (source "earlier")."""


def claim_quantities(claims: Iterable[str]) -> list[tuple[str, Quantity]]:
    """The figures in a story's claims, each with the claim it came from."""
    out: list[tuple[str, Quantity]] = []
    for claim in claims:
        # "$400k/yr" is one token to the word-level parser; a spaced slash reads as "per".
        words = re.findall(r"\S+", claim.replace("/", " / "))
        out.extend((claim, q) for q in find_quantities(words) if q.kind in COMPARED_KINDS)
    return out


def _comparable(a: Quantity, b: Quantity) -> bool:
    if a.kind != b.kind or (a.per and b.per and a.per != b.per):
        return False
    if a.kind in ("percent", "money", "multiplier", "count") and a.unit != b.unit:
        return False
    x, y = abs(a.base_value), abs(b.base_value)
    if x == 0 or y == 0:
        return x == y
    return max(x, y) / min(x, y) <= COUNTERPART_RATIO


def _nearest(q: Quantity, pool: Sequence[Quantity]) -> Quantity:
    return min(pool, key=lambda p: abs(abs(q.base_value) - abs(p.base_value)))


def check_figures(said: Sequence[Quantity], claims: Sequence[str],
                  earlier: Sequence[Sequence[Quantity]]) -> list[Inconsistency]:
    """Figures in this take (`said`) that contradict the story's `claims` or an earlier take
    (`earlier`: each earlier take's figures, oldest first).

    Claims come first: a said figure matching one is fine; one differing from a comparable
    claim is reported ("your story claims 22 %; this take said 30 %"), unless the take also
    states that claim correctly (then the figure is about something else). Other figures are
    checked against the latest earlier take with a comparable figure."""
    said = [q for q in said if q.kind in COMPARED_KINDS]
    claimed = claim_quantities(claims)
    out: list[Inconsistency] = []
    seen: set[tuple[str, str, float]] = set()

    def add(item: Inconsistency) -> None:
        key = (item.source, item.expected.format(), item.said.base_value)
        if key not in seen:
            seen.add(key)
            out.append(item)

    for q in said:
        if any(same_figure(q, c) for _, c in claimed):
            continue
        rivals = [(text, c) for text, c in claimed if _comparable(q, c)
                  and not any(same_figure(c, other) for other in said)]
        if rivals:
            target = _nearest(q, [c for _, c in rivals])
            text = next(t for t, c in rivals if c is target)
            add(Inconsistency(q, target, "claim",
                              f"your story claims {text}; this take said {q.format()}",
                              claim=text))
            continue
        for index in range(len(earlier) - 1, -1, -1):
            before = [p for p in earlier[index] if p.kind in COMPARED_KINDS]
            if any(same_figure(q, p) for p in before):
                break
            pool = [p for p in before if _comparable(q, p)
                    and not any(same_figure(p, other) for other in said)]
            if not pool:
                continue
            was = _nearest(q, pool)
            when = "last time" if index == len(earlier) - 1 else "in an earlier take"
            add(Inconsistency(q, was, "earlier",
                              f"you said {was.format()} {when}, {q.format()} now",
                              earlier_index=index))
            break
    return out


def claim_status(said: Sequence[Quantity], claims: Sequence[str]) -> dict[str, bool]:
    """For each claim: did this take state every figure in it? (Vacuously yes for a claim
    with no figure the parser reads.)"""
    claimed = claim_quantities(claims)
    return {claim: all(any(same_figure(c, q) for q in said) for t, c in claimed if t == claim)
            for claim in claims}


# --- parsing ----------------------------------------------------------------------------------

class _Parser:
    def __init__(self, text: str, path: Path | None) -> None:
        self.src = TomlSource(text, "stories")
        self.path = path
        self.errors: list[StoryBankError] = []

    def error(self, line: int | None, message: str) -> None:
        self.errors.append(StoryBankError(self.path, line, message))

    def strings(self, raw: dict[str, Any], key: str, line: int | None,
                where: str) -> tuple[str, ...]:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            self.error(line, f"{where}'{key}' must be an array of non-empty strings, "
                             f'e.g. {key} = ["..."]')
            return ()
        return tuple(" ".join(v.split()) for v in value)

    def story(self, raw: object, index: int, seen: dict[str, int]) -> Story | None:
        anchor = self.src.entry_line(index) or self.src.key_line("stories", None)
        if not isinstance(raw, dict):
            self.error(anchor, f"story {index + 1} must be a table: write [[stories]] "
                               f"followed by key = value lines")
            return None

        def line(key: str) -> int | None:
            return self.src.key_line(key, index) or anchor

        before = len(self.errors)
        sid = raw.get("id")
        where = f"story {index + 1}: "
        if not isinstance(sid, str) or not STORY_ID_RE.fullmatch(sid):
            shown = "missing" if sid is None else repr(sid)
            self.error(line("id"), f"{where}'id' must be letters, digits, '-', '_' or '.' "
                                   f'(e.g. id = "ml-cost-cut"), got {shown}')
        else:
            where = f"story {sid!r}: "
            if sid in seen:
                self.error(line("id"), f"duplicate story id {sid!r} (first on line "
                                       f"{self.src.key_line('id', seen[sid]) or '?'})")
            seen.setdefault(sid, index)
        for key in raw:
            if key not in STORY_KEYS:
                self.error(line(key), where + unknown_key(key, STORY_KEYS))
        title = raw.get("title")
        if not isinstance(title, str) or not title.strip():
            got = ("missing" if title is None else "got an empty string"
                   if isinstance(title, str) else f"got {type_name(title)}")
            self.error(line("title"), f"{where}'title' must be a non-empty string ({got})")
        summary = raw.get("summary", "")
        if not isinstance(summary, str):
            self.error(line("summary"), f"{where}'summary' must be a string, "
                                        f"got {type_name(summary)}")
        figures = self.strings(raw, "figures", line("figures"), where)
        tags = self.strings(raw, "tags", line("tags"), where)
        questions = self.strings(raw, "questions", line("questions"), where)
        target: float | None = None
        if "target_s" in raw:
            value = raw["target_s"]
            if (not isinstance(value, int | float) or isinstance(value, bool)
                    or not 0 < value <= 3600):
                self.error(line("target_s"), f"{where}'target_s' must be a number of seconds "
                                             f"between 0 and 3600, got {value!r}")
            else:
                target = float(value)
        if len(self.errors) > before:
            return None
        assert isinstance(sid, str) and isinstance(title, str) and isinstance(summary, str)
        return Story(id=sid, title=" ".join(title.split()), summary=" ".join(summary.split()),
                     figures=figures, tags=tuple(dict.fromkeys(t.lower() for t in tags)),
                     questions=questions, target_s=target)


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, path: Path | None) -> StoryBankError:
    message = str(exc)
    line: int | None = None
    match = _POSITION_RE.search(message)
    if match:
        line = int(match.group(1))
        message = f"{message[:match.start()]} (column {match.group(2)})"
    elif _END_RE.search(message):
        line = max(1, len(text.splitlines()))
        message = _END_RE.sub(" (at end of file)", message)
    return StoryBankError(path, line, f"invalid TOML: {message[:1].lower()}{message[1:]}")


def check_stories(text: str, path: Path | None = None
                  ) -> tuple[list[Story], list[StoryBankError]]:
    """Parse and validate; every problem is reported, so a file can be fixed in one pass.
    The stories come back only when there are no problems."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return [], [_syntax_error(exc, text, path)]
    parser = _Parser(text, path)
    for key in data:
        if key != "stories":
            parser.error(parser.src.key_line(key, None), unknown_key(key, ("stories",)))
    raw = data.get("stories", [])
    stories: list[Story] = []
    if not isinstance(raw, list):
        parser.error(parser.src.key_line("stories", None),
                     "'stories' must be an array of tables: write [[stories]] before each story")
    else:
        seen: dict[str, int] = {}
        for index, item in enumerate(raw):
            story = parser.story(item, index, seen)
            if story is not None:
                stories.append(story)
    return (stories, []) if not parser.errors else ([], parser.errors)


def parse_stories(text: str, path: Path | None = None) -> list[Story]:
    """The stories in `text`; raises the first StoryBankError (`path:line: problem`)."""
    stories, errors = check_stories(text, path)
    if errors:
        raise errors[0]
    return stories


def load_stories(path: Path) -> list[Story]:
    """The story bank at `path`; a missing file is an empty bank."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise StoryBankError(path, None, f"cannot read the story bank: {exc}") from exc
    return parse_stories(text, path)


# --- writing ----------------------------------------------------------------------------------

def _toml_string(value: str) -> str:
    escapes = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
               "\r": "\\r"}
    out = []
    for ch in value:
        if ch in escapes:
            out.append(escapes[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_array(key: str, values: Sequence[str]) -> str:
    items = [_toml_string(v) for v in values]
    one_line = f"{key} = [{', '.join(items)}]"
    if len(one_line) <= 96:
        return one_line
    return f"{key} = [\n" + "".join(f"    {item},\n" for item in items) + "]"


def _toml_number(value: float) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"target_s must be finite, got {value}")
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def save_stories(stories: Sequence[Story]) -> str:
    """The TOML text of a story bank; `parse_stories` reads it back to equal stories."""
    ids = [s.id for s in stories]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise StoryBankError(None, None, f"duplicate story id {duplicates[0]!r}")
    blocks = [FILE_HEADER]
    for s in stories:
        if not STORY_ID_RE.fullmatch(s.id):
            raise StoryBankError(None, None, f"story id {s.id!r} must be letters, digits, "
                                             "'-', '_' or '.'")
        lines = ["[[stories]]", f"id = {_toml_string(s.id)}", f"title = {_toml_string(s.title)}",
                 f"summary = {_toml_string(s.summary)}", _toml_array("figures", s.figures),
                 _toml_array("tags", s.tags), _toml_array("questions", s.questions)]
        if s.target_s is not None:
            lines.append(f"target_s = {_toml_number(s.target_s)}")
        blocks.append("\n".join(lines) + "\n")
    return "\n".join(blocks)


def write_stories(path: Path, stories: Sequence[Story]) -> None:
    """Replace the story bank file atomically: a crash leaves the old file or the new one."""
    text = save_stories(stories)
    parse_stories(text, path)  # never write a file we could not read back
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".stories-", suffix=".toml", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
