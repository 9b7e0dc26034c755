"""Satellitkontoret: desk and conference-room booking for Umeåregionen's shared office."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("satellitkontor")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
