"""The counter window (PySide6). The only package that may import Qt."""

from app.ui.import_sources import forget_import_sources

forget_import_sources()
