"""PySide6's import hook, told not to read every module's source.

Once PySide6 is imported, its ``__feature__`` machinery (shibokensupport/feature.py) looks at
each module imported afterwards with ``inspect.getsource`` to see whether the text "PySide6" is
in it, and so whether the module may select features (``from __feature__ import snake_case``).
That reads and keeps in ``linecache`` the source of every module the app imports after Qt:
470 modules, 355 ms and 10 MiB (28 MiB of allocations) while the app starts (issue 18). The app
selects no feature, so each module is told it uses none, which is what the answer would change
nothing about. Should a PySide6 version name things differently, nothing is changed and the app
starts as before.
"""

from __future__ import annotations

import sys
from types import ModuleType

#: Where shiboken keeps the hook's helpers (the module's own name, and its alias).
_FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")


def _uses_no_feature(_module: ModuleType) -> bool:
    return False


def skip_source_reading() -> bool:
    """Answer the hook's question without reading the module's source; whether it was found."""
    import PySide6.QtCore  # noqa: F401  (loads shiboken's support modules)

    for name in _FEATURE_MODULES:
        feature = sys.modules.get(name)
        if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
            feature._mod_uses_pyside = _uses_no_feature  # type: ignore[attr-defined]
            return True
    return False
