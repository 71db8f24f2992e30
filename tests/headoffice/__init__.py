"""Head-office tests."""
