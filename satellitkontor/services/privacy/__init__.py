"""Privacy: settings, retention, a person's own data, erasure and kept statistics."""
