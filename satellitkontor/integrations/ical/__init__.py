"""iCalendar (RFC 5545) files of bookings."""
