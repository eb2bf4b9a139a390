"""A csv whose separator is none the reader knows.

The reader splits a csv at commas, semicolons, tabs or pipes, whichever occurs alike on each
line. A file separated by something else ("Country~Year~Level", "Country^Year^Level") is then
one column of whole lines, and what the layout step would say of it ("a Level column but no
column naming the capability") would mislead. ``unsplit_separator`` finds the character that
recurs alike on each line when the separator used is missing from most of them, so that the
message can name it.
"""

from __future__ import annotations

from collections import Counter

# How many non-blank lines are looked at.
_LINES = 50


def unsplit_separator(text: str, delimiter: str) -> str | None:
    """The punctuation that occurs the same number of times (at least twice) on each of the
    first lines, when ``delimiter`` is missing from most of them: the file's real separator."""
    lines = [line for line in text[:65536].splitlines()[: 2 * _LINES] if line.strip()][:_LINES]
    if len(lines) < 2 or sum(delimiter in line for line in lines) * 2 >= len(lines):
        return None
    counts = [Counter(c for c in line if not (c.isalnum() or c.isspace())) for line in lines]
    for char, count in counts[0].most_common():
        if count >= 2 and char != '"' and all(other[char] == count for other in counts[1:]):
            return char
    return None
