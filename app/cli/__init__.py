"""``loket-admin``: setting up and looking after a branch database from the command line."""
