"""The desktop app (PySide6). Qt lives here and nowhere else in the package.

- ``app.py`` starts it; ``context.py`` holds what every view shares (services, who am I,
  language, the change watch); ``operations.py`` runs all slow work off the GUI thread.
- ``views/`` the main views, ``widgets/`` their parts, ``models/`` Qt item models,
  ``dialogs/`` dialogs. Views get frozen dataclasses from the services, never sessions or rows.
"""

from satellitkontor.gui.pyside_hook import skip_source_reading

skip_source_reading()
