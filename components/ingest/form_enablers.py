"""A form's questions about the enablers, beside those about the capabilities.

Forms built on the framework ask about the seven enablers too, in the tool's own way: a
matrix "And the enablers? - Cross sector, multi-disciplinary collaboration" (Qualtrics),
"Rate each enabler [Supportive reporting environment]" (Google Forms). Such a column is
read as its enabler's level, as the capabilities' are. Only a title names an enabler here
(a bare number or code, "3", is a question's number, not enabler 3). An enabler asked in two
columns (its level, and a remark on it) is read from the one whose answers are levels, else
from neither, as which holds its level cannot be told.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from components.ingest.matching import Catalogue

# A bare number or code names no enabler in a form: "3", "Q3", "E3".
_CODE = re.compile(r"\W*[A-Za-z]{0,2}\d+\W*")


def named_enablers(
    cells: tuple[Any, ...],
    taken: set[int],
    *,
    named: Callable[[Any], tuple[int, bool] | None],
    levelled: Callable[[int], bool],
    enablers: Catalogue,
) -> dict[int, int]:
    """column -> enabler, for the header cells (not in ``taken``, the capabilities') whose
    question names one enabler by its title; an enabler asked in several columns is read
    from the one whose answers are levels, else from none."""
    found: dict[int, list[int]] = {}
    for column, value in enumerate(cells):
        if column in taken or not isinstance(value, str) or _CODE.fullmatch(value):
            continue
        hit = named(value)
        if hit is not None and _by_title(value, hit[0], enablers):
            found.setdefault(hit[0], []).append(column)
    chosen: dict[int, int] = {}
    for number, columns in found.items():
        kept = columns if len(columns) == 1 else [c for c in columns if levelled(c)]
        if len(kept) == 1:
            chosen[kept[0]] = number
    return chosen


def _by_title(value: str, number: int, enablers: Catalogue) -> bool:
    """Whether the heading holds the enabler's title (its first words), not only a number."""
    title = _words(enablers.titles[number])
    return " ".join(title[:2]) in " ".join(_words(value))


def _words(text: str) -> list[str]:
    return re.sub(r"[^\w\s]", " ", text.casefold()).split()
