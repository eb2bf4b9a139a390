"""The app's own workshop votes file, uploaded again: named as what it is, not read.

A live workshop's votes are downloaded as an xlsx workbook (README, Votes, Agreement: see
``components.exports.workshop``) or as the Votes sheet alone in a csv. The Votes sheet holds
one row per participant and capability ("Capability no | Capability | Participant | Level |
Level label | Comment"), the Agreement sheet the room's votes per level, median and agreed
level per capability. Neither says whose assessment it is (no country, no year), and the
agreed levels are already an assessment "From a workshop" in the session that ran it. Read
as a table, the votes would be five levels per capability and the agreement a form without
a country. So these sheets are recognised by their headers, left out, and named in one
message saying what to upload instead (an error when nothing else is in the file).
"""

from __future__ import annotations

from components.ingest.sheets import ReadContext, Sheet, quoted
from components.ingest.vocabulary import key_of

# The headers that only the export's sheets have together, compared as ``key_of`` leaves them.
_VOTES = frozenset({"capability no", "participant", "level", "level label"})
_AGREEMENT = frozenset({"capability no", "votes per level", "median", "agreed level"})
# The export's README opens with this.
_README = "workshop votes:"


def without_workshop_votes(ctx: ReadContext, sheets: list[Sheet]) -> list[Sheet]:
    """``sheets`` without the sheets of the app's workshop votes file, said in one problem."""
    found = [s for s in sheets if _is_votes_sheet(s)]
    if not found:
        return sheets
    found = [s for s in sheets if s in found or _is_readme(s)]
    left = [s for s in sheets if s not in found]
    names = [quoted(s.name) for s in found if s.name is not None]
    where = (
        f"The sheets {', '.join(names[:-1])} and {names[-1]} are"
        if len(names) > 1
        else (f"The sheet {names[0]} is" if names else "This file is")
    )
    ctx.add(
        "error" if not any(s.rows for s in left) else "warning",
        found[0] if len(found) == 1 else None,
        None,
        f"{where} the dashboard's own download of a live workshop's votes (each "
        "participant's level per capability, and what the room agreed), with no country and "
        "no year. Votes are not an assessment, so "
        + ("nothing in the file was read." if not left else "they were left out."),
        "The levels the room agreed are the workshop's assessment, in the session that ran "
        "it (and in the library, if it was saved): download that assessment (Excel or CSV) "
        "and upload that file instead. Or type the agreed levels into the template, with the "
        "country and the year.",
    )
    return left


def _is_votes_sheet(sheet: Sheet) -> bool:
    if not sheet.rows:
        return False
    header = {key_of(v) for v in sheet.rows[0] if isinstance(v, str)}
    return header >= _VOTES or header >= _AGREEMENT


def _is_readme(sheet: Sheet) -> bool:
    first = sheet.rows[0][0] if sheet.rows and sheet.rows[0] else None
    return isinstance(first, str) and first.strip().casefold().startswith(_README)
