"""Home: choose a bank and a mode, start; see the last session; import an audio file.

Everything that is wrong with the machine or the config is said here in one line each (no
microphone, broken bank files, questions not spoken, interrupted takes to recover), and what
still works stays offered: import and review need no microphone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import (
    Button,
    Checkbox,
    Footer,
    Input,
    Label,
    LoadingIndicator,
    OptionList,
    RadioButton,
    RadioSet,
    Static,
)
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from mockmic.core.banks import Bank, Question
from mockmic.errors import UserError
from mockmic.interview import Mode, SessionView, Take, average_score
from mockmic.messages import AnalysisFailed, AnalysisProgress, TakeAnalyzed
from mockmic.screens.base import MockmicScreen
from mockmic.screens.modals import MessageModal, PathModal

DEFAULT_COUNT = 5
#: The bank highlighted when the app opens.
DEFAULT_BANK = "general"


class HomeScreen(MockmicScreen):
    HELP = """\
**Home**

| key | does |
|---|---|
| ↑ ↓ | choose a question bank |
| enter / s | start (mock session or drill) |
| m | switch mode: mock session ↔ drill one question |
| i | import an audio file (or a .txt answer) and see its report |
| l | the last session's summary |
| c | recover interrupted takes (when offered) |
| q | quit |
"""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "start", "Start", id="start", tooltip="Start with the chosen bank and mode"),
        # m and q stay off the footer so it fits in 80 columns (help lists them).
        Binding("m", "toggle_mode", "Mode", id="mode", show=False,
                tooltip="Switch between a mock session and a single-question drill"),
        Binding("i", "import", "Import", id="import",
                tooltip="Transcribe and coach an audio file recorded elsewhere"),
        Binding("l", "last_session", "Last", id="last-session",
                tooltip="The last session's summary"),
        Binding("c", "recover", "Recover", id="recover",
                tooltip="Transcribe and save takes a crash interrupted"),
        Binding("q", "app.quit", "Quit", id="quit", show=False, tooltip="Leave mockmic"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(Content.assemble(("mockmic", "bold $accent"),
                                      ("  timed mock interviews, coached on your machine",
                                       "$foreground-muted")), id="home-title")
        with Horizontal(id="home-main"):
            with Vertical(id="bank-pane"):
                yield Label("Question bank", classes="section-title")
                yield OptionList(*self._bank_options(), id="banks")
                yield Static("", id="bank-description")
            with Vertical(id="mode-pane"):
                yield Label("Mode", classes="section-title")
                with RadioSet(id="mode"):
                    yield RadioButton("Mock session", value=True, id="mode-session")
                    yield RadioButton("Drill one question", id="mode-drill")
                with Horizontal(id="count-row"):
                    yield Label("Questions", id="count-label")
                    yield Input(str(DEFAULT_COUNT), type="integer", max_length=2, id="count",
                                tooltip="How many questions the mock session asks")
                yield Checkbox("Shuffle", value=True, id="shuffle",
                               tooltip="Ask the questions in a random order")
                with Horizontal(id="home-buttons"):
                    yield Button("Start", id="start", variant="primary",
                                 disabled=not self.services.can_record)
                    yield Button("Import…", id="import")
        yield Static("", id="last-session")
        yield LoadingIndicator(id="home-busy")
        yield Vertical(id="notices")
        yield Footer()

    def _bank_options(self) -> list[Option]:
        return [Option(Content.assemble((bank.name, "bold"),
                                        (f"  {len(bank.questions)}", "$foreground-muted")),
                       id=bank.id) for bank in self.services.banks]

    def on_mount(self) -> None:
        banks = self.query_one("#banks", OptionList)
        if self.services.banks:
            # Built-in banks sort by id; most people start with the general behavioural one.
            ids = [bank.id for bank in self.services.banks]
            banks.highlighted = ids.index(DEFAULT_BANK) if DEFAULT_BANK in ids else 0
        banks.focus()
        self.query_one("#home-busy").display = False
        self.refresh_notices()
        self.refresh_last_session()

    # -- what the screen shows ----------------------------------------------------------------

    @property
    def selected_bank(self) -> Bank | None:
        index = self.query_one("#banks", OptionList).highlighted
        banks = self.services.banks
        return banks[index] if index is not None and 0 <= index < len(banks) else None

    @property
    def mode(self) -> Mode:
        return "drill" if self.query_one("#mode-drill", RadioButton).value else "session"

    @on(OptionList.OptionHighlighted, "#banks")
    def _bank_highlighted(self) -> None:
        bank = self.selected_bank
        text = Content("")
        if bank is not None:
            target = self.services.target_for(None) if self.services.target_override else \
                bank.target_s
            text = Content.assemble((bank.description or "", ""),
                                    (f"  ({len(bank.questions)} questions, target "
                                     f"{target:.0f} s)", "$foreground-muted"))
        self.query_one("#bank-description", Static).update(text)

    @on(RadioSet.Changed, "#mode")
    def _mode_changed(self) -> None:
        drill = self.mode == "drill"
        self.query_one("#count-row").display = not drill
        self.query_one("#shuffle").display = not drill

    def notices(self) -> list[tuple[str, str]]:
        """(severity, text) lines for the notice area, most serious first."""
        s = self.services
        lines: list[tuple[str, str]] = []
        if s.recorder_error:
            lines.append(("error", f"{s.recorder_error} You can still import an audio file (i) "
                                   "and review past sessions (l)."))
        recovered = self.mockmic.recovered
        if recovered:
            n = len(recovered)
            plural, them = ("s", "them") if n > 1 else ("", "it")
            lines.append(("warning", f"{n} interrupted take{plural} found: press c to transcribe "
                                     f"and save {them}."))
        for text in s.notices:
            lines.append(("warning", text))
        for error in s.bank_errors:
            lines.append(("warning", f"Bank not loaded: {error}"))
        for problem in (s.speaker_notice, s.store_error, s.player_error):
            if problem:
                lines.append(("warning", problem))
        if not s.banks:
            lines.append(("error", "No question banks loaded: add a .toml bank to "
                                   "the config folder or pass --bank PATH."))
        return lines

    def refresh_notices(self) -> None:
        box = self.query_one("#notices", Vertical)
        box.remove_children()
        marks = {"error": ("✖ ", "bold $error"), "warning": ("▲ ", "bold $warning")}
        for severity, text in self.notices():
            mark, style = marks[severity]
            box.mount(Static(Content.assemble((mark, style), text),
                             classes=f"notice -{severity}"))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "recover":
            return bool(self.mockmic.recovered)
        if action == "start":
            return self.services.can_record and bool(self.services.banks)
        if action == "last_session":
            return self.mockmic.last_session is not None
        return True

    def refresh_last_session(self) -> None:
        session = self.mockmic.last_session
        widget = self.query_one("#last-session", Static)
        if session is None:
            widget.update(Content.styled("No sessions yet. Pick a bank and press s to start.",
                                         "$foreground-muted"))
        else:
            widget.update(last_session_line(session))
        self.refresh_bindings()

    # -- actions ------------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#banks")
    @on(Button.Pressed, "#start")
    def action_start(self) -> None:
        bank = self.selected_bank
        if bank is None:
            self.notify("Choose a question bank first.", severity="warning")
            return
        if not self.services.can_record:
            self.notify(self.services.recorder_error or "No microphone.", severity="error")
            return
        count = self._count()
        if count is None:
            return
        shuffle = self.query_one("#shuffle", Checkbox).value
        self.mockmic.start_interview(bank, self.mode, count, shuffle)

    def _count(self) -> int | None:
        raw = self.query_one("#count", Input).value.strip()
        try:
            count = int(raw or DEFAULT_COUNT)
        except ValueError:
            count = 0
        if count < 1:
            self.notify("Questions: type a whole number from 1 to 99.", severity="error")
            return None
        return count

    def action_toggle_mode(self) -> None:
        target = "#mode-session" if self.mode == "drill" else "#mode-drill"
        self.query_one(target, RadioButton).value = True

    def action_last_session(self) -> None:
        if self.mockmic.last_session is not None:
            self.mockmic.show_summary(self.mockmic.last_session)

    @on(Button.Pressed, "#import")
    def action_import(self) -> None:
        self.app.push_screen(
            PathModal("Import an answer", "An audio file (wav, flac, mp3, m4a…) or a .txt "
                      "answer. It is transcribed, coached and saved; your file is not moved."),
            self._import_chosen)

    def _import_chosen(self, path: Path | None) -> None:
        if path is not None:
            self._busy(True)
            self.import_file(path)

    def _busy(self, busy: bool) -> None:
        self.query_one("#home-busy").display = busy

    @work(thread=True, exclusive=True, group="analyze", exit_on_error=False,
          description="Analyzing the file")
    def import_file(self, path: Path) -> None:
        if not self.mockmic.wait_for_model(
                lambda: self._post_progress("Waiting for the speech model to load…")):
            return
        try:
            take, notice = self.services.analyze(
                path, question=None, question_text=f"Imported: {path.name}", imported=True,
                progress=self._post_progress)
        except UserError as exc:
            self.post_message(AnalysisFailed(str(exc)))
            return
        if notice:
            self.app.call_from_thread(self.notify, notice, severity="warning", timeout=10)
        self.post_message(TakeAnalyzed(take.report, take, take.audio_path))

    def action_recover(self) -> None:
        if self.mockmic.recovered:
            self._busy(True)
            self.recover_takes(list(self.mockmic.recovered))

    @work(thread=True, exclusive=True, group="analyze", exit_on_error=False,
          description="Recovering interrupted takes")
    def recover_takes(self, takes: list[Any]) -> None:
        recovery = self.services.recovery
        assert recovery is not None
        if not self.mockmic.wait_for_model(
                lambda: self._post_progress("Waiting for the speech model to load…")):
            return
        last: Take | None = None
        saved = 0
        for found in takes:
            meta: dict[str, Any] = dict(getattr(found, "meta", {}) or {})
            question = self._question_from(meta)
            text = str(meta.get("question") or (question.text if question else "Recovered take"))
            try:
                path = recovery.repair(found)
                last, notice = self.services.analyze(path, question=question, question_text=text,
                                                     session_id=meta.get("session_id"),
                                                     recovered=True)
            except UserError as exc:
                self.app.call_from_thread(self.notify, f"Could not recover {found.path.name}: "
                                          f"{exc}", severity="error", timeout=15)
                continue
            if notice:
                self.app.call_from_thread(self.notify, notice, severity="warning", timeout=10)
            saved += 1
        self.app.call_from_thread(self._recovered_done, saved)
        if last is not None:
            self.post_message(TakeAnalyzed(last.report, last, last.audio_path))

    def _recovered_done(self, saved: int) -> None:
        self.mockmic.recovered = []
        self.refresh_notices()
        if saved:
            self.notify(f"Recovered {saved} take{'s' if saved > 1 else ''}.", timeout=5)

    def _question_from(self, meta: dict[str, Any]) -> Question | None:
        for bank in self.services.banks:
            if bank.id == meta.get("bank_id"):
                for q in bank.questions:
                    if q.id == meta.get("question_id"):
                        return q
        return None

    def _post_progress(self, stage: str) -> None:
        self.post_message(AnalysisProgress(stage))

    @on(AnalysisProgress)
    def _progress(self, event: AnalysisProgress) -> None:
        self.query_one("#last-session", Static).update(
            Content.styled(event.stage, "$foreground-muted"))

    @on(TakeAnalyzed)
    def _analyzed(self, event: TakeAnalyzed) -> None:
        self._busy(False)
        self.refresh_last_session()
        self.mockmic.show_take(event.take, review=True)

    @on(Worker.StateChanged)
    def _analysis_crashed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.group == "analyze":
            self._busy(False)
            self.refresh_last_session()

    @on(AnalysisFailed)
    def _failed(self, event: AnalysisFailed) -> None:
        self._busy(False)
        self.refresh_last_session()
        self.app.push_screen(MessageModal("Could not analyze that file", event.error))


def last_session_line(session: SessionView) -> Content:
    rows = session.rows
    avg = average_score(rows)
    flags: dict[str, int] = {}
    for row in rows:
        for code in row.top_flags[:1]:
            flags[code] = flags.get(code, 0) + 1
    top = max(flags, key=lambda c: flags[c]) if flags else None
    when = f"{session.when.astimezone():%d %b %H:%M} · " if session.when else ""
    parts: list[tuple[str, str] | str] = [
        ("Last session  ", "bold"),
        f"{when}{session.title} · {session.answered} of {len(rows)} answered",
    ]
    if avg is not None:
        parts.append(f" · average score {avg}")
    if top is not None:
        parts += [" · most common flag ", (top.replace("_", " "), "bold $warning")]
    parts.append(("  (l: summary)", "$foreground-muted"))
    return Content.assemble(*parts)
