"""Layering rules from design.md that a reviewer would otherwise have to remember."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Only the session state and the small render helpers may talk to Streamlit.
STREAMLIT_ALLOWED = {"state.py"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def _pure_modules() -> list[Path]:
    return [
        path
        for path in sorted((ROOT / "components").glob("*.py"))
        if path.name not in STREAMLIT_ALLOWED and not path.name.startswith("render")
    ]


@pytest.mark.parametrize("path", _pure_modules(), ids=lambda p: p.name)
def test_components_do_not_import_streamlit(path: Path):
    assert "streamlit" not in _imports(path), (
        f"{path.name} imports streamlit; move the drawing into a render_* helper or a page."
    )


def test_there_are_pure_modules_to_check():
    names = {path.name for path in _pure_modules()}
    assert {"framework.py", "explorer.py", "palette.py"} <= names


@pytest.mark.parametrize("path", sorted((ROOT / "pages").glob("*.py")), ids=lambda p: p.name)
def test_pages_do_not_parse_files_or_use_pandas(path: Path):
    forbidden = _imports(path) & {"pandas", "openpyxl", "csv", "zipfile"}
    assert not forbidden, f"{path.name} imports {forbidden}: that logic belongs in components/."
