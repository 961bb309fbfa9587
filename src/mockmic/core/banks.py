"""Question banks: one TOML file per bank (`name`, `description`, `target_s`, then
`[[questions]]` tables with `id`, `text`, `follow_ups`, `tags`, `target_s`), parsed into plain
dataclasses. The README documents the format.

tomllib gives no positions for values, so schema errors find their line by scanning the source
text for the offending `[[questions]]` table or key: the user gets `file:line: problem` and can
jump straight to it.
"""

from __future__ import annotations

import json
import random
import re
import tomllib
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from mockmic.core.tomlsource import TomlSource, type_name, unknown_key
from mockmic.errors import UserError

#: Default answer length for a bank that sets no `target_s`.
DEFAULT_TARGET_S = 90.0

ID_RE = re.compile(r"[a-z0-9-]+")
BANK_KEYS: tuple[str, ...] = ("name", "description", "target_s", "questions")
QUESTION_KEYS: tuple[str, ...] = ("id", "text", "follow_ups", "tags", "target_s")

_TOML_POSITION_RE = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_TOML_END_RE = re.compile(r"\s*\(at end of document\)\s*$")


class BankError(UserError):
    """A bank file that cannot be used; str() is `path:line: message` (line omitted if unknown)."""

    def __init__(self, path: Path | None, line: int | None, message: str) -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = str(self.path) if self.path is not None else "<bank>"
        return f"{where}:{self.line}: {self.message}" if self.line else f"{where}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path) if self.path is not None else None,
                "line": self.line, "message": self.message}


class SelectionError(UserError):
    """A request for questions that a bank cannot satisfy (bad count, unknown tag or bank)."""


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    text: str
    follow_ups: tuple[str, ...]
    tags: tuple[str, ...]
    target_s: float
    bank_id: str

    @property
    def key(self) -> str:
        """Unique across banks (`bank/question`): question ids are only unique within a bank."""
        return f"{self.bank_id}/{self.id}"

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "bank_id": self.bank_id, "text": self.text,
                "follow_ups": list(self.follow_ups), "tags": list(self.tags),
                "target_s": self.target_s}


@dataclass(frozen=True, slots=True)
class Bank:
    id: str
    name: str
    description: str
    target_s: float
    questions: tuple[Question, ...]
    path: Path | None
    builtin: bool
    shadows: Path | None = field(default=None, compare=False)
    """The file of an earlier bank with the same id that this one replaces (a user bank
    overriding a built-in one), so the UI can say why the built-in questions are gone."""

    @property
    def tags(self) -> tuple[str, ...]:
        """Every tag used by a question, in first-use order."""
        return tuple(dict.fromkeys(tag for q in self.questions for tag in q.tags))

    def question(self, question_id: str) -> Question:
        for q in self.questions:
            if q.id == question_id:
                return q
        raise SelectionError(f"bank {self.id!r} has no question {question_id!r}")

    def select(self, n: int | None = None, shuffle: bool = False, seed: int | None = None,
               tags: Collection[str] = ()) -> list[Question]:
        """Questions for a mock session: up to `n` (all if None), shuffled or in file order.

        `tags` keeps questions carrying any of them. Asking for more questions than exist is
        not an error: a session simply gets all of them.
        """
        if n is not None and n < 1:
            raise SelectionError(f"number of questions must be at least 1, got {n}")
        pool = list(self.questions)
        if tags:
            wanted = {t.strip().lower() for t in tags}
            pool = [q for q in pool if wanted.intersection(q.tags)]
            if not pool:
                known = ", ".join(sorted(self.tags)) or "none"
                raise SelectionError(f"no question in bank {self.id!r} has tag "
                                     f"{', '.join(sorted(wanted))} (tags: {known})")
        if shuffle:
            random.Random(seed).shuffle(pool)
        return pool if n is None else pool[:n]

    def to_dict(self, *, questions: bool = True) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "name": self.name, "description": self.description,
            "target_s": self.target_s, "question_count": len(self.questions),
            "path": str(self.path) if self.path else None, "builtin": self.builtin,
            "shadows": str(self.shadows) if self.shadows else None}
        if questions:
            data["questions"] = [q.to_dict() for q in self.questions]
        return data


