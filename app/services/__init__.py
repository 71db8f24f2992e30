"""Qt-free business services of a branch: each takes a unit of work and returns plain data."""
