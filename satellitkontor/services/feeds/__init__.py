"""Calendar feeds (iCalendar): what they hold, their names and their published URLs."""
