"""Whether a column of levels is on the framework's scale as a whole, not cell by cell.

A cell read alone can look right when its column is not: in a column scored 1 to 5, every 1
to 4 is a valid level of the 0 to 4 scale (one step too high), and only the 5s stand out; in a
column of percentages shown as "75%", the cells hold 0.75 and 1.0, and 100% would read as
level 1. So before its cells are read, a level column is looked at whole: its header ("Score
(1-5)", "Level /5") and its numbers. When they say another scale, none of the column is used:
converting between scales is a judgement the app does not make for people.

``column_scale_problem`` is the judgement; ``refused_off_scale`` reports it for a sheet. A
column that looks off the scale is looked at again without the rows that sum up others: a
country's levels all 0 and 1 with an "Overall score" of 0.52 or a domain's "— average" of 0.5
below them are levels, not fractions.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from components.framework.model import Scale
from components.ingest.average_levels import AVERAGES_FIX, averages_problem, names_an_average
from components.ingest.catalogue import Catalogue
from components.ingest.column_roles import is_scorer
from components.ingest.fill_series import not_levels_problem, series_fix
from components.ingest.header_keys import header_key_problem
from components.ingest.matching import is_summary, match_item
from components.ingest.max_columns import maximum_beside
from components.ingest.merged_lines import MERGED_LINES_FIX, merged_lines_problem
from components.ingest.percent_levels import note_percent_levels
from components.ingest.scale_legend import legend_scale_problem
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import plain_text

# "(1-5)", "1 to 5", "1 à 5", "de 1 a 5", "/5", "out of 5", "sur 5", "max 5": a scale named in
# a header.
_HEADER_RANGE = re.compile(
    r"(?<![\d.,])(?P<low>\d{1,2})\s*(?:-|–|—|to|à|a|al|ate|até)\s*(?P<high>\d{1,2})(?![\d.,])",
    re.IGNORECASE,
)
_HEADER_TOP = re.compile(
    r"(?:^|\s|\()(?:/|out of|sur|sobre|de|max(?:imum)?\.?:?)\s*(?P<high>\d{1,2})(?![\d.,])",
    re.IGNORECASE,
)
# Fewer numbers than this say too little about a column's scale to refuse it.
MIN_NUMBERS_FOR_SHIFT = 4


def column_scale_problem(header: Any, values: Iterable[Any], scale: Scale) -> str | None:
    """Why the column's levels are not on ``scale`` taken together, or ``None`` when they may be.

    The result completes "The column headed “...” ...": e.g. "is headed as a scale of 1 to 5,
    not this framework's 0 to 4".
    """
    ours = f"{scale.minimum} to {scale.maximum}"
    named = _scale_in_header(header)
    # Only the top decides: "Level (1-4)" leaves 0 unused but means the same levels.
    if named is not None and named[1] != scale.maximum:
        low, high = named
        named_as = f"of {low} to {high}" if low is not None else f"to {high}"
        return f"is headed as a scale {named_as}, not this framework's {ours}"
    if isinstance(header, str) and (keyed := header_key_problem(plain_text(header), scale)):
        return keyed  # "Rating (1 = lowest, 5 = highest)"
    # Each distinct value once: a long table repeats its five levels thousands of times.
    counts = Counter(values)  # counted in C; the blanks then left out
    counts.pop(None, None)
    read = {value: _as_number(value) for value in counts}
    numbers = [n for n in read.values() if n is not None]
    if not numbers:
        return None
    how_many = sum(counts[v] for v, n in read.items() if n is not None)
    if all(0 <= n <= 1 for n in numbers) and any(0 < n < 1 for n in numbers):
        shown = ", ".join(_shown(n) for n in sorted(set(numbers))[:4])
        return f"holds fractions ({shown}), as percentages do, not levels from {ours}"
    whole = all(float(n).is_integer() for n in numbers)
    if (
        whole
        and how_many >= MIN_NUMBERS_FOR_SHIFT
        and min(numbers) >= scale.minimum + 1
        and max(numbers) == scale.maximum + 1
    ):
        return (
            f"runs from {_shown(min(numbers))} to {_shown(max(numbers))} with no "
            f"{scale.minimum}: a scale of {scale.minimum + 1} to {scale.maximum + 1}, not this "
            f"framework's {ours}"
        )
    return None


def scale_fix(scale: Scale) -> str:
    """What to do about a column on another scale."""
    levels = ", ".join(f"{level.value} - {level.label}" for level in scale.levels)
    return (
        f"Write each level on this framework's scale ({levels}). The app does not convert "
        "another scale or a percentage: which level a score means is for you to decide."
    )


def _scale_in_header(header: Any) -> tuple[int | None, int] | None:
    if not isinstance(header, str):
        return None
    text = plain_text(header)
    found = _HEADER_RANGE.search(text)
    if found and int(found["low"]) < int(found["high"]) <= 10:
        return int(found["low"]), int(found["high"])
    top = _HEADER_TOP.search(text)
    if top and 1 < int(top["high"]) <= 10:
        return None, int(top["high"])
    return None


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return None if math.isnan(value) else float(value)  # NaN is blank
    if isinstance(value, str):
        try:
            return float(value.strip().replace(",", "."))
        except ValueError:
            return None
    return None


def _number_counts(values: list[Any]) -> Counter[float]:
    """Each number among ``values`` with how often it occurs (each distinct cell read once)."""
    numbers: Counter[float] = Counter()
    for value, count in Counter(v for v in values if v is not None).items():
        number = _as_number(value)
        if number is not None:
            numbers[number] += count
    return numbers


def _shown(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _out_of_another(ctx: ReadContext, sheet: Sheet, header: int, level: int) -> str | None:
    """Why the levels are on another scale when a column beside them says so ("Max score"
    holding 5 on every row), or ``None``."""
    scale = ctx.framework.scale
    found = maximum_beside(sheet, header, level, scale.maximum)
    if found is None:
        return None
    column, number = found
    return (
        f"is scored out of {_shown(number)} (the column {quoted(sheet.value(header, column))}, "
        f"{cell_address(header, column)}, says so on every row), not on this framework's "
        f"{scale.minimum} to {scale.maximum}"
    )


def refused_off_scale(
    ctx: ReadContext,
    sheet: Sheet,
    header: int,
    columns: list[int],
    *,
    whole_table: bool = False,
    key: int | None = None,
    labels: tuple[int, ...] = (),
    catalogue: Catalogue | None = None,
) -> bool:
    """Whether the levels in ``columns`` (below ``header``) are on another scale, taken
    together; if so it is reported, and the caller reads none of them.

    ``whole_table``: the columns are one table's capabilities (one assessment a row), judged
    as one; otherwise a single column of levels, judged with its header (and with the
    capability number column ``key``: a fill series copies the numbers, ``fill_series``).
    ``labels``: the columns that name each row's item, and ``catalogue`` the items they name
    (the capabilities unless said); when the column looks off the scale, only the rows naming
    an item are judged again.
    """
    values: list[Any] = []
    for column in columns:
        values.extend(sheet.column(column, header + 1, len(sheet.rows)))
    heading = None if whole_table else sheet.value(header, columns[0])
    why = column_scale_problem(heading, values, ctx.framework.scale)
    if why is not None:
        # Looked at again only when it seemed off the scale: the rows' labels are read then.
        named = catalogue or ctx.capabilities
        counted = _values_of_counted_rows(sheet, header, columns, labels, named)
        numbers = sum(_as_number(value) is not None for value in counted)
        if numbers >= MIN_NUMBERS_FOR_SHIFT and (
            column_scale_problem(heading, counted, ctx.framework.scale) is None
        ):
            values, why = counted, None
    if why is None:
        why = legend_scale_problem(ctx, values)
    if why is None and not whole_table:
        why = _out_of_another(ctx, sheet, header, columns[0])
    fix = scale_fix(ctx.framework.scale)
    # "Average of Score" 0.67, 2.33, 3: no level, not even its whole numbers.
    if why is None and names_an_average(heading):
        scorers = any(is_scorer(v) for v in sheet.rows[header])
        why = averages_problem(heading, _number_counts(values), scorers=scorers)
        fix = AVERAGES_FIX if why else fix
    if why is None and (why := merged_lines_problem(values, ctx.framework.scale)):
        fix = MERGED_LINES_FIX  # "2 0", "0 1 0": a PDF's lines merged, out of step
    if why is None and not whole_table:
        keys = sheet.column(key, header + 1, len(sheet.rows)) if key is not None else None
        named = quoted(sheet.value(header, key)) if key is not None else "number"
        why = not_levels_problem(values, keys, ctx.framework.scale, named)
        fix = series_fix(ctx.framework.scale)
    if why is None:
        return False
    if whole_table:
        cell = f"row {header + 2}"
        what = f"The levels below the header row {header + 1} {why}"
        outcome = "none of the sheet's levels were read"
    else:
        cell = cell_address(header, columns[0])
        what = f"The column headed {quoted(heading)} ({cell}) {why}"
        outcome = "none of its levels were read"
    ctx.add("error", sheet, cell, f"{what}; {outcome}.", fix)
    note_percent_levels(ctx, sheet, header, columns, values)  # 0.03: 3 typed in a "0%" cell
    return True


def item_labels(columns: Mapping[str, int]) -> tuple[int, ...]:
    """The columns of a one-row-per-item table that name each row's item (title or number)."""
    return tuple(columns[name] for name in ("capability", "enabler", "number") if name in columns)


def _values_of_counted_rows(
    sheet: Sheet,
    header: int,
    columns: list[int],
    labels: tuple[int, ...],
    catalogue: Catalogue,
) -> list[Any]:
    """The cells in ``columns`` on the rows that count, as written (the later checks read
    them as text too): none whose text sums up others ("Total", "Overall score"), and, with
    ``labels``, only the rows whose label names an item of ``catalogue`` ("Policy and
    Governance — average" names none)."""
    counted: list[Any] = []
    for cells in sheet.rows[header + 1 :]:
        if any(is_summary(value) for value in cells):
            continue
        if labels and not any(
            column < len(cells) and match_item(cells[column], catalogue).matched
            for column in labels
        ):
            continue
        counted.extend(cells[column] for column in columns if column < len(cells))
    return counted
