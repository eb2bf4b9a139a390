"""What a person reads in Markdown the app sends: escapes and invisible link breakers removed.

AppTest gives the Markdown source of messages and labels; user text in it is escaped
(``components.base.text.escape_markdown``). Tests compare what is *read* with this.
"""

from __future__ import annotations

import re

from components.base.text import WORD_JOINER

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def as_read(markdown: object) -> str:
    """The text a person reads: ``Zembla 2024\\: saved`` reads ``Zembla 2024: saved``."""
    return _ESCAPE.sub(r"\1", str(markdown)).replace(WORD_JOINER, "")
