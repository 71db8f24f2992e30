"""Loket: counter application for PDAM branch offices."""

__version__ = "0.1.0"