def find_bank(banks: Iterable[Bank], bank_id: str) -> Bank:
    banks = list(banks)
    for bank in banks:
        if bank.id == bank_id:
            return bank
    known = ", ".join(b.id for b in banks) or "none loaded"
    raise SelectionError(f"no question bank {bank_id!r} (available: {known})")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class _Checker:
    """Collects every problem in one bank, so the user can fix a file in one pass."""

    def __init__(self, text: str, path: Path | None) -> None:
        self.src = TomlSource(text, "questions")
        self.path = path
        self.errors: list[BankError] = []
        self.ids: list[object] = []

    def error(self, line: int | None, message: str) -> None:
        self.errors.append(BankError(self.path, line, message))

    def target(self, value: object, line: int | None, where: str) -> float | None:
        if not _is_number(value):
            self.error(line, f"{where}'target_s' must be a number of seconds, "
                             f"got {type_name(value)}")
            return None
        seconds = float(value)  # type: ignore[arg-type]  # _is_number checked it
        if not 0 < seconds <= 3600:
            self.error(line, f"{where}'target_s' must be more than 0 and at most 3600 "
                             f"seconds, got {value}")
            return None
        return seconds

    def strings(self, value: object, key: str, line: int | None, where: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.error(line, f"{where}'{key}' must be an array of strings, e.g. "
                             f"{key} = [\"...\"]; got {type_name(value)}")
            return ()
        items: list[str] = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                shown = "an empty string" if isinstance(item, str) else type_name(item)
                self.error(line, f"{where}'{key}' must hold non-empty strings, found {shown}")
                return ()
            items.append(" ".join(item.split()))
        return tuple(items)

    def question(self, raw: object, index: int, bank_id: str, bank_target: float,
                 seen: dict[str, int]) -> Question | None:
        label = f"question {index + 1}"
        if not isinstance(raw, dict):
            self.error(self.src.entry_line(index) or self.src.key_line("questions"),
                       f"{label} must be a table ([[questions]] with key = value lines), "
                       f"got {type_name(raw)}")
            return None
        qid = raw.get("id")
        anchor = self._anchor(index, qid)

        def line_of(key: str) -> int | None:
            if self.src.entry_line(index) is None:
                return anchor
            return self.src.key_line(key, index) or anchor

        ok = True
        if "id" not in raw:
            self.error(anchor, f"{label} has no 'id' (add id = \"some-name\", unique in the bank)")
            ok = False
        elif not isinstance(qid, str) or not ID_RE.fullmatch(qid):
            self.error(line_of("id"), f"{label}: 'id' must be lower-case letters, digits and "
                                      f"dashes ([a-z0-9-]+), got {qid!r}")
            ok = False
        else:
            label = f"question {qid!r}"
            if qid in seen:
                first = self.src.key_line("id", seen[qid]) or self._anchor(seen[qid], qid)
                also = f" (first used on line {first})" if first else ""
                self.error(line_of("id"), f"duplicate question id {qid!r}{also}")
                ok = False
            else:
                seen[qid] = index
        where = f"{label}: "
        for key in raw:
            if key not in QUESTION_KEYS:
                self.error(line_of(key), f"{where}{unknown_key(key, QUESTION_KEYS)}")
                ok = False
        text = raw.get("text")
        if "text" not in raw:
            self.error(anchor, f"{where}missing 'text'")
            ok = False
        elif not isinstance(text, str) or not text.strip():
            got = "an empty string" if isinstance(text, str) else type_name(text)
            self.error(line_of("text"), f"{where}'text' must be a non-empty string, got {got}")
            ok = False
        before = len(self.errors)
        follow_ups: tuple[str, ...] = ()
        tags: tuple[str, ...] = ()
        if "follow_ups" in raw:
            follow_ups = self.strings(raw["follow_ups"], "follow_ups", line_of("follow_ups"),
                                      where)
        if "tags" in raw:
            tags = self.strings(raw["tags"], "tags", line_of("tags"), where)
            tags = tuple(dict.fromkeys(t.lower() for t in tags))
        target: float | None = bank_target
        if "target_s" in raw:
            target = self.target(raw["target_s"], line_of("target_s"), where)
        if not ok or len(self.errors) > before or target is None:
            return None
        assert isinstance(qid, str) and isinstance(text, str)
        return Question(id=qid, text=" ".join(text.split()), follow_ups=follow_ups, tags=tags,
                        target_s=target, bank_id=bank_id)

    def _anchor(self, index: int, qid: object) -> int | None:
        """Where question `index` starts: its [[questions]] header, else (inline tables) its
        `id = "..."`, else the `questions` key."""
        header = self.src.entry_line(index)
        if header is not None:
            return header
        if isinstance(qid, str):
            # The nth question using this id is its nth mention in the file.
            line = self.src.id_line(qid, nth=self.ids[:index].count(qid))
            if line is not None:
                return line
        return self.src.key_line("questions")

    def bank(self, data: dict[str, Any], bank_id: str, builtin: bool,
             default_target_s: float) -> Bank | None:
        for key in data:
            if key not in BANK_KEYS:
                self.error(self.src.key_line(key) or self.src.any_line(key),
                           unknown_key(key, BANK_KEYS))
        name = data.get("name", bank_id)
        if not isinstance(name, str) or not name.strip():
            got = "an empty string" if isinstance(name, str) else type_name(name)
            self.error(self.src.key_line("name"), f"'name' must be a non-empty string, got {got}")
            name = bank_id
        description = data.get("description", "")
        if not isinstance(description, str):
            self.error(self.src.key_line("description"),
                       f"'description' must be a string, got {type_name(description)}")
            description = ""
        target = default_target_s
        if "target_s" in data:
            target = self.target(data["target_s"], self.src.key_line("target_s"), "") or target
        raw_questions = data.get("questions")
        questions: list[Question] = []
        if raw_questions is None or raw_questions == []:
            self.error(self.src.key_line("questions"),
                       "the bank has no questions (add a [[questions]] table with id and text)")
        elif not isinstance(raw_questions, list):
            line = self.src.key_line("questions") or self.src.any_line("[questions")
            self.error(line, "'questions' must be an array of tables: write [[questions]] "
                             "(double brackets) before each question")
        else:
            seen: dict[str, int] = {}
            self.ids = [r.get("id") if isinstance(r, dict) else None for r in raw_questions]
            for index, raw in enumerate(raw_questions):
                q = self.question(raw, index, bank_id, target, seen)
                if q is not None:
                    questions.append(q)
        if self.errors:
            return None
        return Bank(id=bank_id, name=" ".join(name.split()), description=description.strip(),
                    target_s=target, questions=tuple(questions), path=self.path, builtin=builtin)


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str, path: Path | None) -> BankError:
    message = str(exc)
    line: int | None = None
    match = _TOML_POSITION_RE.search(message)
    if match:
        line = int(match.group(1))
        message = f"{message[:match.start()]} (column {match.group(2)})"
    elif _TOML_END_RE.search(message):
        line = max(1, len(text.splitlines()))
        message = _TOML_END_RE.sub(" (at end of file)", message)
    return BankError(path, line, f"invalid TOML: {message[:1].lower()}{message[1:]}")


