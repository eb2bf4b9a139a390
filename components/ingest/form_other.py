"""A form's country question answered "Other (please specify)", "Prefer not to say" or "N/A".

Form tools offer such choices beside the list of countries, and they are never a country.
SurveyMonkey, Qualtrics and KoboToolbox put the text typed for "Other" in a column of its own:
the column right of the question (SurveyMonkey's "Other (please specify)" under the question,
Qualtrics' "… - Other - Text"), or a column headed for it ("Other country", "Specify other
country"). When a response answered Other and typed a country there, that country is read,
said in a warning; otherwise the response is not read, and an error says its answer is not a
country and how to give one.
"""

from __future__ import annotations

from typing import Any

from components.base.text import normalise
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.vocabulary import default_vocabulary, key_of

# The answers that are not a country (normalised; "(please specify)" asides taken off too).
_NOT_A_COUNTRY = frozenset(
    normalise(text)
    for text in (
        "Other",
        "Others",
        "Other (please specify)",
        "Other, please specify",
        "Other country",
        "Prefer not to say",
        "Prefer not to answer",
        "I prefer not to say",
        "Not listed",
        "My country is not listed",
        "Not in the list",
        "N/A",
        "Not applicable",
        "None of the above",
        "Autre",
        "Autres",
        "Autre pays",
        "Je préfère ne pas répondre",
        "Préfère ne pas répondre",
        "Non listé",
        "Otro",
        "Otra",
        "Otros",
        "Otro país",
        "Prefiero no decirlo",
        "Prefiero no responder",
        "No aparece en la lista",
        "Outro",
        "Outra",
        "Outros",
        "Outro país",
        "Prefiro não dizer",
        "Prefiro não responder",
        "Não listado",
    )
)
# Words of a header for the text typed for "Other".
_OTHER_WORDS = frozenset(
    {
        "other",
        "others",
        "specify",
        "autre",
        "autres",
        "preciser",
        "precisez",
        "otro",
        "otra",
        "especifique",
        "especificar",
        "outro",
        "outra",
    }
)


def is_other_answer(value: Any) -> bool:
    """Whether a country question's answer is one of the choices that are not a country."""
    if not isinstance(value, str):
        return False
    return normalise(value) in _NOT_A_COUNTRY or key_of(value) in _NOT_A_COUNTRY


def other_answers(
    ctx: ReadContext,
    sheet: Sheet,
    *,
    headers: dict[int, tuple[str, ...]],
    rows: list[tuple[Any, ...]],
    first: int,
    country: int,
    taken: set[int],
) -> set[int]:
    """Give each response answering "Other" the country typed in the Other column (said), or
    leave it out (blank in ``rows``) with an error; the Other column, when there is one."""
    other = _other_column(headers, country, taken)
    for row in range(first, len(rows)):
        cells = rows[row]
        if not cells or not is_other_answer(answer := _value(cells, country)):
            continue
        typed = _value(cells, other) if other is not None else None
        if other is not None and isinstance(typed, str) and not is_other_answer(typed):
            updated = list(cells) + [None] * (country + 1 - len(cells))
            updated[country] = typed.strip()
            rows[row] = tuple(updated)
            ctx.add(
                "warning",
                sheet,
                cell_address(row, other),
                f"The response in row {row + 1} answered {quoted(answer)} to the country "
                f"question ({cell_address(row, country)}); the country typed for it in "
                f"{cell_address(row, other)} ({quoted(typed)}) was read.",
                "Check that this is the response's country.",
            )
            continue
        ctx.add(
            "error",
            sheet,
            cell_address(row, country),
            f"The response in row {row + 1} answered {quoted(answer)} to the country question, "
            "which is not a country"
            + (
                f", and nothing was typed for it in {cell_address(row, other)}"
                if other is not None
                else ""
            )
            + "; it was not read.",
            f"Write the response's country in {cell_address(row, country)} in place of "
            f"{quoted(answer)}, then upload the file again.",
        )
        rows[row] = ()
    return set() if other is None else {other}


def without_other_text(columns: list[int], headers: dict[int, tuple[str, ...]]) -> list[int]:
    """The country questions of ``columns`` that are not the text typed for another's
    "Other" (Qualtrics' "Which country…? - Other (please specify) - Text" beside "Which
    country…? - Selected Choice"): that column is read for the responses answering Other."""
    chosen = [c for c in columns if not any(_says_other(t) for t in headers.get(c, ()))]
    return chosen if chosen and len(chosen) < len(columns) else columns


def _value(cells: tuple[Any, ...], column: int) -> Any:
    value = cells[column] if column < len(cells) else None
    return None if isinstance(value, str) and not value.strip() else value


def _other_column(headers: dict[int, tuple[str, ...]], country: int, taken: set[int]) -> int | None:
    """The column of the text typed for the country question's "Other": the one right of the
    question when its header says Other, else the only one whose header says Other and names
    the country, else the only one headed just "Other (please specify)"."""
    words = default_vocabulary().country_questions
    candidates = [
        c
        for c, texts in headers.items()
        if c != country and c not in taken and any(_says_other(t) for t in texts)
    ]
    if country + 1 in candidates:
        return country + 1
    about = [c for c in candidates if any(set(normalise(t).split()) & words for t in headers[c])]
    if len(about) == 1:
        return about[0]
    bare = [c for c in candidates if any(is_other_answer(t) for t in headers[c])]
    return bare[0] if len(bare) == 1 else None


def _says_other(text: str) -> bool:
    return bool(set(normalise(text).split()) & _OTHER_WORDS)
