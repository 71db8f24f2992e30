"""Frozen entry point of the administration tool (``loket-admin.exe``, a console program)."""

import sys

from app.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
