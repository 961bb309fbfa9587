"""The report as terminal text (rich), as `mockmic analyze` and `mockmic record` print it."""

from __future__ import annotations

from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from mockmic.core.report import SIGNAL_KINDS, Report, Span

SEVERITY_STYLE = {"fail": "bold red", "warn": "yellow", "info": "cyan"}
SEVERITY_MARK = {"fail": "✗", "warn": "!", "info": "i"}
SIGNAL_LABEL = {"stakes": "Stakes", "metric": "Metric", "decision": "Decision",
                "learning": "Learning", "result": "Result"}


def fmt_s(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    seconds = max(0.0, seconds)
    return f"{int(seconds // 60)}:{seconds % 60:04.1f}"


def _score_style(score: int) -> str:
    return "bold green" if score >= 80 else "bold yellow" if score >= 60 else "bold red"


def _headline(report: Report) -> Text:
    text = Text()
    text.append(f"Score {report.score}/100", style=_score_style(report.score))
    text.append("   ")
    est = " (estimated at 150 WPM)" if report.duration_estimated else ""
    text.append(f"{fmt_s(report.duration_s)} of {fmt_s(report.target_s)} target{est}")
    if report.over_by_s > 0:
        text.append(f"   over by {report.over_by_s:.0f} s", style="red")
    else:
        text.append(f"   {report.target_s - report.duration_s:.0f} s to spare", style="green")
    return text


def _timing_bar(report: Report, width: int = 60) -> Text:
    """A one-line timeline: answer length, the target mark, first action (A) and result (R)."""
    timing: dict[str, Any] = report.metrics.get("timing") or {}
    total = max(report.duration_s, report.target_s, 1e-6)

    def col(t: float) -> int:
        return min(width - 1, max(0, round(t / total * (width - 1))))

    cells = ["─"] * width
    for i in range(col(report.duration_s) + 1):
        cells[i] = "━"
    target = col(report.target_s)
    cells[target] = "┃"
    for key, mark in (("first_action_s", "A"), ("first_result_s", "R")):
        value = timing.get(key)
        if isinstance(value, int | float):
            cells[col(float(value))] = mark
    bar = Text()
    for i, ch in enumerate(cells):
        style = "red" if i > target and ch == "━" else "green" if ch == "━" else ""
        style = "bold magenta" if ch in "AR" else "bold" if ch == "┃" else style
        bar.append(ch, style=style)
    bar.append("   ┃ target  A first action  R first result", style="dim")
    return bar


def _metrics_table(report: Report) -> Table:
    m = report.metrics
    table = Table.grid(padding=(0, 2))
    table.add_column(style="dim")
    table.add_column()
    table.add_row("Pace", f"{m.get('wpm', 0):.0f} words/min"
                  + (f" ({m['articulation_wpm']:.0f} without pauses)"
                     if m.get("articulation_wpm") else ""))
    fillers = m.get("fillers") or {}
    which = fillers.get("which") or {}
    which_txt = ", ".join(f"{w} ×{n}" for w, n in sorted(which.items(), key=lambda x: -x[1]))
    table.add_row("Fillers", f"{fillers.get('count', 0)} ({fillers.get('per_min', 0):.1f}/min)"
                  + (f": {which_txt}" if which_txt else "")
                  + "  — at least: speech recognition drops some")
    if not report.duration_estimated:
        pauses = m.get("pauses") or {}
        table.add_row("Pauses", f"{pauses.get('count', 0)} ≥ 0.6 s, longest "
                      f"{(pauses.get('longest_s') or 0):.1f} s")
        if m.get("lead_in_s") is not None:
            table.add_row("Lead-in", f"{m['lead_in_s']:.1f} s before the first word")
    timing = m.get("timing") or {}
    table.add_row("First action", fmt_s(timing.get("first_action_s")))
    table.add_row("First result", fmt_s(timing.get("first_result_s")))
    opening = m.get("opening") or {}
    if opening:
        verdict = "passes" if opening.get("passes") else "does not yet pass"
        table.add_row("10-second scan", f"the opening {verdict}: "
                      f"topic {'yes' if opening.get('about') else 'no'}, "
                      f"why it mattered {'yes' if opening.get('why') else 'no'}")
    return table


def clip_words(text: str, max_words: int = 28) -> str:
    """Long evidence (a 40-second set-up) is shown by its start: the time says where it is."""
    words = text.split()
    return text if len(words) <= max_words else " ".join(words[:max_words]) + " …"


def _evidence_lines(spans: tuple[Span, ...], limit: int = 3) -> Text:
    text = Text()
    for span in spans[:limit]:
        text.append(f"\n      {fmt_s(span.start_s)}–{fmt_s(span.end_s)}  ", style="dim")
        text.append(f"“{clip_words(span.text)}”", style="italic")
    if len(spans) > limit:
        text.append(f"\n      … and {len(spans) - limit} more", style="dim")
    return text


def _flags(report: Report) -> Group | Text:
    if not report.flags:
        return Text("No flags: this answer does what hiring teams listen for.", style="green")
    parts: list[Text] = []
    for flag in report.flags:
        line = Text()
        line.append(f" {SEVERITY_MARK[flag.severity]} ", style=SEVERITY_STYLE[flag.severity])
        line.append(f"{flag.code}", style=SEVERITY_STYLE[flag.severity])
        line.append(f"  {flag.message}")
        line.append("\n    Tip: ", style="bold")
        line.append(flag.tip)
        line.append_text(_evidence_lines(flag.evidence))
        parts.append(line)
    return Group(*parts)


def _signals(report: Report) -> Text:
    text = Text()
    for kind in SIGNAL_KINDS:
        spans = report.signals.get(kind, ())
        text.append(f" {'✓' if spans else '·'} {SIGNAL_LABEL[kind]:<9}",
                    style="green" if spans else "dim")
        if spans:
            text.append(f"{fmt_s(spans[0].start_s)}  “{spans[0].text}”", style="green")
        else:
            text.append("not found", style="dim")
        text.append("\n")
    text.rstrip()
    return text


def _overrun(report: Report) -> Text | None:
    timing = report.metrics.get("timing") or {}
    tail = timing.get("overrun_tail")
    if not tail or not tail.get("text"):
        return None
    text = Text()
    text.append(f"After the {report.target_s:.0f}-second mark you said: ", style="bold red")
    text.append(f"“{tail['text']}”", style="red")
    return text


def print_report(report: Report, console: Console) -> None:
    title = f"mockmic — {report.source}" if report.source else "mockmic"
    body: list[Any] = [_headline(report), _timing_bar(report), Text(), _metrics_table(report)]
    overrun = _overrun(report)
    if overrun is not None:
        body += [Text(), overrun]
    console.print(Panel(Group(*body), title=title, title_align="left"))
    console.print(Panel(_flags(report), title="What to fix", title_align="left"))
    console.print(Panel(_signals(report), title="What landed", title_align="left"))
