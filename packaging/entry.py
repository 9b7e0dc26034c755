"""The bundle's entry point: the same as ``python -m satellitkontor`` (the app, or a command).

On Linux PyInstaller's bootloader puts the bundle's own libraries first on ``LD_LIBRARY_PATH``
(the original value saved as ``LD_LIBRARY_PATH_ORIG``) before it starts Python. The dynamic
loader read that variable when this process started, so it has done its work here; it is put
back as it was, so that programs the app starts (a file manager for the log folder, xdg-open,
print helpers) get the system's libraries and not the bundle's.
"""

import os
import sys

if sys.platform.startswith("linux") and getattr(sys, "frozen", False):
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original

from satellitkontor.cli.main import run  # after the environment is mended

if __name__ == "__main__":
    run()
