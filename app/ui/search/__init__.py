"""Customer search: the search page and its results model."""
