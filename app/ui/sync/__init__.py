"""The Sync menu: sync now, registering the counter, progress, refused events and problems."""
