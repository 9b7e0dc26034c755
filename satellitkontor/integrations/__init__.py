"""The world outside the office database, as ports: Exchange (``exchange/``: EWS and Microsoft
Graph behind one interface) and calendar files (``ical/``: the RFC 5545 reader and writer).

Nothing here imports Qt, storage or a front door; the services call these modules (off the GUI
thread when the app asks).
"""
