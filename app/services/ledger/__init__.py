"""The ledger at the counter: accounts, enrolments, payments, instalments, voids, plans and
work orders."""
