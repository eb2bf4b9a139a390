"""Responses a form's own designer sent to try it, left in the export: "test - please ignore".

Google and Microsoft Forms keep no status column: the person who built the form tries it and
the try stays among the real answers, told apart only by what was typed in a free-text
answer (organisation, name, comment): "test", "TEST - ignore", "testing the form", "asdf".
A careful reader drops such a row; ``drop_test_responses`` does so, with a warning naming the row
and the answer that marks it.

An answer marks a test only when every word of it is a test word ("test", "testing",
"asdf", "dummy", in the languages the app reads) or a word around one ("please", "ignore",
"the form"), and at least one is a test word: "Testing and Certification Agency" names an
organisation, "test - please ignore" does not. An e-mail address is judged by its part before
the "@" ("test@…", "testing.form@…"). The capabilities' answers, the country and the
tool's dates are never looked at.
"""

from __future__ import annotations

import re
from typing import Any

from components.base.text import normalise
from components.ingest.matching import Catalogue
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted

# The words that make an answer a try of the form ("asdf", "qwerty": keys typed at random).
_TEST = re.compile(
    r"(?:test|tests|testing|tested|tester|(?:asdf)+|asd|qwerty|dummy|lorem|ipsum|xxx+|zzz+"
    r"|prueba|pruebas|probando|essai|essais|teste|testando|testes)\d*"
)
# Words said around a test word; alone they mark nothing.
_AROUND = frozenset(
    " ".join(
        (
            "please pls plz ignore ignored disregard delete the a an this is it form forms",
            "survey only just response answer entry submission record row do not dont use",
            "me my run by owner admin user for of to 1 2 3",
            "ne pas tenir compte de du le la les ce ceci formulaire reponse ignorer svp",
            "por favor ignorar el lo este esta formulario respuesta no borrar",
            "o um uma isso resposta nao usar apagar",
        )
    ).split()
)


def drop_test_responses(
    ctx: ReadContext,
    sheet: Sheet,
    *,
    headers: dict[int, tuple[str, ...]],
    rows: list[tuple[Any, ...]],
    first: int,
    country: int,
    items: dict[int, tuple[Catalogue, int]],
    dates: frozenset[int],
) -> None:
    """Leave out (blank in ``rows``) each response whose free-text answers say it is a test of
    the form, with a warning naming the row and the answer."""
    looked = [c for c in headers if c not in items and c != country and c not in dates]
    for row in range(first, len(rows)):
        cells = rows[row]
        if not cells:
            continue
        marks = [(c, v) for c in looked if c < len(cells) and is_test_answer(v := cells[c])]
        if not marks:
            continue
        column, value = marks[0]
        name = cells[country] if country < len(cells) else None
        who = f"The response in row {row + 1}" + (f" ({quoted(name)})" if name else "")
        header = headers[column][0] if headers[column] else cell_address(0, column)
        ctx.add(
            "warning",
            sheet,
            cell_address(row, column),
            f"{who} looks like a test of the form, not a real answer: its "
            f"{quoted(header)} says {quoted(value)}; it was left out.",
            "Nothing to do if it was a test. If it is a real response, change that answer in "
            f"the file ({cell_address(row, column)}), then upload the file again.",
        )
        rows[row] = ()


def is_test_answer(value: Any) -> bool:
    """Whether a free-text answer says the response is a test ("test - please ignore",
    "asdf", "test@example.org"), not an answer that merely holds the word."""
    if not isinstance(value, str) or not value.strip() or len(value) > 80:
        return False
    text = value.strip()
    if "@" in text:
        text = text.split("@", 1)[0]
    words = normalise(re.sub(r"[._\-/]+", " ", text)).split()
    if not words or len(words) > 8:
        return False
    tests = [w for w in words if _TEST.fullmatch(w)]
    return bool(tests) and all(w in _AROUND or _TEST.fullmatch(w) for w in words)