def check_bank(text: str, *, path: Path | None, bank_id: str | None = None,
               builtin: bool = False,
               default_target_s: float = DEFAULT_TARGET_S) -> tuple[Bank | None, list[BankError]]:
    """Parse and validate; returns the bank (None if anything is wrong) and every problem found."""
    bank_id = bank_id or (path.stem if path is not None else "bank")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        return None, [_syntax_error(exc, text, path)]
    checker = _Checker(text, path)
    bank = checker.bank(data, bank_id, builtin, default_target_s)
    return bank, checker.errors


def parse_bank(text: str, *, path: Path | None, bank_id: str | None = None,
               builtin: bool = False, default_target_s: float = DEFAULT_TARGET_S) -> Bank:
    """The bank in `text`; raises the first BankError found. Its id is the file stem."""
    bank, errors = check_bank(text, path=path, bank_id=bank_id, builtin=builtin,
                              default_target_s=default_target_s)
    if errors:
        raise errors[0]
    assert bank is not None
    return bank


def _toml_str(value: str) -> str:
    # JSON string escapes (\n, \", \\, \uXXXX) are all valid in TOML basic strings.
    return json.dumps(value, ensure_ascii=False)


def dump_bank(bank: Bank) -> str:
    """The bank as TOML that parse_bank reads back to an equal bank (a starting point for
    users who want to customise a built-in bank)."""
    out = [f"name = {_toml_str(bank.name)}", f"description = {_toml_str(bank.description)}",
           f"target_s = {bank.target_s!r}"]
    for q in bank.questions:
        out += ["", "[[questions]]", f"id = {_toml_str(q.id)}", f"text = {_toml_str(q.text)}"]
        if q.follow_ups:
            out.append(f"follow_ups = [{', '.join(_toml_str(f) for f in q.follow_ups)}]")
        if q.tags:
            out.append(f"tags = [{', '.join(_toml_str(t) for t in q.tags)}]")
        if q.target_s != bank.target_s:
            out.append(f"target_s = {q.target_s!r}")
    return "\n".join(out) + "\n"


