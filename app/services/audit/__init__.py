"""The audit trail: its key, the chain and outbox, and checks of the ledger against it."""
