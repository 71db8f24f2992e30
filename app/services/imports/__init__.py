"""Importing head office's customer and bill master data from CSV files."""
