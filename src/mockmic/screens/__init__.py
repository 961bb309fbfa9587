"""The app's screens, one per module: home, question, recording, report, summary, help, modals."""
