"""The account screen of one customer and the dialogs its actions open."""
