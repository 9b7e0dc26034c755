"""The house rules of STYLE.md that a machine can check: Qt only under gui/, a domain without SQL."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "satellitkontor"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _modules(under: Path) -> list[Path]:
    return sorted(p for p in under.rglob("*.py") if "migrations" not in p.parts or p.name == "env.py")


def test_the_package_has_modules_to_check() -> None:
    assert len(_modules(PACKAGE)) > 20


@pytest.mark.parametrize("path", _modules(PACKAGE), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_pyside6_only_under_gui(path: Path) -> None:
    if "gui" in path.relative_to(PACKAGE).parts:
        return
    qt = {name for name in _imports(path) if name.split(".")[0] in ("PySide6", "PyQt6", "PyQt5", "shiboken6")}
    assert not qt, (
        f"{path.relative_to(PACKAGE)} imports Qt ({', '.join(sorted(qt))}); Qt belongs in satellitkontor/gui/"
    )


@pytest.mark.parametrize("path", _modules(PACKAGE / "domain"), ids=lambda p: p.name)
def test_domain_is_plain_python(path: Path) -> None:
    banned = ("sqlalchemy", "alembic", "psycopg", "satellitkontor.storage", "satellitkontor.services")
    bad = {n for n in _imports(path) if n.startswith(banned)}
    assert not bad, f"domain/{path.name} imports {', '.join(sorted(bad))}"


def test_services_and_cli_start_without_qt() -> None:
    code = (
        "import sys, satellitkontor.cli.main, satellitkontor.services.app_services, satellitkontor.services.demo;"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'exchangelib', 'msal'))))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_the_window_shows_before_the_heavy_libraries_load() -> None:
    """Starting the app imports Qt and our light modules only; SQLAlchemy, Alembic, holidays,
    icalendar and XlsxWriter load later, off the GUI thread or on first use (start-up benchmark)."""
    import subprocess
    import sys

    code = (
        "import sys, satellitkontor.cli.main, satellitkontor.gui.app, satellitkontor.gui.main_window\n"
        "heavy = ('sqlalchemy', 'alembic', 'holidays', 'icalendar', 'xlsxwriter')\n"
        "print(' '.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    ).stdout.strip()
    assert out == "", f"imported at start-up: {out}"


# --- the house's shape (issue: "The house, reshaped so a newcomer finds each room") ------------
def _all_imports(path: Path) -> set[str]:
    """Every satellitkontor module a file imports, at any level (function-level imports too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names if a.name.startswith("satellitkontor"))
        elif (
            isinstance(node, ast.ImportFrom)
            and node.module
            and node.level == 0
            and node.module.startswith("satellitkontor")
        ):
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


FRONT_DOORS = ("cli", "gui", "feeds_server")
#: Who may import a front door: its own modules, and these entry points (importer -> imported).
ENTRY_POINTS = {
    ("satellitkontor.__main__", "satellitkontor.cli"),  # python -m satellitkontor
    ("satellitkontor.cli.main", "satellitkontor.gui"),  # no subcommand: the desktop app
    ("satellitkontor.cli.commands.serve_feeds", "satellitkontor.feeds_server"),  # serve-feeds
}


@pytest.mark.parametrize("door", FRONT_DOORS)
def test_front_doors_never_import_storage(door: str) -> None:
    bad = {
        f"{_module_name(p)} -> {name}"
        for p in _modules(PACKAGE / door)
        for name in _all_imports(p)
        if name.startswith("satellitkontor.storage")
    }
    assert not bad, "a front door asks the services, never storage:\n" + "\n".join(sorted(bad))


def test_nothing_imports_a_front_door_but_its_entry_points() -> None:
    bad = set()
    for path in _modules(PACKAGE):
        importer = _module_name(path)
        for name in _all_imports(path):
            for door in FRONT_DOORS:
                target = f"satellitkontor.{door}"
                if not (name == target or name.startswith(target + ".")):
                    continue
                if importer == target or importer.startswith(target + "."):
                    continue  # a door's own rooms
                if (importer, target) not in ENTRY_POINTS:
                    bad.add(f"{importer} -> {name}")
    assert not bad, "\n".join(sorted(bad))


def test_services_never_import_a_front_door() -> None:
    bad = {
        f"{_module_name(p)} -> {n}"
        for p in _modules(PACKAGE / "services")
        for n in _all_imports(p)
        if n.startswith(tuple(f"satellitkontor.{d}" for d in FRONT_DOORS))
    }
    assert not bad, "\n".join(sorted(bad))


