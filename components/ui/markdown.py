"""The one way text reaches Streamlit's Markdown: app wording as ``Markdown``, user text escaped.

Streamlit renders Markdown in messages, toasts, captions, headings, metrics, tabs, expanders,
and in the labels and help of every widget, also in the options of radio buttons, segmented
controls and pills (not in the options of a selectbox or multiselect, which it shows as plain
text). Names, rounds, evidence, "assessed by", file and sheet names come from people's files
and links, so they must never be read as Markdown there.

The rule, kept by ``tests/test_architecture.py``: pages and ``components/ui`` pass dynamic
text to those Streamlit calls only through this module. ``md`` builds a message from an app
template with every value escaped (``components.base.text.escape_markdown``) and cut to one
line; the wrappers (``notice``, ``toast``, ``caption``, ``heading``) escape any plain ``str``
whole, so that only text made by ``md`` or ``literal`` keeps its formatting. Very long values
are cut with "…" where they are shown; headings then carry the full text on hover.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Literal

import streamlit as st

from components.base.text import escape_markdown, one_line

#: How much of a name or round a label, option or message shows; tables show all of it.
NAME_CHARS = 80
#: A heading shows this much of a name; the rest is on hover.
HEADING_CHARS = 120

NoticeKind = Literal["success", "info", "warning", "error"]


class Markdown(str):
    """Markdown written by the app, in which any user text has already been escaped."""

    __slots__ = ()


def literal(value: object, max_chars: int | None = NAME_CHARS) -> Markdown:
    """User text shown as typed where Markdown renders: one line, escaped, cut with "…"."""
    return Markdown(escape_markdown(one_line(value, max_chars)))


def plain(value: object, max_chars: int | None = NAME_CHARS) -> str:
    """User text for places that show plain text (selectbox and multiselect options)."""
    return one_line(value, max_chars)


def md(template: str, /, max_chars: int | None = NAME_CHARS, **values: object) -> Markdown:
    """App Markdown with user values filled in literally.

    ``md("Renamed {old} to **{new}**.", old=a, new=b)``: the template's Markdown works, each
    value is escaped and cut to ``max_chars``. A value that is already ``Markdown`` (made by
    ``md`` or ``literal``) goes in as it is.
    """
    filled = {
        name: value if isinstance(value, Markdown) else literal(value, max_chars)
        for name, value in values.items()
    }
    return Markdown(template.format(**filled))


def as_markdown(text: object) -> Markdown:
    """``Markdown`` as it is; anything else escaped whole (it may hold user text)."""
    if isinstance(text, Markdown):
        return text
    return Markdown(escape_markdown(text))


def joined(parts: list[Markdown] | tuple[Markdown, ...], separator: str = "; ") -> Markdown:
    """Several pieces of ``Markdown`` joined by a plain separator."""
    return Markdown(separator.join(as_markdown(part) for part in parts))


def option_format(
    options: Mapping[object, object], *, markdown: bool, max_chars: int = NAME_CHARS
) -> Callable[[object], str]:
    """A ``format_func`` that shows each option's label literally, cut to ``max_chars``.

    ``markdown=True`` for radio buttons, segmented controls and pills (they render their
    options as Markdown), False for selectboxes and multiselects (they show plain text, where
    an escape would show its backslash).
    """

    def shown(option: object) -> str:
        label = options.get(option, option)
        if isinstance(label, Markdown):
            return label
        return literal(label, max_chars) if markdown else plain(label, max_chars)

    return shown


def notice(kind: NoticeKind, message: object, *, icon: str | None = None) -> None:
    """A success, information, warning or error box; plain ``str`` messages are escaped."""
    draw = {"success": st.success, "info": st.info, "warning": st.warning, "error": st.error}
    draw[kind](as_markdown(message), icon=icon)


def toast(message: object, *, icon: str | None = None) -> None:
    """A toast; plain ``str`` messages are escaped."""
    st.toast(as_markdown(message), icon=icon)


def caption(message: object) -> None:
    """A caption; plain ``str`` messages are escaped."""
    st.caption(as_markdown(message))


def heading(text: object, *, level: Literal["title", "header", "subheader"] = "header") -> None:
    """A heading naming user data: escaped, cut with the full text on hover, no anchor link.

    Streamlit gives headings an anchor link made from their text; a heading of user text gets
    none, so no link on the page is derived from a name.
    """
    full = one_line(text)
    shown = literal(full, HEADING_CHARS)
    hover = as_markdown(full) if len(full) > HEADING_CHARS else None
    draw = {"title": st.title, "header": st.header, "subheader": st.subheader}[level]
    draw(shown, anchor=False, help=hover)
