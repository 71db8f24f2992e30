"""The first-run wizard: set up a new counter, or try Loket with the demo branch."""
