"""Importing a calendar file (.ics) as bookings: mapping, plan and apply."""
