"""Exchange sync: settings, the outbox, push, pull and the status."""
