"""Tests of the counter window (PySide6, offscreen)."""
