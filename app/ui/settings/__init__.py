"""Settings dialogs: the admin's counter settings and each user's preferences."""
