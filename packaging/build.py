"""Build the installable app and prove that what was built works.

    python packaging/build.py                     # bundle, package, validate, smoke-test
    python packaging/build.py --skip-build        # package and test the bundle in build/dist
    python packaging/build.py --require-validators --require-postgresql   # as .ci/run does

1. PyInstaller bundle (packaging/satellitkontor.spec, onedir) in ``build/dist/satellitkontor``;
   prints the build time and the bundle's size.
2. Linux: ``dist/satellitkontor-<version>-linux-x86_64.tar.gz`` (the bundle, install.sh, the
   .desktop file, AppStream metainfo and the icons at the hicolor sizes), its .desktop and
   metainfo checked with desktop-file-validate and appstreamcli when they are installed.
   Windows: ``dist/satellitkontor-<version>-windows-x64.zip`` and, when Inno Setup's ISCC.exe is
   found, the installer (packaging/windows/satellitkontor.iss, the version passed as a define).
3. Smoke test of the package itself: unpacked and installed (install.sh, into a temporary home)
   on Linux, run from the bundle on Windows. ``--version`` must print pyproject.toml's version;
   then the app starts offscreen on a fresh database in a temporary folder, named by a
   machine-wide settings file (so that file is proven to be read), creates the demo office,
   shows every view and the About dialog and exits 0 (gui/smoke.py). With PostgreSQL reachable
   (``$SATELLITKONTOR_TEST_PG_URL``, default ``postgresql://postgres@127.0.0.1:5432/postgres``)
   it runs once more on a fresh PostgreSQL database, in English. ``PYTHONTZPATH`` is emptied so
   the bundled tzdata must answer, as on Windows.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import uuid
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"
BUILD = ROOT / "build"
DIST = ROOT / "dist"
APP_ID = "se.umearegionen.Satellitkontor"
WINDOWS = sys.platform == "win32"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def project() -> tuple[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return data["name"], data["version"]


def say(text: str) -> None:
    print(f"== {text}", flush=True)


def size_of(path: Path) -> tuple[int, int]:
    """Bytes and files under ``path`` (links not followed)."""
    total = count = 0
    for p in path.rglob("*"):
        if p.is_file() and not p.is_symlink():
            total += p.stat().st_size
            count += 1
    return total, count


def mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


# --- 1. the bundle ---------------------------------------------------------------------------------
def build_bundle() -> Path:
    say("PyInstaller: building the onedir bundle")
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(PACKAGING / "satellitkontor.spec"),
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(BUILD / "dist"),
            "--workpath",
            str(BUILD / "work"),
        ],
        check=True,
        cwd=ROOT,
    )
    say(f"build time: {time.perf_counter() - started:.0f} s")
    return BUILD / "dist" / "satellitkontor"


# --- 2. packages ---------------------------------------------------------------------------------
def package_linux(bundle: Path, version: str) -> Path:
    stage = BUILD / "package" / f"satellitkontor-{version}"
    if stage.exists():
        shutil.rmtree(stage)
    shutil.copytree(bundle, stage / "satellitkontor", symlinks=True)
    share = stage / "share"
    linux = PACKAGING / "linux"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(linux / f"{APP_ID}.desktop", share / "applications")
    (share / "metainfo").mkdir()
    shutil.copy2(linux / f"{APP_ID}.metainfo.xml", share / "metainfo")
    icons = ROOT / "resources" / "icons"
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        shutil.copy2(icons / f"satellitkontor-{size}.png", folder / f"{APP_ID}.png")
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copy2(icons / "satellitkontor.svg", scalable / f"{APP_ID}.svg")
    shutil.copy2(linux / "install.sh", stage / "install.sh")
    (stage / "VERSION").write_text(version + "\n", encoding="utf-8")
    (stage / "README.txt").write_text(
        f"Satellitkontoret {version}\n\n"
        "  ./install.sh                for yourself (~/.local)\n"
        "  sudo ./install.sh --system  for every user (/opt/satellitkontor, /usr/local)\n"
        "  ./install.sh --uninstall    remove it again (your data and settings stay)\n\n"
        "Or run satellitkontor/satellitkontor from this folder without installing.\n"
        "IT: the machine-wide settings file is /etc/xdg/satellitkontor/satellitkontor.ini\n"
        "(see packaging/README.md in the source).\n",
        encoding="utf-8",
    )
    DIST.mkdir(exist_ok=True)
    archive = DIST / f"satellitkontor-{version}-linux-x86_64.tar.gz"
    started = time.perf_counter()
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(stage, arcname=stage.name)
    say(f"{archive.relative_to(ROOT)}: {mb(archive.stat().st_size)} ({time.perf_counter() - started:.0f} s)")
    return archive


def package_windows(bundle: Path, version: str) -> Path:
    DIST.mkdir(exist_ok=True)
    archive = DIST / f"satellitkontor-{version}-windows-x64.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(bundle.rglob("*")):
            zf.write(path, Path("satellitkontor") / path.relative_to(bundle))
    say(f"{archive.relative_to(ROOT)}: {mb(archive.stat().st_size)}")
    iscc = shutil.which("iscc") or next(
        (
            str(p)
            for p in (
                Path(os.environ.get(v, "")) / "Inno Setup 6" / "ISCC.exe"
                for v in ("ProgramFiles(x86)", "ProgramFiles")
            )
            if p.is_file()
        ),
        None,
    )
    if iscc is None:
        say("Inno Setup (ISCC.exe) not found: no installer built (see packaging/README.md)")
        return archive
    subprocess.run(
        [
            iscc,
            f"/DAppVersion={version}",
            f"/DSourceDir={bundle}",
            f"/DOutputDir={DIST}",
            str(PACKAGING / "windows" / "satellitkontor.iss"),
        ],
        check=True,
    )
    say(f"installer: {DIST / f'satellitkontor-{version}-windows-x64-setup.exe'}")
    return archive


def validate_desktop_files(version: str, *, required: bool) -> None:
    linux = PACKAGING / "linux"
    import xml.etree.ElementTree as ET

    releases = ET.parse(linux / f"{APP_ID}.metainfo.xml").getroot().iter("release")
    newest = next(releases, None)
    if newest is None or newest.get("version") != version:
        raise SystemExit(
            f"the metainfo's newest <release> must be {version}: add it to {APP_ID}.metainfo.xml"
        )
    checks = [
        ["desktop-file-validate", str(linux / f"{APP_ID}.desktop")],
        ["appstreamcli", "validate", "--no-net", str(linux / f"{APP_ID}.metainfo.xml")],
    ]
    for cmd in checks:
        if shutil.which(cmd[0]) is None:
            if required:
                raise SystemExit(f"{cmd[0]} is not installed (apt-get install desktop-file-utils appstream)")
            say(f"{cmd[0]} is not installed: not validated")
            continue
        subprocess.run(cmd, check=True)
        say(f"{cmd[0]}: valid")


# --- 3. smoke test -----------------------------------------------------------------------------------
def smoke_env(home: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SATELLITKONTOR_DB_URL")
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        SATELLITKONTOR_SMOKE="1",
        PYTHONTZPATH="",  # the bundled tzdata must answer, as on Windows
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        APPDATA=str(home / "AppData" / "Roaming"),
        LOCALAPPDATA=str(home / "AppData" / "Local"),
        SATELLITKONTOR_SYSTEM_CONFIG=str(home / "machine" / "satellitkontor.ini"),
    )
    env.pop("SATELLITKONTOR_USER", None)
    return env


def run_smoke(program: Path, env: dict[str, str], args: list[str], expect_db: str) -> None:
    started = time.perf_counter()
    result = subprocess.run(
        [str(program), *args], env=env, capture_output=True, text=True, timeout=600, check=False
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("smoke:")]
    for line in lines:
        print("   " + line)
    if result.returncode != 0 or "smoke: passed" not in lines:
        print(result.stderr[-4000:], file=sys.stderr)
        raise SystemExit(f"smoke test failed (exit {result.returncode})")
    database = next((line for line in lines if line.startswith("smoke: database:")), "")
    if expect_db not in database:
        raise SystemExit(f"smoke test used the wrong database: {database!r}, expected {expect_db!r}")
    say(f"smoke test passed in {time.perf_counter() - started:.1f} s")


def smoke(program: Path, version: str, *, require_pg: bool) -> None:
    out = subprocess.run(
        [str(program), "--version"], capture_output=True, text=True, check=False, timeout=120
    )
    if out.returncode != 0 or out.stdout.strip() != f"satellitkontor {version}":
        raise SystemExit(
            f"--version printed {out.stdout!r} (exit {out.returncode}), expected 'satellitkontor {version}'"
        )
    say(f"--version: {out.stdout.strip()}")
    with tempfile.TemporaryDirectory(prefix="satellitkontor-smoke-") as tmp:
        home = Path(tmp)
        env = smoke_env(home)
        db_file = home / "data" / "smoke.sqlite3"
        db_file.parent.mkdir()
        machine = Path(env["SATELLITKONTOR_SYSTEM_CONFIG"])
        machine.parent.mkdir()
        machine.write_text(
            f"[database]\nurl = sqlite+pysqlite:///{db_file.as_posix()}\n\n[ui]\nlanguage = sv\n",
            encoding="utf-8",
        )
        say("smoke test: SQLite named by the machine-wide settings file, Swedish")
        run_smoke(program, env, [], expect_db=str(db_file))
        pg = fresh_postgresql()
        if pg is None:
            if require_pg:
                raise SystemExit("PostgreSQL is not reachable but --require-postgresql was given")
            say("PostgreSQL not reachable: smoke test on PostgreSQL skipped")
            return
        url, drop = pg
        try:
            say("smoke test: PostgreSQL, English")
            run_smoke(program, env, ["--db", url, "--lang", "en"], expect_db=url.rsplit("/", 1)[1])
        finally:
            drop()


def fresh_postgresql() -> tuple[str, Callable[[], None]] | None:
    """A new, empty PostgreSQL database and a function that drops it; None if no server answers."""
    try:
        import psycopg
    except ImportError:
        return None
    admin = os.environ.get("SATELLITKONTOR_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    admin = admin.replace("postgresql+psycopg://", "postgresql://")
    name = f"sk_smoke_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error:
        return None

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    url = admin.replace("postgresql://", "postgresql+psycopg://").rsplit("/", 1)[0] + "/" + name
    return url, drop


def install_and_locate(archive: Path, home: Path) -> Path:
    """Unpack the .tar.gz and run its install.sh for a user whose home is ``home``."""
    with tarfile.open(archive) as tar:
        tar.extractall(home / "unpacked", filter="tar")
    folder = next((home / "unpacked").iterdir())
    env = {**os.environ, "HOME": str(home)}
    subprocess.run(["sh", str(folder / "install.sh")], check=True, env=env)
    installed = home / ".local" / "share" / "applications" / f"{APP_ID}.desktop"
    for size in ICON_SIZES:
        icon = home / ".local" / "share" / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        if not icon.is_file():
            raise SystemExit(f"install.sh did not install {icon}")
    if f"Exec={home}/.local/lib/satellitkontor/satellitkontor" not in installed.read_text(encoding="utf-8"):
        raise SystemExit("the installed .desktop file does not start the installed program")
    return home / ".local" / "bin" / "satellitkontor"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="use the bundle already in build/dist")
    parser.add_argument(
        "--require-validators", action="store_true", help="fail without desktop-file-validate/appstreamcli"
    )
    parser.add_argument("--require-postgresql", action="store_true", help="fail when no PostgreSQL answers")
    args = parser.parse_args()
    started = time.perf_counter()
    name, version = project()
    say(f"{name} {version} on {sys.platform}")
    bundle = BUILD / "dist" / "satellitkontor" if args.skip_build else build_bundle()
    size, files = size_of(bundle)
    say(f"bundle size: {mb(size)} in {files} files ({bundle.relative_to(ROOT)})")
    if WINDOWS:
        package_windows(bundle, version)
        smoke(bundle / "satellitkontor-cli.exe", version, require_pg=args.require_postgresql)
    else:
        validate_desktop_files(version, required=args.require_validators)
        archive = package_linux(bundle, version)
        with tempfile.TemporaryDirectory(prefix="satellitkontor-install-") as tmp:
            program = install_and_locate(archive, Path(tmp))
            smoke(program, version, require_pg=args.require_postgresql)
    say(f"done in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
