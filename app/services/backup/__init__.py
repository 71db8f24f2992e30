"""Backups of the branch database, their checks, and restoring from one."""
