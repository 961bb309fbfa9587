"""Side effects: microphone, speaker, playback, transcription. Never imports textual."""
