"""The window paints on its own thread: no hand-off of fills to Qt's GUI thread pool.

Qt's raster engine hands every fill of 96 lines or more (a table's scroll bar, a header,
a page's background under a clip) to a pool of GUI threads and waits until the last of
them is done. For a counter window's areas the hand-off — waking the threads, waiting
for the slowest — costs about what the fill does, and on a PC busy with a browser and
an antivirus, or held to one CPU, the UI thread waits for threads that have not yet
been given the processor: a scan's repaint then takes several times its work.
``QT_NO_GUI_THREADPOOL``, read when Qt first wants that pool, keeps every fill on the
thread that paints.
"""

from __future__ import annotations

import os

QT_VARIABLE = "QT_NO_GUI_THREADPOOL"
KEEP_POOL_VARIABLE = "LOKET_QT_GUI_THREADPOOL"
"""Set to 1 to leave Qt's GUI thread pool as Qt has it (to compare the two)."""


def paint_on_the_ui_thread() -> bool:
    """Switch Qt's GUI thread pool off, before the application object is made; whether
    it is off (left on when ``LOKET_QT_GUI_THREADPOOL=1``)."""
    if os.environ.get(KEEP_POOL_VARIABLE) == "1":
        return QT_VARIABLE in os.environ
    os.environ.setdefault(QT_VARIABLE, "1")
    return True
