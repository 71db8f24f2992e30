"""The backup entries of the Loket menu and restoring the branch database."""
