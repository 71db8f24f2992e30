"""The counter window (PySide6). The only package that may import Qt."""

from app.ui.qt_fixes import install_qt_fixes

install_qt_fixes()
