"""Takes as a Markdown report a mentor can read, or as JSON.

The Markdown says what the app's report screen says: question, date, duration against the
target, score, the transcript with the words past the target marked, every flag with its
evidence and tip, and what worked. It never includes local file paths.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from mockmic.core.quantities import Quantity
from mockmic.core.report import Flag, Report, Span
from mockmic.core.stories import Inconsistency, Story, claim_status
from mockmic.storage.models import SessionSummary, TakeRecord

_SEVERITY_MARK = {"fail": "✗", "warn": "!", "info": "·"}
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def clock(seconds: float) -> str:
    """0:07, 1:34, 12:05 (rounded to the second)."""
    total = max(0, round(seconds))
    return f"{total // 60}:{total % 60:02d}"


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def _label(code: str) -> str:
    return code.replace("_", " ").capitalize()


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z").strip()


def duration_line(record: TakeRecord) -> str:
    rep = record.report
    said = clock(rep.duration_s) + (" (estimated from a typed answer)"
                                    if rep.duration_estimated else "")
    if rep.over_by_s >= 0.5:
        return f"{said} of a {clock(rep.target_s)} target ({clock(rep.over_by_s)} over)"
    return f"{said} of a {clock(rep.target_s)} target (within it)"


def transcript_markdown(report: Report) -> str:
    """The transcript as one paragraph; words starting past the target are italic, after a
    bold marker, so a reader sees exactly what the overrun was."""
    words = report.transcript.words
    if not words:
        return "_(no words were recognised)_"
    cut = next((i for i, w in enumerate(words) if w.start >= report.target_s), len(words))
    if report.duration_estimated:
        cut = len(words)  # a typed answer's word times are a guess: no marker
    head = " ".join(md_escape(w.text.strip()) for w in words[:cut] if w.text.strip())
    if cut == len(words):
        return head
    tail = " ".join(md_escape(w.text.strip()) for w in words[cut:] if w.text.strip())
    marker = f"**⏱ {clock(report.target_s)} target reached; the rest is overrun:**"
    return f"{head} {marker} _{tail}_".strip()


def _quote(span: Span) -> str:
    return f'> "{md_escape(span.text)}" ({clock(span.start_s)}–{clock(span.end_s)})'


def _flag_markdown(flag: Flag, level: str) -> list[str]:
    mark = _SEVERITY_MARK.get(flag.severity, "·")
    lines = [f"{level} {mark} {_label(flag.code)} ({flag.severity})", "", md_escape(flag.message),
             ""]
    for span in flag.evidence:
        lines += [_quote(span), ""]
    if flag.tip:
        lines += [f"**Tip:** {md_escape(flag.tip)}", ""]
    return lines


def _metrics_rows(metrics: dict[str, Any]) -> list[str]:
    rows = []
    for key, value in metrics.items():
        if isinstance(value, bool) or value is None or isinstance(value, dict | list):
            continue
        shown = f"{value:.1f}" if isinstance(value, float) else md_escape(str(value))
        rows.append(f"| {md_escape(key.replace('_', ' '))} | {shown} |")
    return rows


def take_markdown(record: TakeRecord, *, story: Story | None = None,
                  inconsistencies: Sequence[Inconsistency] = (),
                  said: Sequence[Quantity] = (), level: int = 1) -> str:
    """One take. `story` (with `said`, the take's figures, and `inconsistencies`) adds a
    figures section; `level` is the heading depth (2 inside a session export)."""
    h = "#" * level
    rep = record.report
    question = record.question_text or "(no question recorded)"
    lines = [f"{h} Take {record.id}: {md_escape(question)}", "",
             "| | |", "|---|---|", f"| Date | {_local(record.created_at)} |"]
    if record.story_id:
        title = f"{story.title} ({record.story_id})" if story else record.story_id
        lines.append(f"| Story | {md_escape(title)} |")
    if record.bank_id or record.question_id:
        lines.append(f"| Question | {md_escape(record.bank_id or '')}"
                     f"{'/' if record.bank_id and record.question_id else ''}"
                     f"{md_escape(record.question_id or '')} |")
    lines += [f"| Duration | {duration_line(record)} |", f"| Score | {rep.score} / 100 |"]
    if record.story_id:
        verdict = "yes: within the target with no fail flag" if record.landed else "not yet"
        lines.append(f"| Short version landed | {verdict} |")
    if record.recovered:
        lines.append("| Note | recovered after an interrupted recording |")
    lines += _metrics_rows(rep.metrics)
    lines += ["", f"{h}# Flags", ""]
    if not rep.flags:
        lines += ["No flags: nothing for the coach to pick on.", ""]
    for flag in sorted(rep.flags, key=lambda f: ("fail", "warn", "info").index(f.severity)):
        lines += _flag_markdown(flag, h + "##")
    signals = [(kind, span) for kind, spans in rep.signals.items() for span in spans]
    if signals:
        lines += [f"{h}# What worked", ""]
        for kind, span in signals:
            lines.append(f"- **{_label(kind)}:** \"{md_escape(span.text)}\" "
                         f"({clock(span.start_s)})")
        lines.append("")
    if story is not None and story.figures:
        lines += [f"{h}# Figures", ""]
        for claim, ok in claim_status(said, story.figures).items():
            lines.append(f"- {md_escape(claim)}: {'said' if ok else 'not said'}")
        for item in inconsistencies:
            lines.append(f"- **Inconsistent:** {md_escape(item.message)}")
        lines.append("")
    lines += [f"{h}# Transcript", "", transcript_markdown(rep), ""]
    return "\n".join(lines)


def session_markdown(session: SessionSummary, records: Sequence[TakeRecord]) -> str:
    lines = [f"# Mock interview session {session.id}", "",
             f"{_local(session.created_at)}, {session.mode}"
             f"{f', bank {session.bank_id}' if session.bank_id else ''}: "
             f"{len(records)} take{'s' if len(records) != 1 else ''}.", ""]
    if records:
        lines += ["| Take | Question | Duration | Score | Top flags |", "|---|---|---|---|---|"]
        for r in records:
            flags = ", ".join(_label(c) for c in r.top_flags[:3]) or "none"
            lines.append(f"| {r.id} | {md_escape(r.question_text)} | "
                         f"{clock(r.duration_s)} / {clock(r.target_s)} | {r.score} | "
                         f"{flags} |")
        lines.append("")
    for r in records:
        lines.append(take_markdown(r, level=2))
    return "\n".join(lines)


def take_json(record: TakeRecord) -> str:
    return json.dumps(record.to_dict(), ensure_ascii=False, indent=2)


def session_json(session: SessionSummary, records: Sequence[TakeRecord]) -> str:
    return json.dumps({"session": session.to_dict(), "takes": [r.to_dict() for r in records]},
                      ensure_ascii=False, indent=2)
