"""The demo branch: a deterministic Kota Kupang customer base for trying Loket out."""
