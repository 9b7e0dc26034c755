"""Reading the non-Qt data files of ``resources/``.

An installed wheel carries them inside the package as ``satellitkontor/resources`` (see
pyproject.toml); a source checkout, editable install included, has them beside the package.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any


def resource_path(*parts: str) -> Path:
    inside = Path(str(resources.files("satellitkontor"))).joinpath("resources", *parts)
    if inside.exists():
        return inside
    return Path(__file__).resolve().parent.parent.joinpath("resources", *parts)


def read_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    return json.loads(read_text(*parts))
