"""Headers in a language the reader does not know ("Χώρα | Έτος | Επίπεδο", "Lp. | Poziom").

The reader knows column headers in the languages of ``mnr_data/headers.toml`` (``LANGUAGES``
names them); it does not translate others. A sheet on which no table was found, whose top rows
hold a row of headers none of which it knows, and in another script than the Latin one, is
skipped with those headers quoted, the languages the app reads and what to rename them to,
rather than the generic "no table was found". A row of headers in the Latin script, such as
Polish or Tagalog, is said so when it stands right above rows that name the capabilities with
levels beside them (``missing_header`` finds those rows and asks here,
``unknown_header_row``): the header row was found, and its words were not understood.
"""

from __future__ import annotations

import unicodedata

from components.ingest.column_roles import header_item
from components.ingest.matching import classify_header
from components.ingest.sheets import ReadContext, Sheet, quoted
from components.ingest.vocabulary import default_vocabulary

# How many unknown headers the message quotes, and how long a header may be.
_SHOWN = 6
_HEADER_CHARS = 40
# The sections of mnr_data/headers.toml by the names of their languages (an organisation's own
# section is named by its own name).
LANGUAGES = {
    "en": "English", "fr": "French", "es": "Spanish", "pt": "Portuguese", "de": "German",
    "ar": "Arabic", "ur": "Urdu", "fa": "Persian", "ru": "Russian",
    "id": "Indonesian and Malay", "tr": "Turkish", "vi": "Vietnamese", "sw": "Swahili",
    "th": "Thai", "zh": "Chinese", "it": "Italian", "nl": "Dutch",
}  # fmt: skip
_RENAME = (
    "Rename the columns Country, Year, Capability and Level (or Pays, Année, Capacité, "
    "Niveau), and name the capabilities by their number (1 to 21) or their English title"
)


def known_languages() -> str:
    """The languages whose headers the app reads, as a message names them."""
    names = [LANGUAGES.get(code, code) for code in default_vocabulary().languages]
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else "".join(names)


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
    return (
        f"the headers of row {row + 1} ({_shown(texts)}) are not ones the app knows: it reads "
        f"headers in {known_languages()} only, and does not translate others. {_RENAME}"
    )


def unknown_header_row(ctx: ReadContext, sheet: Sheet, row: int, written: str) -> str | None:
    """The message's end when ``row`` holds headers none of which the app knows, in any
    script, right above rows that name the capabilities (``missing_header``); ``written`` says
    which heading to write over which column. ``None`` when the row holds no such headers."""
    texts = [v.strip() for v in sheet.rows[row] if isinstance(v, str) and v.strip()]
    if len(texts) < 2 or any(len(t) > _HEADER_CHARS for t in texts):
        return None
    if any(classify_header(t) is not None or header_item(t, ctx.capabilities) for t in texts):
        return None
    return (
        f"row {row + 1} holds the table's headers ({_shown(texts)}) over the rows that name "
        "the capabilities, but none of them is a header the app knows (it reads headers in "
        f"{known_languages()}), so which column holds the level is not said. Write "
        f"{written} in that row (or the same words in one of those languages)"
    )


def _shown(texts: list[str]) -> str:
    more = f" and {len(texts) - _SHOWN} more" if len(texts) > _SHOWN else ""
    return ", ".join(quoted(t) for t in texts[:_SHOWN]) + more


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
