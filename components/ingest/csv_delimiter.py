"""Which of comma, semicolon, tab or pipe separates a csv's values.

Excel writes commas, or semicolons where the decimal mark is a comma (French, Spanish,
Portuguese, German settings); database exports write tabs or pipes. Text cells hold the other
separators ("Loi (2019); décret", "see report, p. 4", "1 | Leadership"), apostrophes
("l'État", "it's"), quoted words ("see 'Leadership' note") and decimal commas ("2,5"). So the
separator is not guessed from where quotes are, as ``csv.Sniffer`` does (it takes
`` 'Leadership' `` for a field quoted with ``'`` between spaces and then splits on spaces):
each candidate splits the lines as the reader will (fields quoted with ``"`` only), and the one
giving the same number of fields (at least two) on the most lines wins; on a tie, the one
giving more fields. A first line ``sep=;`` (Excel's own way to name it) is taken at its word.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

_CANDIDATES = (",", ";", "\t", "|")
# How many lines (records) are looked at.
_RECORDS = 200
_SEP_LINE = re.compile(r"\ufeff?\s*sep=(.)[ \t]*", re.IGNORECASE)


def sniff_delimiter(sample: str) -> str:
    """The separator of the csv text ``sample`` (its start): ",", ";", "\\t" or "|"; a comma
    when no candidate splits at least two lines alike (a one-column list)."""
    text = sample.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line for line in text.split("\n", 20)[:20] if line.strip()]
    named = _SEP_LINE.fullmatch(lines[0]) if lines else None
    if named and named.group(1) in _CANDIDATES:
        return named.group(1)
    # Two lines alike at least, unless the file has one line only.
    needed = min(2, len(lines))
    best, best_score = ",", (0, 0)
    for delimiter in _CANDIDATES:
        if delimiter not in text:
            continue
        score = _consistency(text, delimiter)
        if score[0] >= needed and score > best_score:
            best, best_score = delimiter, score
    return best


def _consistency(text: str, delimiter: str) -> tuple[int, int]:
    """(how many lines have the commonest number of fields, that number), counting only
    numbers of two or more."""
    widths: Counter[int] = Counter()
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, quotechar='"', strict=False)
    try:
        for index, record in enumerate(reader):
            if index >= _RECORDS:
                break
            if len(record) >= 2:
                widths[len(record)] += 1
    except csv.Error:  # a runaway quoted field: what came before it still counts
        pass
    if not widths:
        return (0, 0)
    width, lines = max(widths.items(), key=lambda item: (item[1], item[0]))
    return (lines, width)
