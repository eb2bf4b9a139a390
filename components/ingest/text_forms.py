"""Forms typed as lines of text: a Word form pasted into Excel, a list copied from an e-mail.

Two shapes with no header row, each read only when at least ``MIN_KEY_MATCHES`` of its
capabilities are unmistakable:

* a title row per capability ("1. Leadership", "Capability 1: Leadership") followed by a row
  "Level: 3" (or "Level | 3" in two cells; "Niveau :", "Nivel:", "Nível:" in the vocabulary's
  languages), "Evidence: …", "Comments: …", before the next capability's title. Each Level
  row gives the level of the capability titled above it. A capability with no Level row, a
  second Level row, or a Level row above every title is reported at its cell;
* one cell per capability with its level at the end: "1. Leadership – 3", "Legislation: 4",
  or after a space or a tab when nothing else parts them (a PDF's or a Word table's row in
  one cell: "4 Dedicated Law Enforcement 3"; a remark may stand in the next cell, as when a
  PDF's Capability and Level columns were merged under "Capability Level | Comments").
  It is read only when the cell's number and title agree with the framework and the end is a
  level on the scale, with a warning that says where the level came from; a cell that names
  a capability but whose end is no level, or whose number and title disagree, is an error.

The country and year come from labels above the first capability ("Country: Sri Lanka"), or
the title line, sheet name or file name, as for any table (``context``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from components.ingest.column_roles import header_item
from components.ingest.context import with_context
from components.ingest.countries import iso3_of
from components.ingest.country_aliases import alias_of
from components.ingest.drafts import Draft, MetaReader, apply_meta, cell_text, read_answers
from components.ingest.layout import MIN_KEY_MATCHES
from components.ingest.matching import (
    classify_header,
    exact_reference,
    is_exact_title,
    match_item,
)
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.values import parse_level
from components.ingest.wrapped_lines import join_wrapped_lines, say_wrapped_lines

# A field's label and its value in one cell: "Level: 3", "Niveau : 3", "Evidence - annex 2".
_LABELLED = re.compile(r"^\s*(?P<label>[^\W\d_][^:–—=]*?)\s*(?::|=|\s[-–—]\s|[–—])\s*(?P<rest>.*)$")
# Where a title ends and its level begins: "1. Leadership – 3", "Legislation: 4".
_NUMBER_ONLY = re.compile(r"^\s*\d+(?:[.,]\d+)?\s*$")
# Rows that name a capability (read or not): where its block of rows begins.
_TITLED = ("title", "inline", "unread", "pair")
_LEVEL_SEPARATOR = re.compile(r"\s*(?::|=|\s-\s|[–—])\s*")
_SPACED_LEVEL = re.compile(r"^(.*[^\W\d_].*?)\s+(\d)$")
# A capability's reference before its title: "1.", "Capability 1:", "Cap. 7 -".
_REFERENCE = re.compile(r"^\s*(?:[^\W\d_]+\.?\s*)?\d{1,2}\s*[.):\-–—]?\s*")


@dataclass(frozen=True)
class _Line:
    """One row of the form: what it is, the cell it starts in, and what it says."""

    # "title", "level", "evidence", "inline", "unread" (a capability, no level), "pair" (a
    # question naming a capability, its answer in the next cell)
    kind: str
    row: int
    column: int
    number: int | None = None
    value: Any = None  # the level's or the evidence's value, label left out; what is wrong


def read_text_form(ctx: ReadContext, sheet: Sheet) -> list[Draft] | None:
    """The assessment of a form typed as lines (see the module), ``None`` when the sheet is
    not one, for the reader to say why it was skipped."""
    # "10 Compensation, Remedies and" over "Complaints Arrangements 4": one line (PDF text).
    sheet, wrapped = join_wrapped_lines(sheet, lambda text: _reads_whole(ctx, text))
    lines = [line for row in range(len(sheet.rows)) if (line := _line(ctx, sheet, row))]
    titles = sum(line.kind == "title" for line in lines)
    levels = sum(line.kind == "level" for line in lines)
    inline = [line for line in lines if line.kind == "inline"]
    scale = ctx.framework.scale
    pairs = sum(line.kind == "pair" and _is_level(line.value, scale) for line in lines)
    few = len(inline) + pairs < MIN_KEY_MATCHES and min(titles, levels) < MIN_KEY_MATCHES
    first = next((line.row for line in lines if line.kind in _TITLED), 0)
    if few or (draft := _form_draft(ctx, sheet, first)) is None:
        return None
    view = _with_values(sheet, lines)
    current: _Line | None = None  # the title whose block the rows are in
    has_level = False
    for line in lines:
        if line.kind == "unread":
            _say_unread(ctx, sheet, line)
        if line.kind in _TITLED:
            if current is not None and not has_level:
                _say_no_level(ctx, sheet, current)
            # An unread cell's capability has no level, said above: its block is done.
            current, has_level = line, line.kind != "title"
            if line.kind in ("inline", "pair"):
                _read_level(ctx, view, draft, line, line)
        elif line.kind == "level":
            if current is None or has_level:
                _say_misplaced_level(ctx, sheet, line, current)
                continue
            has_level = True
            _read_level(ctx, view, draft, current, line)
        elif line.kind == "evidence" and current is not None and current.number is not None:
            found = draft.items["capability"].get(current.number)
            if found is not None and found[1] is None:
                draft.items["capability"][current.number] = (found[0], line.value, found[2])
    if current is not None and not has_level:
        _say_no_level(ctx, sheet, current)
    if inline:
        _say_inline(ctx, sheet, inline)
    say_wrapped_lines(ctx, sheet, wrapped)
    return [draft]


def _reads_whole(ctx: ReadContext, text: str) -> int | None:
    """The capability a line names with its level at its end ("4 Dedicated Law Enforcement
    3"), ``None`` when it does not read so."""
    line = _inline(ctx, 0, 0, text)
    return line.number if line is not None and line.kind == "inline" else None


def _form_draft(ctx: ReadContext, sheet: Sheet, first: int) -> Draft | None:
    """The form's assessment, its country and year from the labels above row ``first`` (or
    the title line, the sheet's or the file's name); ``None`` when no Country label gives the
    country and it is none the app knows: lines naming capabilities with a number after them
    under a heading such as "Priorities for next year" are a list of notes, not a form (the
    sheet is skipped, with nothing said about how it would have been read)."""
    start = len(ctx.problems)
    reader = MetaReader(ctx, sheet)
    labelled = reader.labelled(first, 0, bottom=first)
    meta = with_context(ctx, sheet, labelled, first, country=True, empty=reader.empty)
    draft = Draft(sheet)
    apply_meta(draft, meta)
    draft.country_cell = reader.empty.get("country")
    name = draft.country or ""
    known = draft.iso3 or (name and (iso3_of(name) or alias_of(name)))
    if labelled.country or "country" in reader.empty or known:
        return draft
    del ctx.problems[start:]
    return None


def _with_values(sheet: Sheet, lines: list[_Line]) -> Sheet:
    """``sheet`` with each level's cell holding the level alone, its label or title left out,
    for the level to be read (and reported) as any level cell is."""
    rows = list(sheet.rows)
    for line in lines:
        if line.kind in ("level", "inline"):
            cells = list(rows[line.row])
            cells[line.column] = line.value
            rows[line.row] = tuple(cells)
    return replace(sheet, rows=rows, columns=None)


def _say_unread(ctx: ReadContext, sheet: Sheet, line: _Line) -> None:
    where = cell_address(line.row, line.column)
    ctx.add(
        "error",
        sheet,
        where,
        f"{quoted(sheet.value(line.row, line.column))} in {where}: {line.value}; it was not used.",
        "Write the capability's number and title, then its level (0 to 4), such as "
        "“1. Leadership – 3”, or use two columns headed Capability and Level.",
    )


def _say_misplaced_level(
    ctx: ReadContext, sheet: Sheet, line: _Line, current: _Line | None
) -> None:
    where = cell_address(line.row, line.column)
    after = (
        f"a second Level row under {quoted(_title(sheet, current))}"
        if current is not None
        else "a Level row above every capability's title"
    )
    ctx.add(
        "error",
        sheet,
        where,
        f"{quoted(sheet.value(line.row, line.column))} in {where} is {after}; it was not used.",
        "Write each capability's title (such as “1. Leadership”) on a row of its own, with "
        "one Level row under it.",
    )


def _say_inline(ctx: ReadContext, sheet: Sheet, inline: list[_Line]) -> None:
    cells = [cell_address(line.row, line.column) for line in inline]
    many = len(cells) > 1
    ctx.add(
        "warning",
        sheet,
        cells[0],
        f"The level{'s' if many else ''} of {len(cells)} capabilit{'ies' if many else 'y'} "
        f"({', '.join(cells[:3])}{', …' if len(cells) > 3 else ''}) {'were' if many else 'was'} "
        "read from the end of the cell that names the capability, such as "
        f"{quoted(sheet.value(inline[0].row, inline[0].column))}.",
        "Check the levels read. To be sure, write each capability and its level in two "
        "columns headed Capability and Level.",
    )


def _read_level(ctx: ReadContext, view: Sheet, draft: Draft, title: _Line, line: _Line) -> None:
    if title.number is None:
        return
    read_answers(
        ctx,
        view,
        draft,
        catalogue=ctx.capabilities,
        number=title.number,
        row=line.row,
        columns={"level": line.column},
    )


def _title(sheet: Sheet, line: _Line | None) -> Any:
    return sheet.value(line.row, line.column) if line is not None else ""


def _say_no_level(ctx: ReadContext, sheet: Sheet, title: _Line) -> None:
    where = cell_address(title.row, title.column)
    ctx.add(
        "error",
        sheet,
        where,
        f"{quoted(_title(sheet, title))} in {where} names a capability, but no Level row "
        "follows it before the next capability; it has no level.",
        "Add a row “Level: …” under the capability's title with its level (0 to 4), or "
        "“Level: not assessed”.",
    )


def _line(ctx: ReadContext, sheet: Sheet, row: int) -> _Line | None:
    """What row ``row`` is in a form typed as lines, ``None`` for anything else."""
    cells = sheet.rows[row]
    filled = [c for c, v in enumerate(cells) if cell_text(v) is not None]
    if not filled or len(filled) > 2 or not isinstance(cells[filled[0]], str):
        return None
    column = filled[0]
    text = " ".join(cells[column].split())
    beside = cells[filled[1]] if len(filled) == 2 else None
    # "Level | 3" in two cells, or "Level: 3" in one.
    field = classify_header(text.rstrip(" :"))
    if field in ("level", "evidence") and len(filled) == 2:
        if classify_header(beside) is not None:
            return None  # a table's header ("Capability Level | Comments"), not a label's row
        return _Line("level" if field == "level" else "evidence", row, filled[1], value=beside)
    labelled = _LABELLED.match(text)
    if labelled and len(filled) == 1:
        field = classify_header(labelled.group("label"))
        if field == "level":
            return _Line("level", row, column, value=labelled.group("rest") or None)
        if field == "evidence":
            return _Line("evidence", row, column, value=labelled.group("rest") or None)
    if len(filled) == 2:
        # "Leadership 3 | Pilot in two provinces": a title and its level merged, a remark beside.
        merged = _inline(ctx, row, column, text)
        merged = merged if merged is not None and merged.kind == "inline" else None
        return merged or _pair(ctx, row, filled[1], text, beside)
    # "1. Leadership – 3" is a title with a remark too: its level is looked for first.
    found = _inline(ctx, row, column, text)
    if found is not None:
        return found
    number = _titled(ctx, text)
    return _Line("title", row, column, number) if number is not None else None


def _pair(ctx: ReadContext, row: int, column: int, text: str, answer: Any) -> _Line | None:
    """A question naming one capability with its answer in the next cell ("How would you
    rate capability 4: Dedicated Law Enforcement? | 3 - Established"); a bare title beside
    a value is a table without its header, not a form's question."""
    number = header_item(text, ctx.capabilities)
    bare = _REFERENCE.sub("", text, count=1)
    if number is None or any(is_exact_title(t, ctx.capabilities) for t in (text, bare)):
        return None
    return _Line("pair", row, column, number, value=answer)


def _is_level(value: Any, scale: Any) -> bool:
    reading = parse_level(value, scale)
    return reading.level is not None and not reading.error


def _titled(ctx: ReadContext, text: str) -> int | None:
    """The capability a title cell names by its title (with or without its number, which
    must agree), ``None`` for a bare number or code ("3", "Capability 3")."""
    if not re.search(r"[^\W\d_]{3}", _REFERENCE.sub("", text, count=1)):
        return None
    return exact_reference(text, ctx.capabilities)


def _inline(ctx: ReadContext, row: int, column: int, text: str) -> _Line | None:
    """A capability's title with its level at the end ("1. Leadership – 3"); "unread", with
    what is wrong, for one that names a capability but cannot be read with certainty."""
    scale = ctx.framework.scale
    seen: str | None = None
    splits = [(text[: s.start()], text[s.end() :]) for s in _LEVEL_SEPARATOR.finditer(text)]
    # "4 Dedicated Law Enforcement 3": a PDF's row in one cell, a level after a space; read
    # only when all before it is a capability's title (a number after a title may be a year).
    spaced = None if splits else _SPACED_LEVEL.match(text)
    if spaced:
        splits.append((spaced.group(1), spaced.group(2)))
    for head, tail in splits:
        if not head or not tail:
            continue
        reading = parse_level(tail, scale)
        # A number alone at the end is meant as a level; "2019 law" is a remark.
        levelled = reading.level is not None or bool(_NUMBER_ONLY.match(tail))
        match = match_item(head, ctx.capabilities)
        if match.how == "conflict" and levelled:
            seen = (
                f"{quoted(head)} does not name one capability: its number and title disagree "
                f"({', '.join(ctx.capabilities.describe(n) for n in match.candidates)})"
            )
            continue
        number = _titled(ctx, head)
        if number is None:
            continue
        if reading.level is not None and not reading.error:
            return _Line("inline", row, column, number, value=tail)
        if seen is None and levelled and not spaced:
            seen = f"{quoted(tail)} after {quoted(head)} is not a level on the scale"
    return _Line("unread", row, column, value=seen) if seen is not None else None
