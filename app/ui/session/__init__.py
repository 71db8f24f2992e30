"""A counter session: log-in, opening and closing a shift, the main window in between."""
