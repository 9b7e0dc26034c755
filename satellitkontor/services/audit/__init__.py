"""The audit trail: writing an entry in each change's transaction, reading it, its words."""
