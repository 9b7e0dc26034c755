"""Notices by e-mail (issue 19): the outbox queue, the office's settings and each person's
choices, and the sender that delivers them by SMTP or through the office's Exchange."""
