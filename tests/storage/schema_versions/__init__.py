"""One small SQLite office per past schema version (``<revision>.db``), made by make.py."""
