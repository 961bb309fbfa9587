"""Add or edit a story in the app. The form writes the story bank file through
`core.stories.write_stories` (atomic), so the file stays the one source of truth that the
user may also edit by hand.

Lists are typed on one line: figures and questions separated by `;` (a figure may contain a
comma, "$1,200"), tags by `,`. A story's id cannot change once it has takes: they are filed
under it.
"""

from __future__ import annotations

import re
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from mockmic.core.stories import STORY_ID_RE, Story
from mockmic.errors import UserError
from mockmic.screens.browse import StoryBank

FIELDS: tuple[tuple[str, str, str], ...] = (
    # (input id, label, placeholder)
    ("title", "Title", "Cut recommendation inference cost"),
    ("id", "Id (letters, digits, - _ .)", "made from the title if left empty"),
    ("summary", "Outcome in one sentence", "Cut inference cost 22 % and kept the budget."),
    ("figures", "Figures you claim (separate with ;)", "22 %; $400k/yr"),
    ("tags", "Tags (separate with ,)", "cost, trade-off"),
    ("questions", "Questions it answers (bank:id or free text; separate with ;)",
     "general:cost-tradeoff; Tell me about a time you reduced cost"),
    ("target", "Target seconds (empty: the app's target)", "90"),
)


def slug(title: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40].strip("-") or "story"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def split(text: str, sep: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in text.split(sep) if p.strip()))


def story_from_fields(values: dict[str, str], *, taken: set[str]) -> Story:
    """A Story from the form's text, or UserError with the one thing to fix."""
    title = " ".join(values.get("title", "").split())
    if not title:
        raise UserError("give the story a title")
    story_id = values.get("id", "").strip() or slug(title, taken)
    if not STORY_ID_RE.fullmatch(story_id):
        raise UserError(f"id {story_id!r}: use letters, digits, '-', '_' or '.' "
                        "(up to 64, starting with a letter or digit)")
    target_text = values.get("target", "").strip()
    target: float | None = None
    if target_text:
        try:
            target = float(target_text)
        except ValueError:
            raise UserError(f"target {target_text!r} is not a number of seconds") from None
        if not 0 < target <= 3600:
            raise UserError("target must be between 1 and 3600 seconds")
    return Story(id=story_id, title=title, summary=" ".join(values.get("summary", "").split()),
                 figures=split(values.get("figures", ""), ";"),
                 tags=split(values.get("tags", "").lower(), ","),
                 questions=split(values.get("questions", ""), ";"), target_s=target)


def fields_of(story: Story) -> dict[str, str]:
    target = "" if story.target_s is None else f"{story.target_s:g}"
    return {"title": story.title, "id": story.id, "summary": story.summary,
            "figures": "; ".join(story.figures), "tags": ", ".join(story.tags),
            "questions": "; ".join(story.questions), "target": target}


class StoryFormModal(ModalScreen[Story | None]):
    """Returns the saved story, or None when cancelled. Saving happens here, so a problem
    (a duplicate id, the file changed on disk) is shown with the form still open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", show=False),
        Binding("ctrl+s", "save", "Save", show=False),
    ]

    DEFAULT_CSS = """
    StoryFormModal .dialog { width: 84; }
    StoryFormModal #story-form-fields { height: auto; max-height: 24; }
    StoryFormModal Label { margin-top: 1; color: $text-muted; }
    StoryFormModal #story-form-error { color: $error; height: auto; }
    """

    def __init__(self, bank: StoryBank, story: Story | None = None, *,
                 has_takes: bool = False) -> None:
        super().__init__(classes="dialog-screen")
        self.bank = bank
        self.story = story
        self.has_takes = has_takes

    def compose(self) -> ComposeResult:
        values = fields_of(self.story) if self.story else {}
        title = f"Edit story: {self.story.title}" if self.story else "Add a story"
        with VerticalScroll(classes="dialog"):
            yield Label(title, classes="dialog-title")
            with VerticalScroll(id="story-form-fields"):
                for key, label, placeholder in FIELDS:
                    yield Label(label)
                    yield Input(values.get(key, ""), placeholder=placeholder, id=f"story-{key}",
                                disabled=key == "id" and self.story is not None
                                and self.has_takes)
            yield Static("", id="story-form-error")
            yield Static(Content(f"Saved to {self.bank.path}"), classes="dialog-body")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#story-title", Input).focus()

    def values(self) -> dict[str, str]:
        return {key: self.query_one(f"#story-{key}", Input).value for key, _, _ in FIELDS}

    @on(Input.Submitted)
    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        replacing = self.story.id if self.story else None
        taken = {s.id for s in self.bank.stories if s.id != replacing}
        try:
            story = story_from_fields(self.values(), taken=taken)
            if story.id in taken:
                raise UserError(f"another story already has the id {story.id!r}")
            self.bank.put(story, replacing=replacing)
        except UserError as exc:
            self.query_one("#story-form-error", Static).update(Content.styled(f"✖ {exc}", "$error"))
            return
        self.dismiss(story)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
