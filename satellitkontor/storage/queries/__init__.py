"""The SQL the services share, by subject: statements built once, rows handed back."""
