"""A long table's column of countries under a heading of the tool's own, and rows shared.

No-code databases and project tools name their fields as the team typed them: Airtable's
linked "Countries", a Google Sheet's "Place" of smart chips, Kanbanize's swimlane "Lane",
Trello's "Labels" ("Indonesia, MNR"). With no column headed Country, each country's rows were
taken as one assessment, every capability given twice. ``country_column`` finds the column
whose values are all countries' names the app knows (in any language it reads, or another
name such as "DRC"), whatever its heading, when no column is headed Country: it is the
table's country column, and a warning names it. It must tell the rows' assessments apart as
a country column does: each country's rows give a capability once, while the table gives some
twice (a column of countries that splits one assessment into pieces is something else: a
partner, a donor). A heading the reader knows as another field ("Region", "Evidence") is
never taken, nor codes alone ("PER" may be a word: ``code_countries`` reads codes).

A cell may hold more than one name: a labels field ("Indonesia, MNR", one of them a country)
gives its country, the cell written so; a linked-record field listing several countries
("Indonesia,Peru", Airtable's record of a level shared by several countries) gives the row to
each of them (``share_joint_rows``) when each has rows of its own in the table: the table
then holds each country's assessment, and the shared row belongs to each. A cell naming
several countries in a table that has no rows of its own for each stays a joint assessment,
refused as before (``country_names``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

from openpyxl.utils import get_column_letter

from components.base.text import normalise
from components.ingest.countries import iso3_in_any_language
from components.ingest.country_aliases import alias_of
from components.ingest.drafts import Draft
from components.ingest.matching import classify_header, is_summary
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.vocabulary import Field

# At most this many countries in one column.
_MAX_COUNTRIES = 50
# What joins the items of a list cell: Airtable's ",", Notion's ", ", ";" and "/".
_ITEMS = re.compile(r"\s*[,;/]\s*")
# Rows of one country giving a capability it already has: at most this share (a typo), or
# the column does not tell assessments apart.
_MAX_REPEATED = 0.1


def country_column(
    ctx: ReadContext, sheet: Sheet, header: int, columns: Mapping[Field, int], end: int
) -> int | None:
    """The column of a capability table without a Country column whose values all name
    countries (see the module), reported; ``None`` when no column does, or several do."""
    key = columns.get("capability", columns.get("number"))
    if key is None:
        return None
    claimed = set(columns.values())
    cells = sheet.rows[header] if header < len(sheet.rows) else ()
    keys = sheet.column(key, header + 1, end)
    keyed = sum(v is not None for v in keys)
    found: list[tuple[int, dict[str, list[str]], bool]] = []
    for column in range(sheet.width()):
        heading = cells[column] if column < len(cells) else None
        if column in claimed or classify_header(heading) is not None or is_summary(heading):
            continue
        values = sheet.column(column, header + 1, end)
        given = [(k, v) for k, v in zip(keys, values, strict=False) if k is not None and v]
        distinct = {v for _, v in given}
        if not given or 2 * len(given) < keyed or len(distinct) > _MAX_COUNTRIES:
            continue
        if not all(isinstance(v, str) for v in distinct):
            continue
        named = {v: countries_in(ctx, v) for v in distinct}
        if not all(names for names, _ in named.values()):
            continue
        labels = any(other for _, other in named.values())
        countries = {v: names for v, (names, _) in named.items()}
        if _tells_apart(given, countries):
            found.append((column, countries, labels))
    if len(found) != 1:
        return None
    column, countries, labels = found[0]
    heading = cells[column] if column < len(cells) else None
    named_as = f"headed {quoted(heading)}" if heading is not None else "with no heading"
    example = next(v for v in sheet.column(column, header + 1, end) if v is not None)
    letter = get_column_letter(column + 1)
    if labels:
        _write_countries(sheet, column, header + 1, end, countries)
        said = (
            f"holds labels, one of them a country (such as {quoted(example)}), so each row's "
            "country was read from it"
        )
    else:
        said = (
            f"holds only countries' names (such as {quoted(example)}), so it was read as the "
            "Country column"
        )
    ctx.add(
        "warning",
        sheet,
        cell_address(header, column),
        f"The table has no Country column; column {letter}, {named_as}, {said}.",
        "If that is wrong, add a column headed “Country” with each row's country.",
    )
    return column


def countries_in(ctx: ReadContext, value: str) -> tuple[list[str], bool]:
    """(the countries a cell names, whether it names other things too: a labels cell);
    no countries when it is no country's name, nor a list with one."""
    return ctx.cached("country_columns.named", value, _read_countries)


def _read_countries(value: str) -> tuple[list[str], bool]:
    text = " ".join(value.split())
    if _known(text):
        return [text], False
    parts = [p for p in _ITEMS.split(text) if p]
    if len(parts) < 2:
        return [], False
    known = [p for p in parts if _known(p)]
    return known, len(known) < len(parts)


def _known(name: str) -> bool:
    """A country's name (not a code: "PER", "COL" may be words)."""
    if len(name) <= 3 and alias_of(name) is None:
        return False
    return iso3_in_any_language(name) is not None or alias_of(name) is not None


