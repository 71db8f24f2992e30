"""Customer search at the counter: reading the query, the index, ranking, "did you mean"."""
