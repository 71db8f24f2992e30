"""Tests of the branch database schema and its migrations."""
