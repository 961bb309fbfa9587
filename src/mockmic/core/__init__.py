"""Pure logic: transcripts, the coach, banks and stories.

Nothing in this package imports textual, numpy, sounddevice, pyttsx3 or faster_whisper;
tests/unit/test_import_hygiene.py enforces it.
"""