def _tells_apart(given: list[tuple[object, str]], countries: Mapping[str, list[str]]) -> bool:
    """Whether the column tells the rows' assessments apart: each country's rows give each
    capability once (or nearly), and, with several countries, the table gives some twice."""
    seen: Counter[tuple[str, str]] = Counter()
    for key, value in given:
        for name in countries[value]:
            seen[(normalise(name), normalise(str(key)))] += 1
    repeated = sum(n - 1 for n in seen.values())
    if repeated > _MAX_REPEATED * len(given):
        return False
    names = {normalise(n) for names in countries.values() for n in names}
    if len(names) < 2:
        return True
    # Some capability given for two countries or more: the countries' assessments side by side.
    groups = Counter(key for _, key in seen)
    return any(n > 1 for n in groups.values())


def _write_countries(
    sheet: Sheet, column: int, first: int, end: int, countries: Mapping[str, list[str]]
) -> None:
    """A labels column's cells written as their countries alone, for the rows to read."""
    for row in range(first, min(end, len(sheet.rows))):
        value = sheet.value(row, column)
        if isinstance(value, str) and value in countries:
            cells = list(sheet.rows[row])
            cells[column] = ", ".join(countries[value])
            sheet.rows[row] = tuple(cells)
    sheet.columns = None  # the rows changed


def share_joint_rows(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """``drafts`` with each one whose country cell names several countries ("Indonesia,
    Peru") given to those countries' assessments of the same table (same sheet, date or year
    and round), when each has one: a capability it gives them that they give otherwise is
    refused for both readings (which is right is not known). Said once per table."""
    shared: dict[int, list[Draft]] = {}
    refused: set[tuple[int, str, int]] = set()  # (owner, kind, number) given two levels
    for draft in drafts:
        country = draft.country
        if country is None or ("," not in country and ";" not in country and "/" not in country):
            continue
        names, other = _read_countries(draft.country)
        if len(names) < 2 or other:
            continue
        owners = [_owner(drafts, draft, name) for name in names]
        if any(owner is None for owner in owners):
            continue
        for owner in owners:
            if owner is not None:
                _give(ctx, draft, owner, refused)
        shared.setdefault(id(draft.sheet), []).append(draft)
    if not shared:
        return drafts
    for joint in shared.values():
        cells = sorted({c for d in joint for c in d.first_cell.values()}, key=_row_of)
        ctx.add(
            "warning",
            joint[0].sheet,
            cells[0] if cells else None,
            f"{len(cells)} rows name several countries in one cell (such as "
            f"{quoted(joint[0].country)}); each was read as a row of each of those countries.",
            "Nothing to do if each country named shares that row's level; otherwise give each "
            "country a row of its own.",
        )
    dropped = {id(d) for joint in shared.values() for d in joint}
    return [d for d in drafts if id(d) not in dropped]


def _owner(drafts: list[Draft], joint: Draft, name: str) -> Draft | None:
    """The draft of the country ``name`` from the same table and assessment as ``joint``."""
    code = iso3_in_any_language(name) or (alias_of(name) or ("", ""))[1]
    _, when, round_key = joint.key()
    for draft in drafts:
        if draft is joint or draft.sheet is not joint.sheet or draft.country is None:
            continue
        own = iso3_in_any_language(draft.country) or (alias_of(draft.country) or ("", ""))[1]
        if own == code and draft.key()[1:] == (when, round_key):
            return draft
    return None


def _give(ctx: ReadContext, joint: Draft, owner: Draft, refused: set[tuple[int, str, int]]) -> None:
    """``joint``'s items, given to ``owner``: a capability ``owner`` gives another level is
    refused (said), the same level is kept."""
    for kind, items in joint.items.items():
        for number, answers in items.items():
            if (id(owner), kind, number) in refused:
                continue
            cell = joint.first_cell.get((kind, number))
            mine = owner.items[kind].get(number)
            if mine is None:
                owner.items[kind][number] = answers
                if cell is not None:
                    owner.first_cell[(kind, number)] = cell
                continue
            if mine[0] == answers[0]:
                continue
            what = (ctx.capabilities if kind == "capability" else ctx.enablers).describe(number)
            first = owner.first_cell.get((kind, number))
            ctx.add(
                "error",
                owner.sheet,
                ", ".join(c for c in (first, cell) if c) or None,
                f"{what[0].upper()}{what[1:]} of {owner.name} is given two levels: "
                f"{_level(mine[0])} in {first}, and {_level(answers[0])} in {cell}, a row "
                f"shared with other countries ({quoted(joint.country)}); neither was used.",
                "Keep one row per capability for each country: correct the level, or take the "
                "country out of the shared row.",
            )
            owner.items[kind].pop(number, None)
            refused.add((id(owner), kind, number))


def _level(level: int | None) -> str:
    return "blank" if level is None else str(level)


def _row_of(cell: str) -> tuple[int, str]:
    digits = "".join(ch for ch in cell if ch.isdigit())
    return (int(digits) if digits else 0, cell)
