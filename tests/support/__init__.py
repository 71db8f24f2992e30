"""Helpers shared by the tests: fakes, servers, workers and checks."""
