"""Harvey balls written as words: Smartsheet's "Empty", "Quarter", "Half", "Three Quarter",
"Full".

Smartsheet's Harvey-ball symbol column exports each ball as its name, and the key beside the
table names them too ("Empty = Not in place, Quarter = Building, …"). ``mark_keys`` reads
balls through the file's key; these words are read as the balls they name ("Quarter" is
"◔"), so that a key of words reads cells of words, and a key of balls cells of either. Without
a key they stay refused, as balls do: how full a ball a level is, is for the file to say.
"""

from __future__ import annotations

import re

from components.base.text import normalise
from components.ingest.values import LevelReading

# Each ball's names, normalised, and the ball.
_BALLS = {
    "empty": "○",
    "quarter": "◔",
    "one quarter": "◔",
    "half": "◑",
    "three quarter": "◕",
    "three quarters": "◕",
    "full": "●",
}
# The names in a text (a key's line), the longest first ("Three Quarter" before "Quarter").
_NAMES = re.compile(
    r"(?<![^\W\d_])(three[\s-]+quarters?|one[\s-]+quarter|quarter|half|empty|full)(?![^\W\d_])",
    re.IGNORECASE,
)
# A key names two balls at least; a text naming one ("Full time") is no key.
_FEWEST = 2


def ball_of_word(value: str) -> str | None:
    """The ball a cell names by its word alone ("Three Quarter": "◕"), else ``None``."""
    return _BALLS.get(normalise(value)) if len(value) <= 20 else None


def with_balls(text: str) -> str:
    """``text`` with the balls' names written as the balls, when it names two different balls
    at least (a key's line); else ``text`` as it is."""
    found = {normalise(m) for m in _NAMES.findall(text)}
    if len({_BALLS[name] for name in found if name in _BALLS}) < _FEWEST:
        return text
    return _NAMES.sub(lambda m: _BALLS.get(normalise(m.group(1)), m.group(1)), text)


def unkeyed_ball(value: object) -> LevelReading | None:
    """For a level cell holding a Harvey ball, or its name, that no key of the file gives a
    level: the refusal, saying what the cell is and how to have it read; else ``None``."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if ball_of_word(text) is None and text not in _BALLS.values():
        return None
    return LevelReading(
        error=f"“{text}” is a Harvey ball (as Smartsheet exports its symbols), and no key in "
        "the file says which level each ball stands for",
        fix="Add the key under the table, such as “Empty = Not in place, Quarter = Building, "
        "Half = Developing, Three Quarter = Established, Full = Mature”, or write each level "
        "as its number (0 to 4).",
    )
