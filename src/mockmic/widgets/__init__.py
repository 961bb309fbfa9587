"""Widgets that only render state: timer, level meter, timing bar, transcript, flag list."""
