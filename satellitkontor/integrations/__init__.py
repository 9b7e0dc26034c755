"""Links to the world outside the office database: calendar files and, later, feeds and mail.

Nothing here imports Qt; the GUI and the command line both call these modules (off the GUI
thread when the GUI does).
"""
