"""Satellitkontoret: desk and conference-room booking for Umeåregionen's shared office."""

from typing import Any


def __getattr__(name: str) -> Any:
    """``__version__``, read from the installed package's metadata on first use (importing
    ``importlib.metadata`` costs start-up time the desktop app need not pay)."""
    if name != "__version__":
        raise AttributeError(name)
    from importlib.metadata import PackageNotFoundError, version

    try:
        value = version("satellitkontor")
    except PackageNotFoundError:  # running from a source tree that was never installed
        value = "0.0.0+source"
    globals()["__version__"] = value
    return value
