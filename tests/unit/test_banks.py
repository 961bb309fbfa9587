"""Question banks: the format, the built-in banks, broken files and `mockmic banks`."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mockmic import paths
from mockmic.cli import main
from mockmic.core.banks import (
    DEFAULT_TARGET_S,
    Bank,
    BankError,
    Question,
    SelectionError,
    dump_bank,
    find_bank,
    load_bank,
    load_banks,
    parse_bank,
)

BUILTIN = paths.builtin_banks_dir()
REQUIRED_COUNTS = {"general": 25, "ml-platform": 15, "leadership": 15, "failure": 10}

GOOD = """\
name = "Platform loop"
description = "Questions for the platform team's loop."
target_s = 75

[[questions]]
id = "migration"
text = "Tell me about a migration you led."
follow_ups = ["Who moved last?", "When did you turn the old system off?"]
tags = ["Migration", "cross-team", "migration"]

[[questions]]
id = "cost"
text = \"\"\"Tell me about a time you cut
   serving cost.\"\"\"
target_s = 120
"""


def write(folder: Path, name: str, text: str | bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


# --- the format ---------------------------------------------------------------------------


def test_parse_reads_every_field_and_inherits_the_bank_target() -> None:
    bank = parse_bank(GOOD, path=Path("/banks/platform.toml"))
    assert (bank.id, bank.name, bank.target_s) == ("platform", "Platform loop", 75.0)
    assert bank.description == "Questions for the platform team's loop."
    migration, cost = bank.questions
    assert migration == Question(
        id="migration", text="Tell me about a migration you led.",
        follow_ups=("Who moved last?", "When did you turn the old system off?"),
        tags=("migration", "cross-team"), target_s=75.0, bank_id="platform")
    # A multi-line string is one sentence when spoken and shown.
    assert cost.text == "Tell me about a time you cut serving cost."
    assert (cost.follow_ups, cost.tags, cost.target_s) == ((), (), 120.0)
    assert cost.key == "platform/cost"


def test_bank_without_target_uses_the_default_the_caller_passes() -> None:
    text = 'name = "x"\n[[questions]]\nid = "a"\ntext = "Why?"\n'
    assert parse_bank(text, path=None).questions[0].target_s == DEFAULT_TARGET_S
    assert parse_bank(text, path=None, default_target_s=60).questions[0].target_s == 60.0


def test_dump_then_parse_gives_the_same_bank() -> None:
    bank = parse_bank(GOOD, path=Path("platform.toml"))
    assert parse_bank(dump_bank(bank), path=Path("platform.toml")) == bank


_words = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
                 min_size=1, max_size=12)
_sentences = st.lists(_words, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(name=_sentences, texts=st.lists(_sentences, min_size=1, max_size=5),
       follow_ups=st.lists(_sentences, max_size=3),
       target=st.floats(min_value=1, max_value=3600, allow_nan=False))
def test_any_bank_survives_dump_and_parse(name: str, texts: list[str], follow_ups: list[str],
                                          target: float) -> None:
    questions = tuple(Question(f"q-{i}", text, tuple(follow_ups), ("tag",), target, "b")
                      for i, text in enumerate(texts))
    bank = Bank("b", name, "", target, questions, None, False)
    assert parse_bank(dump_bank(bank), path=None, bank_id="b") == bank


def test_select_in_order_shuffled_limited_and_by_tag() -> None:
    bank = load_bank(BUILTIN / "general.toml", builtin=True)
    assert bank.select() == list(bank.questions)
    assert bank.select(3) == list(bank.questions[:3])
    first = bank.select(5, shuffle=True, seed=7)
    assert first == bank.select(5, shuffle=True, seed=7)  # a seed replays a session
    assert first != bank.select(5, shuffle=True, seed=8)
    assert first != list(bank.questions[:5])
    assert len(bank.select(1000)) == len(bank.questions)
    conflict = bank.select(tags=["Conflict"])
    assert conflict and all("conflict" in q.tags for q in conflict)
    assert len(conflict) < len(bank.questions)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"n": 0}, "at least 1"),
    ({"tags": ["astrology"]}, "no question in bank 'general' has tag astrology"),
])
def test_select_refuses_impossible_requests(kwargs: dict[str, object], message: str) -> None:
    bank = load_bank(BUILTIN / "general.toml", builtin=True)
    with pytest.raises(SelectionError, match=message):
        bank.select(**kwargs)  # type: ignore[arg-type]


def test_find_bank_names_the_available_ones() -> None:
    banks, _ = load_banks(BUILTIN, None)
    assert find_bank(banks, "failure").name == "Failure & learning"
    with pytest.raises(SelectionError, match=r"no question bank 'nope' \(available: .*general"):
        find_bank(banks, "nope")


def test_bank_error_reads_like_a_compiler_message() -> None:
    assert str(BankError(Path("b/x.toml"), 7, "missing 'text'")) == "b/x.toml:7: missing 'text'"
    assert str(BankError(Path("b/x.toml"), None, "no such file")) == "b/x.toml: no such file"


# --- the built-in banks -------------------------------------------------------------------


def test_builtin_banks_load_with_enough_distinct_questions() -> None:
    banks, errors = load_banks(BUILTIN, None)
    assert errors == []
    by_id = {b.id: b for b in banks}
    assert set(REQUIRED_COUNTS) <= set(by_id)
    for bank_id, minimum in REQUIRED_COUNTS.items():
        bank = by_id[bank_id]
        assert bank.builtin and bank.name and bank.description
        assert len(bank.questions) >= minimum, bank_id
        ids = [q.id for q in bank.questions]
        assert len(set(ids)) == len(ids), bank_id
        texts = [q.text.lower() for q in bank.questions]
        assert len(set(texts)) == len(texts), bank_id


@pytest.mark.parametrize("bank_id", sorted(REQUIRED_COUNTS))
def test_every_builtin_question_is_usable_in_an_interview(bank_id: str) -> None:
    bank = load_bank(BUILTIN / f"{bank_id}.toml", builtin=True)
    for q in bank.questions:
        # Spoken aloud by TTS: one or two sentences, not a paragraph.
        assert 30 <= len(q.text) <= 240, q.id
        assert q.text[-1] in "?.", q.id
        assert 1 <= len(q.follow_ups) <= 2, q.id
        assert all(f.endswith("?") for f in q.follow_ups), q.id
        assert q.tags, q.id
        assert 60 <= q.target_s <= 180, q.id


def test_no_question_is_repeated_across_builtin_banks() -> None:
    banks, _ = load_banks(BUILTIN, None)
    texts = [q.text.lower() for b in banks for q in b.questions]
    assert len(set(texts)) == len(texts)


# --- broken files -------------------------------------------------------------------------

BROKEN: list[tuple[str, str, int | None, str]] = [
    ("toml-syntax", 'name = "x"\n\n[[questions]]\nid = "a"\ntext = "unterminated\n',
     5, "invalid TOML"),
    ("missing-equals", 'name = "x"\n[[questions]]\nid = "a"\ntext "Why?"\n',
     4, "invalid TOML: expected '='"),
    ("missing-text", 'name = "x"\n[[questions]]\nid = "a"\ntext = "Why?"\n\n'
     '[[questions]]\nid = "b"\ntags = ["t"]\n', 6, "question 'b': missing 'text'"),
    ("duplicate-id", 'name = "x"\n[[questions]]\nid = "a"\ntext = "Why?"\n\n'
     '[[questions]]\nid = "a"\ntext = "How?"\n', 7,
     "duplicate question id 'a' (first used on line 3)"),
    ("wrong-type", 'name = "x"\n[[questions]]\nid = "a"\ntext = "Why?"\n'
     'follow_ups = "And then?"\n', 5, "'follow_ups' must be an array of strings"),
    ("target-as-text", 'name = "x"\n[[questions]]\nid = "a"\ntext = "Why?"\n'
     'target_s = "90"\n', 5, "'target_s' must be a number of seconds, got a string"),
    ("empty-questions", 'name = "x"\nquestions = []\n', 2, "the bank has no questions"),
    ("no-questions", 'name = "x"\ndescription = "soon"\n', None, "the bank has no questions"),
    ("unknown-bank-key", 'name = "x"\nauthor = "me"\n[[questions]]\nid = "a"\ntext = "Why?"\n',
     2, "unknown key 'author'"),
    ("unknown-question-key", 'name = "x"\n[[questions]]\nid = "a"\ntext = "Why?"\n'
     'followups = ["So?"]\n', 5, "unknown key 'followups' (did you mean 'follow_ups'?)"),
    ("single-brackets", 'name = "x"\n[questions]\nid = "a"\ntext = "Why?"\n',
     2, "write [[questions]] (double brackets)"),
    ("bad-id", 'name = "x"\n[[questions]]\nid = "Conflict Peer"\ntext = "Why?"\n',
     3, "'id' must be lower-case letters, digits and dashes"),
    ("inline-duplicate", 'name = "x"\nquestions = [\n  { id = "a", text = "Why?" },\n'
     '  { id = "a", text = "How?" },\n]\n', 4, "duplicate question id 'a'"),
    ("not-utf8", 'name = "caf\xe9"\n[[questions]]\nid = "a"\ntext = "Why?"\n', 1,
     "not UTF-8"),
]


@pytest.mark.parametrize(("stem", "text", "line", "message"), BROKEN,
                         ids=[case[0] for case in BROKEN])
def test_broken_bank_names_file_line_and_problem_and_others_still_load(
        tmp_path: Path, stem: str, text: str, line: int | None, message: str) -> None:
    user = tmp_path / "banks"
    data = text.encode("latin-1") if stem == "not-utf8" else text
    broken = write(user, f"{stem}.toml", data)
    write(user, "mine.toml", 'name = "Mine"\n[[questions]]\nid = "a"\ntext = "Why us?"\n')
    banks, errors = load_banks(BUILTIN, user)
    assert len(errors) == 1, [str(e) for e in errors]
    error = errors[0]
    assert (error.path, error.line) == (broken, line)
    where = f"{broken}:{line}: " if line else f"{broken}: "
    assert str(error).startswith(where)
    assert message in error.message
    assert {b.id for b in banks} == {*REQUIRED_COUNTS, "mine"}


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = ('name = "x"\n[[questions]]\nid = "a"\n\n[[questions]]\nid = "b"\ntext = "Why?"\n'
            'tags = "t"\n')
    _, errors = load_banks(tmp_path / "none", write(tmp_path, "two.toml", text).parent)
    assert [(e.line, e.message.split(":")[0]) for e in errors] == [
        (2, "question 'a'"), (8, "question 'b'")]


def test_parse_bank_raises_the_first_problem() -> None:
    with pytest.raises(BankError, match=r"^x\.toml:3: question 1 has no 'id'"):
        parse_bank('name = "x"\n\n[[questions]]\ntext = "Why?"\n', path=Path("x.toml"))


def test_missing_extra_file_is_an_error_not_a_crash(tmp_path: Path) -> None:
    banks, errors = load_banks(BUILTIN, None, [tmp_path / "gone.toml"])
    assert [str(e) for e in errors] == [f"{tmp_path / 'gone.toml'}: no such file"]
    assert len(banks) == len(REQUIRED_COUNTS)


def test_bom_and_editor_droppings_are_tolerated(tmp_path: Path) -> None:
    user = tmp_path / "banks"
    write(user, "bom.toml", '\ufeffname = "BOM"\n[[questions]]\nid = "a"\ntext = "Why?"\n')
    write(user, ".#bom.toml", "this is an emacs lock file")
    banks, errors = load_banks(tmp_path / "none", user)
    assert errors == []
    assert [b.name for b in banks] == ["BOM"]


def test_user_bank_shadows_builtin_and_broken_one_does_not(tmp_path: Path) -> None:
    user = tmp_path / "banks"
    mine = write(user, "general.toml", 'name = "My general"\n[[questions]]\nid = "a"\n'
                                       'text = "Why this team?"\n')
    banks, errors = load_banks(BUILTIN, user)
    general = find_bank(banks, "general")
    assert errors == []
    assert (general.name, general.builtin, general.path) == ("My general", False, mine)
    assert general.shadows == BUILTIN / "general.toml"
    assert sum(b.id == "general" for b in banks) == 1

    mine.write_text('name = "My general"\n[[questions]]\nid = "a"\n', encoding="utf-8")
    banks, errors = load_banks(BUILTIN, user)
    assert len(errors) == 1
    assert find_bank(banks, "general").builtin  # the built-in questions stay available


# --- `mockmic banks` ----------------------------------------------------------------------


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MOCKMIC_HOME", str(tmp_path))
    return tmp_path


def test_cli_lists_builtin_banks(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["banks"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["ID", "NAME", "QUESTIONS"]
    general = next(line for line in lines if line.startswith("general "))
    assert "General behavioural" in general and "built-in" in general and " ok " in general


def test_cli_reports_broken_user_bank_and_still_lists_the_rest(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    user = paths.user_banks_dir()
    broken = write(user, "mine.toml", 'name = "Mine"\n[[questions]]\nid = "a"\ntext = "Why?"\n'
                                      '[[questions]]\nid = "a"\ntext = "How?"\n')
    write(user, "general.toml", 'name = "My general"\n[[questions]]\nid = "a"\ntext = "Why?"\n')
    assert main(["banks"]) == 1
    out, err = capsys.readouterr()
    assert err.strip() == f"{broken}:6: duplicate question id 'a' (first used on line 3)"
    rows = {line.split()[0]: line for line in out.splitlines()[1:]}
    assert set(rows) == {*REQUIRED_COUNTS, "mine"}
    assert "BROKEN (1 problem)" in rows["mine"]
    assert "My general" in rows["general"] and "replaces built-in" in rows["general"]


def test_cli_json_lists_banks_and_errors(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    extra = write(home, "extra.toml", 'name = "Extra"\n[[questions]]\nid = "x"\n'
                                      'text = "Why?"\nhint = "?"\n')
    good = write(home / "more", "onsite.toml",
                 'name = "Onsite"\n[[questions]]\nid = "a"\ntext = "Why?"\n')
    assert main(["banks", "--json", "--bank", str(extra), "--bank", str(good)]) == 1
    payload = json.loads(capsys.readouterr().out)
    ids = [b["id"] for b in payload["banks"]]
    assert set(ids) == {*REQUIRED_COUNTS, "onsite"}
    onsite = payload["banks"][ids.index("onsite")]
    assert onsite["question_count"] == 1 and onsite["questions"][0]["text"] == "Why?"
    assert payload["errors"] == [{"path": str(extra), "line": 5,
                                  "message": "question 'x': unknown key 'hint' (allowed: "
                                             "id, text, follow_ups, tags, target_s)"}]


def test_cli_shows_one_bank_and_rejects_unknown_id(
        home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["banks", "failure"]) == 0
    out = capsys.readouterr().out
    bank = load_bank(BUILTIN / "failure.toml", builtin=True)
    assert all(q.text in out and q.follow_ups[0] in out for q in bank.questions)
    assert main(["banks", "nope"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("mockmic: no question bank 'nope'") and err.count("\n") == 1


def test_banks_module_imports_no_heavy_dependency() -> None:
    code = ("import sys, mockmic.core.banks; "
            "print([m for m in ('textual', 'numpy', 'sounddevice', 'faster_whisper', 'pyttsx3') "
            "if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
