"""What the installers carry: the icon at every size (PNG and a multi-size .ico), a valid .desktop
file and AppStream metainfo for Linux, and ``--version`` saying pyproject.toml's version.

The bundle itself is built and started by packaging/build.py in .ci/run, not here (a minute of
PyInstaller does not belong in the test run)."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
LINUX = ROOT / "packaging" / "linux"
APP_ID = "se.umearegionen.Satellitkontor"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
VERSION = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", SIZES)
def test_the_icon_exists_at_every_size(size: int) -> None:
    data = (ICONS / f"satellitkontor-{size}.png").read_bytes()
    assert png_size(data) == (size, size)
    assert data[25] == 6, "RGBA: the rounded corners must be transparent"


def test_the_app_uses_every_size() -> None:
    from satellitkontor.gui.app_icon import ICON_SIZES

    assert ICON_SIZES == SIZES


def test_the_windows_icon_holds_every_size_up_to_256() -> None:
    data = (ICONS / "satellitkontor.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for n in range(count):
        width, height, _colors, _res, _planes, _bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * n : 22 + 16 * n]
        )
        assert width == height
        side = width or 256
        assert png_size(data[offset : offset + length]) == (side, side)
        sizes.append(side)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_the_svg_sources_are_there() -> None:
    for name in ("satellitkontor.svg", "satellitkontor-small.svg"):
        root = ET.parse(ICONS / name).getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"


def _validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream; .ci/run does)")
    return found


def test_the_desktop_file_is_valid() -> None:
    path = LINUX / f"{APP_ID}.desktop"
    out = subprocess.run([_validator("desktop-file-validate"), str(path)], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "", out.stdout + out.stderr
    text = path.read_text(encoding="utf-8")
    assert f"Icon={APP_ID}\n" in text and "Exec=satellitkontor\n" in text
    assert "Name[sv]=Satellitkontoret\n" in text


def test_the_metainfo_is_valid_and_names_this_version() -> None:
    path = LINUX / f"{APP_ID}.metainfo.xml"
    out = subprocess.run(
        [_validator("appstreamcli"), "validate", "--no-net", str(path)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stdout + out.stderr
    root = ET.parse(path).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("project_license") == "EUPL-1.2"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert {n.get(lang) for n in root.iter("name")} == {None, "sv"}
    assert {n.get(lang) for n in root.iter("summary")} == {None, "sv"}
    assert root.find("content_rating") is not None
    newest = next(root.iter("release"))
    assert newest.get("version") == VERSION, "add a <release> for the new version to the metainfo"


def test_version_prints_pyprojects_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "satellitkontor", "--version"], capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0
    assert out.stdout == f"satellitkontor {VERSION}\n", "stale metadata? run: pip install -e ."
