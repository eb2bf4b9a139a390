"""Headers in a language the reader does not know ("国家 | 年份 | 能力 | 等级", "Страна | Год").

The reader knows column headers in the languages of ``mnr_data/headers.toml`` (English, French,
Spanish and Portuguese); it does not translate others. A sheet on which no table was found,
whose top rows hold a row of headers none of which it knows, and in another script than the
Latin one, is skipped with those headers quoted and what to rename them to, rather than the
generic "no table was found".
"""

from __future__ import annotations

import unicodedata

from components.ingest.column_roles import header_item
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, quoted

# How many unknown headers the message quotes, and how long a header may be.
_SHOWN = 6
_HEADER_CHARS = 40


def foreign_headers(ctx: ReadContext, sheet: Sheet, scan_rows: int) -> str | None:
    """Why the sheet was skipped when its headers are in an unknown language and script;
    ``None`` otherwise."""
    best: tuple[int, int] | None = None  # (how many headers, row)
    for row in range(min(len(sheet.rows), scan_rows)):
        texts = _unknown(ctx, sheet, row)
        below = sheet.rows[row + 1] if row + 1 < len(sheet.rows) else ()
        table = texts is not None and len(texts) >= 2 and sum(v is not None for v in below) >= 2
        if table and (best is None or len(texts or ()) >= best[0]):
            best = (len(texts or ()), row)
    if best is None:
        return None
    row = best[1]
    texts = _unknown(ctx, sheet, row) or []
    shown = ", ".join(quoted(t) for t in texts[:_SHOWN])
    more = f" and {len(texts) - _SHOWN} more" if len(texts) > _SHOWN else ""
    return (
        f"the headers of row {row + 1} ({shown}{more}) are not ones the app knows: it reads "
        "headers in English, French, Spanish and Portuguese only, and does not translate "
        "others. Rename the columns Country, Year, Capability and Level (or Pays, Année, "
        "Capacité, Niveau), and name the capabilities by their number (1 to 21) or their "
        "English title"
    )


def _unknown(ctx: ReadContext, sheet: Sheet, row: int) -> list[str] | None:
    """The row's text cells when none is a known header or names a capability and most are
    in another script than the Latin one; ``None`` otherwise."""
    texts = [v.strip() for v in sheet.rows[row] if isinstance(v, str) and v.strip()]
    if not texts or any(len(t) > _HEADER_CHARS for t in texts):
        return None
    if any(classify_header(t) is not None or header_item(t, ctx.capabilities) for t in texts):
        return None
    foreign = sum(_non_latin(t) for t in texts)
    return texts if foreign * 2 > len(texts) else None


def _non_latin(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all("LATIN" not in unicodedata.name(c, "") for c in letters)
