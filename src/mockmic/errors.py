"""Errors a user can act on. Their message is shown as one line, never as a traceback."""

from __future__ import annotations


class UserError(Exception):
    """Something about the user's input or machine; str(exc) is the one-line message."""

    exit_code = 2


class AudioInputError(UserError):
    """A file that is missing, empty, not audio, or holds no speech."""


class ModelError(UserError):
    """The transcription model could not be found or loaded."""


class DeviceError(UserError):
    """No PortAudio, no microphone, the device vanished or is busy."""
