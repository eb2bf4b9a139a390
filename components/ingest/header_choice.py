"""Which of two columns a header row names alike is the one meant.

A header row is read left to right, the first column a field's heading names being its
column. Two business exports name two columns alike where the first is not the one meant:

* a SharePoint list's first column is always "Title", the item's name ("Kenya – Leadership"),
  beside the list's own "Capability" column ("1. Leadership"): "Title" and "Item" are the
  capability's column only when no column is headed by the word Capability (or Indicator);
* a survey tool's geo-IP "Country" beside the form's question naming the country
  (``geo_columns``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from components.base.text import normalise
from components.ingest.geo_columns import with_asked_country
from components.ingest.matching import classify_header

# Headings that name the capability's column only for want of a better one.
_GENERIC = frozenset({"title", "item", "items", "item name", "item title"})


def settled_fields(
    cells: tuple[Any, ...], found: dict[Any, int], asks_country: Callable[[Any], bool]
) -> dict[Any, int]:
    """``found`` (a header row's fields -> their first columns) with the column meant for
    the capability and for the country."""
    first = found.get("capability")
    if first is not None and _generic(cells[first]):
        named = [
            c
            for c in range(first + 1, len(cells))
            if not _generic(cells[c]) and classify_header(cells[c]) == "capability"
        ]
        if named:
            found["capability"] = named[0]
    return with_asked_country(cells, found, asks_country)


def _generic(value: Any) -> bool:
    return isinstance(value, str) and normalise(value) in _GENERIC
