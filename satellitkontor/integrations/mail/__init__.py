"""Mail to people: iMIP messages (RFC 6047) and their delivery by SMTP or through Exchange."""