def _module_level_graph() -> dict[str, set[str]]:
    """satellitkontor module -> the satellitkontor modules it imports when it is imported
    (module level, TYPE_CHECKING blocks left out)."""
    modules = {_module_name(p): p for p in _modules(PACKAGE)}

    def resolve(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        deps: set[str] = set()
        nodes: list[ast.stmt] = []
        for node in tree.body:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
                continue
            nodes.extend(node.body if isinstance(node, (ast.If, ast.Try)) else [node])
        for node in nodes:
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
            for target in targets:
                if target.startswith("satellitkontor"):
                    found = resolve(target)
                    if found and found != name:
                        deps.add(found)
        graph[name] = deps
    return graph


def test_no_module_level_import_cycle() -> None:
    graph = _module_level_graph()
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def visit(v: str) -> None:  # Tarjan's strongly connected components
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for v in graph:
        if v not in index:
            visit(v)
    assert not cycles, "modules that import each other when imported:\n" + "\n".join(map(str, cycles))


def test_the_package_shows_its_rooms() -> None:
    rooms = sorted(p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists())
    assert rooms == sorted(
        ["cli", "domain", "feeds_server", "gui", "integrations", "services", "storage", "words"]
    )
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(loose) <= 5, loose


def test_services_are_grouped_by_capability() -> None:
    top = sorted(p.name for p in (PACKAGE / "services").glob("*.py"))
    assert len(top) <= 15, f"{len(top)} modules at services/ top level: group them by capability"


def test_one_registry_of_commands_and_one_module_each() -> None:
    from satellitkontor.cli.registry import COMMANDS

    modules = {p.stem for p in (PACKAGE / "cli" / "commands").glob("*.py")} - {"__init__"}
    assert sorted(c.module for c in COMMANDS) == sorted(modules)
    for command in COMMANDS:
        module = command.load()
        assert callable(module.add_parser) and callable(module.run), command.name


def _imports_at_any_level(path: Path) -> set[str]:
    """Every module ``path`` imports, at any level (function-level imports too), relative ones
    resolved against the package."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = ".".join(("satellitkontor", *path.relative_to(PACKAGE).parent.parts))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                names.add(f"{base}.{node.module}" if node.module else base)
            elif node.module:
                names.add(node.module)
    return names


@pytest.mark.parametrize("path", _modules(PACKAGE / "domain"), ids=lambda p: p.name)
def test_domain_imports_nothing_of_the_package_outside_domain(path: Path) -> None:
    """The domain is the bottom of the house: not even a function-level import reaches up (an
    error's ``__str__`` once imported words/ to describe itself)."""
    ours = {
        n for n in _imports_at_any_level(path) if n == "satellitkontor" or n.startswith("satellitkontor.")
    }
    above = {n for n in ours if not n.startswith("satellitkontor.domain")}
    assert not above, f"domain/{path.name} imports {', '.join(sorted(above))}"


# --- words: only words/ holds sentences (outside gui/, which has Qt's tr()) ------------------------
#: Where Swedish letters may stay in a string outside words/, and why.
SWEDISH_ALLOWED: dict[str, tuple[frozenset[str] | None, str]] = {
    "cli/args.py": (
        frozenset({"förmiddag", "mån", "lör", "sön", "må", "lö", "sö"}),
        "words a user may type for a period or a weekday, accepted whatever the language",
    ),
    "services/demo.py": (
        None,
        "the demo office's data: people's names and meeting titles, not the interface",
    ),
    "services/imports/mapping.py": (
        frozenset({"sammanträdesrum", "mötesrum"}),
        "words matched in an imported calendar's locations, not shown",
    ),
    "integrations/ical/ics_text.py": (
        frozenset({"-//Umeåregionen//Satellitkontoret//SV", "Umeåregionens satellitkontor"}),
        "the calendar's PRODID and the office's proper name, the same in every language",
    ),
}


def _strings(path: Path) -> list[tuple[int, str]]:
    """The string literals of ``path`` that are not docstrings (comments are not literals)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    docs = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs
    ]


@pytest.mark.parametrize(
    "path",
    [p for room in ("cli", "services", "integrations", "feeds_server") for p in _modules(PACKAGE / room)],
    ids=lambda p: str(p.relative_to(PACKAGE)),
)
def test_only_words_holds_swedish_sentences(path: Path) -> None:
    """Every sentence a user reads outside Qt comes from the catalogue (words/sv.py, words/en.py),
    so that a third language is one more table; a Swedish letter in a string elsewhere is a
    sentence that escaped it."""
    rel = path.relative_to(PACKAGE).as_posix()
    allowed, _reason = SWEDISH_ALLOWED.get(rel, (frozenset(), ""))
    found = [
        f"{rel}:{line}: {text!r}"
        for line, text in _strings(path)
        if any(c in text for c in "åäöÅÄÖ") and allowed is not None and text not in allowed
    ]
    assert not found, "Swedish outside words/ (say it with words.say(key, lang)):\n" + "\n".join(found)


def test_the_allowed_swedish_still_exists() -> None:
    for rel, (allowed, reason) in SWEDISH_ALLOWED.items():
        assert reason
        texts = {text for _, text in _strings(PACKAGE / rel)}
        assert allowed is None or allowed <= texts, (
            f"{rel}: {sorted(allowed - texts)} is gone: shorten the list"
        )
