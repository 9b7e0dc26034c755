"""Exchange: bookings into people's Outlook calendars and Outlook meetings back into the app.

``backend`` holds the one interface (:class:`~.backend.CalendarBackend`) and the values that cross
it, ``errors`` the typed errors. The two implementations, ``ews_backend`` (exchangelib) and
``graph_backend`` (msal + httpx), import their heavy libraries at module level and are therefore
imported only where a backend is built (:func:`~.settings.make_backend`), never at start-up.
"""
