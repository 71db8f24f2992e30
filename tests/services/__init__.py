"""Tests of the Qt-free services, one folder per package."""
