"""Tests of loket-admin, the branch's command line."""
