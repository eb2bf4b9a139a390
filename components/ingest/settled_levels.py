"""Several level columns, one of them the settled level: "Self-assessed level" | "Validated level".

A peer review's long table gives each capability's self-assessed level and the validated one,
often under a note that the validated level is the official result; a validation exercise
heads them "Initial score" | "Final score", "Level" | "Agreed level". When exactly one of the
level columns is headed as settled (validated, final, agreed, consensus, official: see
``sub_headings``) and the others as self-assessed, a draft or the plain level, it is the
level: the table is read from it, with a warning naming the columns set aside. Two settled
columns, a revised one beside a validated one, or none headed so stay the person's choice
(the reader's refusal, ``left_out.say_several_levels``).
"""

from __future__ import annotations

from dataclasses import replace

from components.ingest.column_groups import Parse, Part, heading_text, read_parts
from components.ingest.drafts import Draft
from components.ingest.layout import SeveralLevels
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.sub_headings import sub_heading


def read_settled(
    ctx: ReadContext, sheet: Sheet, layout: SeveralLevels, parse: Parse
) -> list[Draft] | None:
    """The drafts read from the one settled level column of ``layout``, the others set
    aside with a warning; ``None`` when no one column is headed as settled."""
    heads = {c: sheet.value(layout.header, c) for c in layout.columns}
    headings = {c: sub_heading(value) for c, value in heads.items()}
    settled = [c for c, h in headings.items() if h is not None and h.role == "settled"]
    if len(settled) != 1:
        return None
    chosen = settled[0]
    others = [c for c in layout.columns if c != chosen]
    for column in others:
        heading = headings[column]
        if heading is None or heading.role not in ("self", "level"):
            return None
        if heading.key != headings[chosen].key:  # "Level 2021" beside "Validated level 2023"
            return None
    rows = list(sheet.rows)
    # "Nivel consensuado" is a level heading beside another only: alone, it is headed so.
    chosen_head = heads[chosen] if classify_header(heads[chosen]) == "level" else "Level"
    rows[layout.header] = tuple(
        None if c in others else chosen_head if c == chosen else value
        for c, value in enumerate(rows[layout.header])
    )
    copy = replace(sheet, rows=rows, columns=None)
    where = cell_address(layout.header, chosen)
    aside = ", ".join(f"{quoted(heads[c])} ({cell_address(layout.header, c)})" for c in others)
    # Rows not settled yet: the self-assessment is no settled level, so not assessed, said.
    unsettled = [
        row + 1
        for row in range(layout.header + 1, len(sheet.rows))
        if sheet.value(row, chosen) is None and any(sheet.value(row, c) is not None for c in others)
    ]
    open_rows = (
        f" Rows {', '.join(map(str, unsettled[:5]))}{', …' if len(unsettled) > 5 else ''} "
        f"({len(unsettled)} in all) have no level under {quoted(heads[chosen])}: they were read as "
        "not assessed."
        if unsettled
        else ""
    )
    ctx.add(
        "warning",
        sheet,
        where,
        f"Several columns are headed like the level: the levels read are those of "
        f"{quoted(heads[chosen])} ({where}), headed as the settled level; {aside} "
        f"{'was' if len(others) == 1 else 'were'} set aside.{open_rows}",
        "If the levels set aside are the ones to read, choose that column in “Fix how this "
        "file is read” below the file.",
    )
    return read_parts(ctx, sheet, [Part(copy, None, heading_text(heads[chosen]))], parse)
