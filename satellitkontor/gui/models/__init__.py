"""Qt item models: each a thin table over frozen dataclasses from the services."""
