"""Use cases: the one door to the data for the GUI, the CLI and the integrations.

Every public method opens its own short unit of work, checks who is asking, applies the office's
rules and returns frozen dataclasses (never ORM objects or sessions), so callers on any thread
can keep what they get.
"""
