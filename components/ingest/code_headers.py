"""A header written as a country's ISO3 code in capitals ("NAM", "TUR"): that country's column.

A table of countries across is often headed by their codes. Some codes read as a header word
of a language the app knows once accents and case are set aside: "NAM" as Vietnamese "Năm"
(year). Written in capitals and known to pycountry as a code, it is the country's, never a
header word (a header word typed in capitals that is no code, "ANNÉE", "NIVEAU", stays one).
"""

from __future__ import annotations

import re

from components.ingest.countries import country_of_code

_CODE = re.compile(r"[A-Z]{3}")


def is_code_header(text: str) -> bool:
    """Whether a header is a country's ISO3 code in capitals ("NAM")."""
    stripped = text.strip()
    return _CODE.fullmatch(stripped) is not None and country_of_code(stripped) is not None