def _read(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BankError(path, None, "no such file") from None
    except IsADirectoryError:
        raise BankError(path, None, "is a directory, not a .toml file") from None
    except OSError as exc:
        raise BankError(path, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        # utf-8-sig: editors on Windows like to prepend a BOM, which tomllib rejects.
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise BankError(path, line, "not UTF-8 text (save the file as UTF-8)") from None


def _load(path: Path, builtin: bool, target_s: float) -> tuple[Bank | None, list[BankError]]:
    try:
        text = _read(path)
    except BankError as exc:
        return None, [exc]
    return check_bank(text, path=path, builtin=builtin, default_target_s=target_s)


def load_bank(path: Path, *, builtin: bool = False,
              default_target_s: float = DEFAULT_TARGET_S) -> Bank:
    bank, errors = _load(path, builtin, default_target_s)
    if errors:
        raise errors[0]
    assert bank is not None
    return bank


def _bank_files(directory: Path) -> list[Path]:
    # Hidden files are editor droppings (`.#general.toml`), never banks.
    return sorted(p for p in directory.glob("*.toml") if not p.name.startswith(".")
                  and p.is_file())


def load_banks(builtin_dir: Path, user_dir: Path | None, extra: Sequence[Path] = (), *,
               default_target_s: float = DEFAULT_TARGET_S) -> tuple[list[Bank], list[BankError]]:
    """Every usable bank, plus one error per problem in the broken ones.

    Later sources shadow earlier ones with the same id: built-in, then the user's bank folder,
    then `extra` files (a directory in `extra` means every .toml in it). A broken bank never
    hides the others, and a broken user bank leaves the built-in one of that id in use.
    """
    sources: list[tuple[Path, bool]] = []
    errors: list[BankError] = []
    if builtin_dir.is_dir():
        sources += [(p, True) for p in _bank_files(builtin_dir)]
    if user_dir is not None and user_dir.exists():
        if user_dir.is_dir():
            sources += [(p, False) for p in _bank_files(user_dir)]
        else:
            errors.append(BankError(user_dir, None, "should be a folder of .toml banks"))
    for path in extra:
        if path.is_dir():
            sources += [(p, False) for p in _bank_files(path)]
        else:
            sources.append((path, False))
    by_id: dict[str, Bank] = {}
    seen_paths: set[Path] = set()
    for path, builtin in sources:
        if (resolved := path.resolve()) in seen_paths:
            continue
        seen_paths.add(resolved)
        bank, problems = _load(path, builtin, default_target_s)
        errors += problems
        if bank is None:
            continue
        earlier = by_id.get(bank.id)
        if earlier is not None:  # keeps the earlier bank's place in the list
            bank = replace(bank, shadows=earlier.path)
        by_id[bank.id] = bank
    return list(by_id.values()), errors
