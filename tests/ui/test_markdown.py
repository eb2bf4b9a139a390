"""The Markdown boundary: user text reaches Streamlit only escaped, app wording keeps its form.

The last test reads the code of every page and of ``components/ui``: no Streamlit call that
renders Markdown may build its text in place (an f-string, ``+``, ``%``, ``.format`` or
``.join``); such text goes through ``components.ui.markdown`` (``md``, ``literal``, ``notice``,
``caption``, ``toast``, ``heading``, ``option_format``), which escapes what it fills in.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from components.ui.markdown import (
    HEADING_CHARS,
    NAME_CHARS,
    Markdown,
    as_markdown,
    joined,
    literal,
    md,
    option_format,
    plain,
)
from tests.shown import as_read

ROOT = Path(__file__).resolve().parents[2]
PHISH = "[Session expired - click here to sign in again](https://evil.example/phish)"


@pytest.mark.parametrize(
    ("made", "read"),
    [
        (md("Renamed {old} to “{new}”.", old=PHISH, new="**x**"), f"Renamed {PHISH} to “**x**”."),
        (md("**{n}** saved", n=3), "**3** saved"),  # the template's bold stays Markdown
        (literal("a\n  b\u202e c"), "a b c"),
        (literal("x" * 500), "x" * (NAME_CHARS - 1) + "…"),
        (literal("x" * 500, max_chars=None), "x" * 500),
        (as_markdown("$x^2$ :red[y]"), "$x^2$ :red[y]"),
        (as_markdown(Markdown(":red[y]")), ":red[y]"),
        (joined([literal("a_b"), literal("c*d")], ", "), "a_b, c*d"),
        (md("{inner} end", inner=md("**{x}**", x="_y_")), "**_y_** end"),
    ],
)
def test_values_read_as_typed_and_templates_keep_their_markdown(made, read):
    assert isinstance(made, Markdown)
    assert as_read(made) == read


def test_a_value_cannot_open_markdown_in_a_template():
    made = md("Saved {name}.", name=PHISH)
    assert "](" not in made.replace("\\]\\(", "")
    assert "https://" not in made.replace("\\", "")


@pytest.mark.parametrize(
    ("options", "markdown", "option", "shown"),
    [
        ({"a": PHISH}, True, "a", as_markdown(PHISH)),  # radio: escaped
        ({"a": PHISH}, False, "a", PHISH),  # selectbox: plain text, no backslashes
        ({}, False, "Zembla", "Zembla"),  # the option itself
        ({}, False, "y" * 200, "y" * (NAME_CHARS - 1) + "…"),
        ({None: "None"}, False, None, "None"),
        ({"a": Markdown(":red[x]")}, True, "a", ":red[x]"),
    ],
)
def test_option_format(options, markdown, option, shown):
    assert option_format(options, markdown=markdown)(option) == shown


def test_plain_is_one_line_without_direction_overrides():
    assert plain("a\u202e\nb") == "a b"
    assert HEADING_CHARS > NAME_CHARS


# --- the boundary, read from the code ------------------------------------------------------

# Streamlit calls that render their text as Markdown (labels of every widget included).
MARKDOWN_CALLS = {
    "markdown", "caption", "title", "header", "subheader", "success", "info", "warning",
    "error", "toast", "metric", "expander", "tabs", "popover", "button", "download_button",
    "form_submit_button", "link_button", "page_link", "checkbox", "toggle", "radio",
    "selectbox", "multiselect", "text_input", "text_area", "number_input", "slider",
    "select_slider", "segmented_control", "pills", "file_uploader", "date_input", "badge",
    "progress", "spinner",
}  # fmt: skip
TEXT_KEYWORDS = {"label", "help", "text", "placeholder", "body"}
BOUNDARY = ROOT / "components" / "ui" / "markdown.py"


def _built_in_place(node: ast.AST) -> bool:
    """Text assembled at the call: an f-string with values, ``+``, ``%``, ``.format``, ``.join``."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(part, ast.FormattedValue) for part in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in {"format", "join"}
    if isinstance(node, ast.List | ast.Tuple):
        return any(_built_in_place(element) for element in node.elts)
    if isinstance(node, ast.ListComp):
        return _built_in_place(node.elt) or not _passes_through_boundary(node.elt)
    return False


def _passes_through_boundary(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and getattr(node.func, "id", "") in {
        "md",
        "literal",
        "Markdown",
        "as_markdown",
    }


def _offences(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr not in MARKDOWN_CALLS:
            continue
        texts = list(node.args[:2] if node.func.attr == "metric" else node.args[:1])
        texts += [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
        for text in texts:
            if _built_in_place(text):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.func.attr}(…)")
        for kw in node.keywords:
            if kw.arg == "format_func" and isinstance(kw.value, ast.Lambda):
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} format_func=lambda")
    return found


DRAWING_CODE = sorted(
    [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "components" / "ui").glob("*.py")]
)


@pytest.mark.parametrize("path", DRAWING_CODE, ids=lambda p: str(p.relative_to(ROOT)))
def test_text_reaches_streamlit_markdown_only_through_the_boundary(path: Path):
    if path == BOUNDARY:
        return
    offences = _offences(path)
    assert not offences, (
        "Build text that Streamlit renders as Markdown with components.ui.markdown (md, "
        "literal, notice, caption, toast, heading, option_format), which escapes user text: "
        + "; ".join(offences)
    )
