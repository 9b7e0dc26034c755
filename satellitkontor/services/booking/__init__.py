"""Booking and cancelling: the checks, locks and inserts, for the app, imports and Outlook."""
