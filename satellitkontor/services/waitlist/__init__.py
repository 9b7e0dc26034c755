"""The waitlist: people in line for a desk or the room on a full day (offers.py, service.py)."""
