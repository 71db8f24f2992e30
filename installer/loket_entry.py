"""Frozen entry point of the counter application (``loket.exe``)."""

import sys

from app.main import main

if __name__ == "__main__":
    sys.exit(main())
