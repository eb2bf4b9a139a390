"""The layering rules from design.md, checked on every run instead of remembered in review."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
COMPONENTS = ROOT / "components"
# Lowest first: a package may import itself and the packages before it, never one after it.
LAYERS = ("base", "framework", "ingest", "scoring", "charts", "exports", "library", "ui")
STREAMLIT_PACKAGES = {"ui"}
MAX_MODULE_LINES = 620  # "about 600": room for a docstring, never a second concern


def _modules() -> list[Path]:
    return sorted(COMPONENTS.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module a file imports, dotted (``from a import b`` gives ``a`` and ``a.b``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def _package(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "components" else None


def test_every_package_is_in_a_layer_and_says_what_it_owns():
    packages = {path.parent.name for path in COMPONENTS.glob("*/__init__.py")}
    assert packages == set(LAYERS)
    for package in LAYERS:
        doc = ast.get_docstring(ast.parse((COMPONENTS / package / "__init__.py").read_text()))
        assert doc, f"components/{package}/__init__.py needs a docstring"
        assert "import" in doc, f"components/{package}/__init__.py: say what it may import"
    assert sorted(path.name for path in COMPONENTS.glob("*.py")) == ["__init__.py"], (
        "modules live in the packages, not loose in components/"
    )


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(COMPONENTS)))
def test_lower_layers_never_import_higher_ones(path: Path):
    own = _package(_module_name(path))
    if own is None:  # components/__init__.py: the map of the packages, imports nothing
        assert not _imports(path)
        return
    allowed = set(LAYERS[: LAYERS.index(own) + 1])
    wrong = {name for name in _imports(path) if _package(name) and _package(name) not in allowed}
    assert not wrong, f"{path.relative_to(ROOT)} ({own}) imports {sorted(wrong)}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(COMPONENTS)))
def test_only_ui_talks_to_streamlit(path: Path):
    if _package(_module_name(path)) in STREAMLIT_PACKAGES:
        return
    streamlit = {name for name in _imports(path) if name.split(".")[0] == "streamlit"}
    assert not streamlit, f"{path.relative_to(ROOT)} imports streamlit: drawing belongs in ui/"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(COMPONENTS)))
def test_no_module_is_too_long_to_read(path: Path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, (
        f"{path.relative_to(ROOT)} has {lines} lines: split it by concern "
        f"(at most about {MAX_MODULE_LINES})"
    )


def test_there_are_no_import_cycles():
    names = {_module_name(path): path for path in _modules()}
    graph = {
        name: {other for other in _imports(path) if other in names and other != name}
        for name, path in names.items()
    }
    # A package's __init__ is imported with each of its modules; it imports nothing itself.
    visiting: list[str] = []
    done: set[str] = set()

    def visit(name: str) -> None:
        if name in done:
            return
        assert name not in visiting, f"import cycle: {' -> '.join([*visiting, name])}"
        visiting.append(name)
        for other in sorted(graph[name]):
            visit(other)
        visiting.pop()
        done.add(name)

    for name in sorted(graph):
        visit(name)


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_do_not_parse_files_or_use_pandas(path: Path):
    forbidden = {name.split(".")[0] for name in _imports(path)} & {
        "pandas",
        "openpyxl",
        "csv",
        "zipfile",
        "sqlalchemy",
    }
    assert not forbidden, f"{path.name} imports {forbidden}: that logic belongs in components/."


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_only_draw_what_components_make(path: Path):
    """A page reads widgets, calls components and draws: it imports nothing else."""
    others = {
        name
        for name in _imports(path)
        if name.split(".")[0] not in {"streamlit", "components", "__future__"}
    }
    assert not others, f"{path.name} imports {sorted(others)}: move that work into components/"
