"""The shared widget kit: badges, tables, message lines, amount fields, supervisor credentials."""
