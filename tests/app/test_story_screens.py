"""The story bank in the app: the list with each story's progress, adding and editing stories
(written to the TOML file), drilling a story until a take lands, its progress screen, and the
progress view over all takes.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Static

from mockmic import paths
from mockmic.app import MockmicApp
from mockmic.core.stories import load_stories
from mockmic.screens.compare import CompareScreen
from mockmic.screens.home import HomeScreen
from mockmic.screens.progress import ProgressScreen, even_sample
from mockmic.screens.question import QuestionScreen
from mockmic.screens.report import ReportScreen
from mockmic.screens.stories import StoriesScreen
from mockmic.screens.story_detail import StoryDetailScreen
from mockmic.screens.story_drill import drill_question, version_name
from mockmic.screens.story_form import StoryFormModal, slug, story_from_fields
from mockmic.screens.summary import SummaryScreen
from mockmic.storage import Store
from mockmic.widgets.trend_plot import TrendPlot

from .conftest import Rig, RigFactory
from .fakes_history import COST_STORY, LAUNCH_STORY, seed_week, write_bank
from .pilot import answer, notifications, run, screen, until

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def store_of(rig: Rig) -> Store:
    store = rig.services.store
    assert isinstance(store, Store)
    return store


def cells(table: DataTable[Any], row: int) -> list[str]:
    return [str(c) for c in table.get_row_at(row)]


def text(app: MockmicApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def open_stories(pilot: Any) -> StoriesScreen:
    await screen(pilot, HomeScreen)
    await pilot.press("b")
    return await screen(pilot, StoriesScreen)


# -- the list ---------------------------------------------------------------------------------

def test_story_list_shows_each_storys_progress(make_rig: RigFactory) -> None:
    rig = make_rig()
    seed_week(store_of(rig))
    write_bank()

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            stories = await open_stories(pilot)
            table: DataTable[Any] = stories.query_one(DataTable)
            cost = cells(table, 0)
            assert cost[0] == COST_STORY.title
            assert cost[1:5] == ["4", "100", "1:04 / 1:30", "✓ landed"]
            # The latest take said 30 % where the story claims 22 %.
            assert "1 inconsistent" in cost[5]
            summary = text(app, "#story-summary")
            assert "your story claims 22 %; this take said 30%" in summary
            assert cells(table, 1)[:5] == [LAUNCH_STORY.title, "0", "—", "—", "—"]
            assert "2 stories · 1 landed" in text(app, "#stories-title")

    run(scenario())


def test_add_a_story_in_the_app_writes_the_toml_file(make_rig: RigFactory) -> None:
    rig = make_rig()

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            stories = await open_stories(pilot)
            assert "No stories yet" in text(app, "#story-summary")
            await pilot.press("a")
            form = await screen(pilot, StoryFormModal)
            await pilot.press("enter")  # nothing typed: the form says what is missing
            assert "give the story a title" in str(form.query_one("#story-form-error",
                                                                  Static).render())
            assert not paths.stories_file().exists()
            values = {"title": "Migrated billing to the new platform",
                      "summary": "Moved billing with zero downtime; cut incidents by half.",
                      "figures": "50 %; $1,200/month", "tags": "Migration, reliability",
                      "questions": "general:biggest-impact; Tell me about a risky change",
                      "target": "75"}
            for key, value in values.items():
                form.query_one(f"#story-{key}", Input).value = value
            await pilot.press("ctrl+s")
            await screen(pilot, StoriesScreen)
            saved = load_stories(paths.stories_file())
            assert [s.id for s in saved] == ["migrated-billing-to-the-new-platform"]
            story = saved[0]
            assert story.figures == ("50 %", "$1,200/month")
            assert story.tags == ("migration", "reliability")
            assert story.questions == ("general:biggest-impact", "Tell me about a risky change")
            assert story.target_s == 75.0
            assert cells(stories.query_one(DataTable), 0)[0] == values["title"]

    run(scenario())


def test_edit_keeps_the_id_of_a_story_with_takes(make_rig: RigFactory) -> None:
    rig = make_rig()
    seed_week(store_of(rig))
    write_bank()

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            await open_stories(pilot)
            await pilot.press("e")
            form = await screen(pilot, StoryFormModal)
            assert form.query_one("#story-id", Input).disabled  # its takes are filed under it
            form.query_one("#story-title", Input).value = "Cut inference cost by caching"
            form.query_one("#story-figures", Input).value = "22 %; $400k/yr; 2 weeks"
            await pilot.press("enter")
            await screen(pilot, StoriesScreen)
            cost = load_stories(paths.stories_file())[0]
            assert cost.id == COST_STORY.id and cost.title == "Cut inference cost by caching"
            assert cost.figures == ("22 %", "$400k/yr", "2 weeks")
            assert any("Saved" in n for n in notifications(app))

    run(scenario())


def test_a_hand_edit_made_meanwhile_is_never_overwritten(make_rig: RigFactory) -> None:
    rig = make_rig()
    path = write_bank()

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            await open_stories(pilot)
            await pilot.press("a")
            form = await screen(pilot, StoryFormModal)
            # Meanwhile, in an editor: the user adds a comment and a story by hand.
            by_hand = path.read_text(encoding="utf-8") + (
                '\n# mine\n[[stories]]\nid = "by-hand"\ntitle = "Typed in vim"\n')
            path.write_text(by_hand, encoding="utf-8")
            form.query_one("#story-title", Input).value = "A story from the app"
            await pilot.press("enter")
            await pilot.pause()
            error = str(form.query_one("#story-form-error", Static).render())
            assert "changed on disk" in error
            assert path.read_text(encoding="utf-8") == by_hand
            await pilot.press("enter")  # again, now over the reloaded bank: saved
            await screen(pilot, StoriesScreen)
            assert [s.id for s in load_stories(path)] == [
                COST_STORY.id, LAUNCH_STORY.id, "by-hand", "a-story-from-the-app"]

    run(scenario())


def test_a_broken_story_file_is_shown_and_left_alone(make_rig: RigFactory) -> None:
    rig = make_rig()
    path = paths.stories_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    broken = '[[stories]]\nid = "x"\ntitle = "Half written\n'
    path.write_text(broken, encoding="utf-8")

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            stories = await open_stories(pilot)
            errors = text(app, "#stories-errors")
            assert f"{path}:3" in errors and "Fix the file by hand" in errors
            assert not stories.check_action("add", ()) and not stories.check_action("edit", ())
            await pilot.press("a")
            assert isinstance(app.screen, StoriesScreen)
            assert path.read_text(encoding="utf-8") == broken

    run(scenario())


def test_removing_a_story_keeps_its_takes(make_rig: RigFactory) -> None:
    rig = make_rig()
    store = store_of(rig)
    seed_week(store)
    write_bank()

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            stories = await open_stories(pilot)
            await pilot.press("delete")
            await pilot.press("y")
            await pilot.pause()
            assert [s.id for s in load_stories(paths.stories_file())] == [LAUNCH_STORY.id]
            assert len(store.list_takes(story_id=COST_STORY.id)) == 4
            orphan = cells(stories.query_one(DataTable), 1)
            assert orphan[0] == "ml-cost-cut (not in the story bank)" and orphan[1] == "4"

    run(scenario())


# -- drill ------------------------------------------------------------------------------------

def test_drill_asks_the_story_again_until_a_take_lands(make_rig: RigFactory) -> None:
    rig = make_rig(answers=("rambling_no_stakes", "strong_ml_cost"))
    rig.speaker.hold = threading.Event()  # the question is read until enter cuts it short
    store = store_of(rig)
    write_bank()

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await open_stories(pilot)
            await pilot.press("d")
            question = await screen(pilot, QuestionScreen)
            assert question.question.text == COST_STORY.questions[0]
            assert "Story drill · Cut recommendation inference cost" in text(
                app, "#question-progress")
            await pilot.press("enter")
            await answer(pilot, 108.0, rig)  # the rambling answer: over time, fail flags
            report = await screen(pilot, ReportScreen)
            assert any(n.startswith("Not yet (1 take): +0:17 over 1:30; ✖ Rambling")
                       for n in notifications(app))
            assert report.check_action("next", ()) and not report.check_action("finish", ())
            assert not store.story_progress(COST_STORY.id).landed

            rig.speaker.hold = threading.Event()
            await pilot.press("n")  # the same prompt again
            again = await screen(pilot, QuestionScreen)
            assert again.question == question.question
            await pilot.press("enter")
            await answer(pilot, 64.0, rig)  # the strong answer lands
            report = await screen(pilot, ReportScreen)
            await until(pilot, lambda: any("Landed: the 90-second version" in n
                                           for n in notifications(app)), "the landing")
            assert report.check_action("finish", ())
            progress = store.story_progress(COST_STORY.id, target_s=90.0)
            assert len(progress.takes) == 2 and progress.landed
            assert progress.landed_take == progress.takes[1]

            await pilot.press("n")  # finish: the drill's summary
            await screen(pilot, SummaryScreen)
            assert app.interview is None
            await pilot.press("escape")
            await open_stories(pilot)
            assert cells(app.screen.query_one(DataTable), 0)[1:5] == [
                "2", "100", "1:04 / 1:30", "✓ landed"]

    run(scenario())


def test_a_drill_take_that_changes_a_figure_is_called_out(make_rig: RigFactory) -> None:
    from dataclasses import replace

    from .fakes import FakeTranscriber, Microphone

    class SaysThirty(FakeTranscriber):
        """The strong answer, but with 30 % where the story claims 22 %."""

        def transcribe(self, audio: Any, *, on_progress: Any = None) -> Any:
            transcript = super().transcribe(audio, on_progress=on_progress)
            words = tuple(replace(w, text=w.text.replace("22%", "30%"))
                          for w in transcript.words)
            return replace(transcript, words=words)

    mic = Microphone(["strong_ml_cost"])
    rig = make_rig(transcriber=SaysThirty(mic))
    rig.services.new_recorder = mic.new_recorder
    rig.mic = mic
    write_bank()

    async def scenario() -> None:
        app = MockmicApp(rig.services)
        async with app.run_test(size=SIZE) as pilot:
            await open_stories(pilot)
            await pilot.press("d")
            await answer(pilot, 64.0, rig)
            await screen(pilot, ReportScreen)
            await until(pilot, lambda: any(n.startswith("Figures: your story claims 22 %; "
                                                        "this take said 30%")
                                           for n in notifications(app)), "the figure warning")
            # It still lands: the drill rule is length and fail flags; the figures are advice.
            assert any("Landed" in n for n in notifications(app))

    run(scenario())


def test_drill_needs_a_microphone(make_rig: RigFactory) -> None:
    rig = make_rig(mic=False)
    write_bank()

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            await open_stories(pilot)
            await pilot.press("d")
            assert isinstance(app.screen, StoriesScreen) and app.interview is None
            assert any("No microphone" in n for n in notifications(app))

    run(scenario())


# -- one story's progress ---------------------------------------------------------------------

def test_story_detail_plots_takes_and_checks_the_figures(make_rig: RigFactory) -> None:
    rig = make_rig()
    takes = seed_week(store_of(rig))
    write_bank()

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            await open_stories(pilot)
            await pilot.press("enter")
            detail = await screen(pilot, StoryDetailScreen)
            head = text(app, "#story-head")
            assert "4 takes" in head and "✓ landed on take 3 (13 Mar)" in head
            facts = text(app, "#story-facts")
            assert "Best take 4 (#6)" in facts
            assert "22 % ✗" in facts  # the best take said 30 %, not the claimed 22 %
            assert f"take 4 (#{takes[5].id}): your story claims 22 %; this take said 30%" \
                in facts
            plot = detail.query_one("#plot-length", TrendPlot)
            rendered = plot.plt.build()
            assert "take by take" in rendered and "0:00" in rendered  # m:ss on the axis
            table: DataTable[Any] = detail.query_one(DataTable)
            assert [cells(table, i)[1] for i in range(table.row_count)] == [
                str(takes[i].id) for i in (5, 3, 2, 0)]
            await pilot.press("c")  # the newest take is the best: nothing to compare with
            assert isinstance(app.screen, StoryDetailScreen)
            assert any("Mark a take with m" in n for n in notifications(app))
            await pilot.press("down", "c")  # take 3 against the best take
            compare = await screen(pilot, CompareScreen)
            assert (compare.takes["a"].id, compare.takes["b"].id) == (takes[3].id, takes[5].id)

    run(scenario())


# -- progress over all takes ------------------------------------------------------------------

def test_progress_summarises_every_take(make_rig: RigFactory) -> None:
    rig = make_rig()
    seed_week(store_of(rig))

    async def scenario() -> None:
        app = MockmicApp(rig.services, load_model=False)
        async with app.run_test(size=SIZE) as pilot:
            await screen(pilot, HomeScreen)
            await pilot.press("p")
            progress = await screen(pilot, ProgressScreen)
            await until(pilot, lambda: progress.filler_rates is not None, "the filler sample")
            headline = text(app, "#progress-title")
            assert "6 takes over 6 days" in headline
            assert "67% within the target" in headline and "33% landed" in headline
            # Fillers per minute from each spoken take's report (the silent one included:
            # its report survives the audio).
            assert sorted(progress.filler_rates.values()) == [0, 0, 0, 0, 5.03, 5.03]

    run(scenario())


# -- the pieces behind the screens ------------------------------------------------------------

def test_story_form_fields_become_a_story() -> None:
    story = story_from_fields({"title": "  Cut  cost ", "figures": "22 %; $1,200; 22 %",
                               "tags": "Cost, cost, ml", "target": "90"}, taken=set())
    assert (story.id, story.title) == ("cut-cost", "Cut cost")
    assert story.figures == ("22 %", "$1,200") and story.tags == ("cost", "ml")
    assert slug("Cut cost", {"cut-cost", "cut-cost-2"}) == "cut-cost-3"
    for bad, why in (({"title": ""}, "title"), ({"title": "x", "id": "no spaces"}, "id"),
                     ({"title": "x", "target": "soon"}, "number"),
                     ({"title": "x", "target": "0"}, "between")):
        with pytest.raises(Exception, match=why):
            story_from_fields(bad, taken=set())


def test_drill_question_prefers_a_bank_question_and_the_storys_target(
        make_rig: RigFactory) -> None:
    rig = make_rig()
    bank = rig.services.banks[0]
    known = bank.questions[1]
    story = COST_STORY.__class__(id="s", title="T", questions=("nope:missing",
                                                                f"{bank.id}:{known.id}"),
                                 target_s=75.0)
    question = drill_question(story, rig.services.banks, 90.0)
    assert (question.id, question.text, question.target_s) == (known.id, known.text, 75.0)
    bare = drill_question(COST_STORY.__class__(id="s", title="The outage"), [], 90.0)
    assert bare.text == "Tell me about this: The outage." and bare.target_s == 90.0
    assert version_name(90) == "90-second version" and version_name(120) == "2-minute version"
    assert [t for t in even_sample(list(range(10)), 4)] == [0, 3, 6, 9]  # type: ignore[arg-type]
