"""A csv whose every line is quoted whole: ``"Country,Year,Capability,Level"``.

Some web tools, and a text qualifier applied to whole lines, write each line as one quoted
field holding the separators. Split as usual it is one column of whole lines, and the layout
step would say something misleading ("a Level column but no column naming the capability").
When every non-blank line is exactly one quoted field that one separator splits in two or
more, the quotes are taken off (a doubled quote inside becomes the quote it stands for) and
the file is read from what they held, with a warning saying so. Anything else stays as it was.
"""

from __future__ import annotations

import csv

_SEPARATORS = (",", ";", "\t", "|")

FIX_WHOLE_LINES = (
    "Nothing to do if the data look right. To avoid this note, open the file in Excel "
    "(Data > From Text/CSV) and save it as “CSV UTF-8 (Comma delimited)”."
)


def unquote_whole_lines(text: str) -> tuple[str, str | None]:
    """``text`` with the quotes around each whole line taken off when every line is quoted
    whole, and its first line as written (for ``whole_lines_note``); else ``text``, None."""
    lines = text.splitlines()
    filled = [line.strip() for line in lines if line.strip()]
    if len(filled) < 2 or not all(
        len(line) > 2 and line[0] == '"' and line[-1] == '"' for line in filled
    ):
        return text, None
    try:
        fields = list(csv.reader(filled, delimiter="\x00", quotechar='"', strict=True))
    except csv.Error:
        return text, None
    if any(len(row) != 1 for row in fields):
        return text, None
    inner = [row[0] for row in fields]
    # Every line split in two or more by one separator: a table, not lines of quoted text.
    if not any(
        all(len(row) > 1 for row in csv.reader(inner, delimiter=sep)) for sep in _SEPARATORS
    ):
        return text, None
    it = iter(inner)
    return "\n".join(next(it) if line.strip() else "" for line in lines), filled[0]


def whole_lines_note(first_line: str) -> tuple[str, str]:
    """The warning (message, fix) for a file read from inside its quoted lines;
    ``first_line`` as a message quotes it."""
    return (
        f"Every line of the file is one quoted text (such as {first_line}), as when a text "
        "qualifier is put around whole lines; the quotes were taken off and the values between "
        "the separators were read.",
        FIX_WHOLE_LINES,
    )
