"""A live input-level meter: a dead or muted microphone must be obvious within a second."""

from __future__ import annotations

from typing import Literal

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

#: The meter's scale, dBFS. Quiet speech on a laptop mic sits around -45..-30.
FLOOR_DBFS = -60.0
#: Below this the input is "no signal": a muted mic or a dead device reads digital silence.
NO_SIGNAL_DBFS = -90.0
#: Above this the speaker is clipping (too close or gain too high).
CLIP_DBFS = -3.0

LevelState = Literal["none", "low", "ok", "clip"]


def level_state(dbfs: float, speech_dbfs: float = -45.0) -> LevelState:
    if dbfs <= NO_SIGNAL_DBFS:
        return "none"
    if dbfs >= CLIP_DBFS:
        return "clip"
    return "ok" if dbfs >= speech_dbfs else "low"


def level_fraction(dbfs: float) -> float:
    """Where `dbfs` sits on the meter, 0..1."""
    return min(1.0, max(0.0, (dbfs - FLOOR_DBFS) / -FLOOR_DBFS))


class LevelMeter(Widget):
    """`mic ▮▮▮▮▯▯▯▯ -32 dB` in one line; the label says "no signal" for digital silence."""

    DEFAULT_CSS = """
    LevelMeter { height: 1; width: 1fr; }
    """

    level_dbfs: reactive[float] = reactive(-120.0)

    def render(self) -> Content:
        label = "mic "
        state = level_state(self.level_dbfs)
        reading = " no signal" if state == "none" else f" {self.level_dbfs:4.0f} dB"
        width = max(4, self.content_region.width - len(label) - len(reading))
        filled = round(level_fraction(self.level_dbfs) * width)
        colour = {"none": "$foreground 30%", "low": "$foreground-muted", "ok": "$success",
                  "clip": "$error"}[state]
        reading_style = "$warning" if state == "none" else "$foreground-muted"
        return Content.assemble(
            (label, "$foreground-muted"),
            ("▮" * filled, colour),
            ("▯" * (width - filled), "$foreground 30%"),
            (reading, reading_style),
        )

    @property
    def state(self) -> LevelState:
        return level_state(self.level_dbfs)
