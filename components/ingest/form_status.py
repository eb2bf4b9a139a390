"""A survey tool's own marks on a response: a preview or test, rejected by a reviewer, or not
finished.

Survey tools keep every response in their exports and mark the ones that are not real or
not complete in a column of their own:

- Qualtrics: ``Status`` ("IP Address", "Imported", "Survey Preview", "Survey Test", "Spam";
  in a numeric export 0, 4, 1, 2, 8), ``Finished`` (True/False or 1/0) and ``Progress``
  (0-100);
- Typeform: ``Response Type`` (completed, partial); Alchemer: ``Status`` (Complete, Partial,
  Disqualified, Deleted);
- KoboToolbox: ``_validation_status`` (validation_status_approved, …_not_approved,
  …_on_hold, or the labels "Approved", "Not Approved", "On Hold");
- ODK Central: ``ReviewState`` (approved, hasIssues, edited, rejected).

A preview or test is the form's designer trying it: it is left out, said in a warning. A
response the tool's reviewer rejected (spam, not approved, on hold, rejected, disqualified,
deleted) is left out too, said with how to include it. An unfinished response (partial,
``Finished`` false, ``Progress`` under 100) is read as given, with a warning naming the
capabilities it answered. Values this module does not know are left alone: the response is
read as it is.
"""

from __future__ import annotations

import re
from typing import Any

from components.base.text import normalise
from components.ingest.matching import Catalogue
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.vocabulary import key_of

# The columns holding a response's status (``key_of`` of any of the column's header texts).
_STATUS = frozenset(
    {
        "status",
        "response type",
        "responsetype",
        "validation status",
        "review state",
        "reviewstate",
        "review status",
    }
)
_FINISHED = frozenset({"finished"})
_PROGRESS = frozenset({"progress"})
_QUALTRICS_IDS = frozenset({"responseid", "response id", "_recordid", "recordid"})

PREVIEW, INVALID, UNFINISHED, ISSUES = "preview", "invalid", "unfinished", "issues"
# A status value (normalised) -> what it says about the response.
_VALUES = {
    **dict.fromkeys(
        (
            "survey preview",
            "survey test",
            "preview",
            "test",
            "test response",
            "preview spam",
            "offline survey preview",
            "apercu",
            "apercu de l enquete",
            "vista previa",
            "vista previa de la encuesta",
            "pre visualizacao",
            "previsualizacao",
        ),
        PREVIEW,
    ),
    **dict.fromkeys(
        (
            "spam",
            "imported spam",
            "rejected",
            "not approved",
            "on hold",
            "disqualified",
            "deleted",
            "validation status not approved",
            "validation status on hold",
            "rejete",
            "rejetee",
            "non approuve",
            "en attente",
            "rechazado",
            "rechazada",
            "no aprobado",
            "en espera",
            "rejeitado",
            "rejeitada",
            "nao aprovado",
            "em espera",
        ),
        INVALID,
    ),
    **dict.fromkeys(
        ("partial", "incomplete", "in progress", "partiel", "incomplet", "parcial", "incompleto"),
        UNFINISHED,
    ),
    **dict.fromkeys(("hasissues", "has issues"), ISSUES),
}
# Qualtrics' numeric Status codes, in an export of numeric values.
_QUALTRICS_CODES = {1: PREVIEW, 2: PREVIEW, 8: INVALID, 9: PREVIEW, 12: INVALID, 17: PREVIEW}
_QUALTRICS_FINE = frozenset({0, 4, 16})
_NOT_FINISHED = frozenset({"false", "0", "no", "faux", "non", "falso", "nao"})
_KOBO_UID = re.compile(r"validation_status_[a-z_]+")


def screen_responses(
    ctx: ReadContext,
    sheet: Sheet,
    *,
    headers: dict[int, tuple[str, ...]],
    rows: list[tuple[Any, ...]],
    first: int,
    country: int,
    items: dict[int, tuple[Catalogue, int]],
) -> set[int]:
    """Leave out (blank in ``rows``) the responses the tool marks as previews or rejected, and
    warn for each unfinished one; the status columns read, for no other message to name."""
    keys = {c: {key_of(t) for t in texts} for c, texts in headers.items() if c not in items}
    status = [c for c, k in keys.items() if k & _STATUS and c != country]
    finished = [c for c, k in keys.items() if k & _FINISHED]
    progress = [c for c, k in keys.items() if k & _PROGRESS]
    if not (status or finished or progress):
        return set()
    qualtrics = any(k & _QUALTRICS_IDS for k in keys.values())
    for row in range(first, len(rows)):
        if not rows[row]:
            continue
        marks = [(c, kind) for c in status if (kind := _status(rows[row], c, qualtrics))]
        marks += [(c, UNFINISHED) for c in finished if _unfinished(_value(rows[row], c))]
        marks += [(c, UNFINISHED) for c in progress if _partway(_value(rows[row], c))]
        if not marks:
            continue
        kinds = {kind for _, kind in marks}
        kind = next(k for k in (PREVIEW, INVALID, UNFINISHED, ISSUES) if k in kinds)
        said = [(c, v) for c, k in marks if k == kind and (v := _value(rows[row], c)) is not None]
        _say(
            ctx,
            sheet,
            rows=rows,
            row=row,
            country=country,
            items=items,
            kind=kind,
            said=said,
            headers=headers,
        )
        if kind in (PREVIEW, INVALID):
            rows[row] = ()
    return set(status + finished + progress)


def _value(cells: tuple[Any, ...], column: int) -> Any:
    value = cells[column] if column < len(cells) else None
    return None if isinstance(value, str) and not value.strip() else value


def _status(cells: tuple[Any, ...], column: int, qualtrics: bool) -> str | None:
    value = _value(cells, column)
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) or (isinstance(value, str) and value.strip().isdigit()):
        number = float(value)
        if not (qualtrics and number.is_integer()) or int(number) in _QUALTRICS_FINE:
            return None
        return _QUALTRICS_CODES.get(int(number))
    text = str(value)
    uid = _KOBO_UID.search(text)
    return _VALUES.get(normalise(uid.group(0) if uid else text))


def _unfinished(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value == 0
    return normalise(str(value)) in _NOT_FINISHED


def _partway(value: Any) -> bool:
    if isinstance(value, bool) or value is None:
        return False
    try:
        number = float(str(value).strip().rstrip("%"))
    except ValueError:
        return False
    return 0 <= number < 100


def _say(
    ctx: ReadContext,
    sheet: Sheet,
    *,
    rows: list[tuple[Any, ...]],
    row: int,
    country: int,
    items: dict[int, tuple[Catalogue, int]],
    kind: str,
    said: list[tuple[int, Any]],
    headers: dict[int, tuple[str, ...]],
) -> None:
    name = _value(rows[row], country)
    who = f"The response in row {row + 1}" + (f" ({quoted(name)})" if name is not None else "")
    marks = ", ".join(f"{quoted(headers[c][0])} {quoted(v)}" for c, v in said)
    cell = cell_address(row, said[0][0]) if said else None
    columns = " and ".join(f"{quoted(headers[c][0])} ({cell_address(0, c)})" for c, _ in said)
    if kind == PREVIEW:
        ctx.add(
            "warning",
            sheet,
            cell,
            f"{who} is marked by the survey tool as a preview or test of the form ({marks}), "
            "not a real answer; it was left out.",
            "Nothing to do if it was a test. If it is a real response, change its status in "
            f"the survey tool, or delete the column {columns}, then upload the file again.",
        )
    elif kind == INVALID:
        ctx.add(
            "warning",
            sheet,
            cell,
            f"{who} is marked as not valid in the survey tool ({marks}): its reviewer "
            "rejected it or did not approve it; it was left out.",
            "To include it, change its status in the survey tool and export the responses "
            f"again, or delete the column {columns}, then upload the file again.",
        )
    else:
        answered = _answered(rows[row], items)
        what = (
            "was not finished"
            if kind == UNFINISHED
            else "was marked by the tool's reviewer as having issues"
        )
        ctx.add(
            "warning",
            sheet,
            cell,
            f"{who} {what}, as the survey tool says ({marks}); it was read as given: "
            f"{answered}, the others not assessed.",
            "Check that this response is the one to keep; if the respondent finished it or "
            "corrected it later, upload the later export.",
        )


def _answered(cells: tuple[Any, ...], items: dict[int, tuple[Catalogue, int]]) -> str:
    """ "capabilities 1-9 answered", "capability 2 and enablers 1, 3 answered"."""
    found: dict[str, list[int]] = {}
    for column, (catalogue, number) in items.items():
        if _value(cells, column) is not None:
            found.setdefault(catalogue.kind, []).append(number)
    if not found:
        return "no capability answered"
    plural = {"capability": "capabilities", "enabler": "enablers"}
    parts = [
        f"{kind if len(numbers) == 1 else plural.get(kind, kind)} {_ranges(numbers)}"
        for kind, numbers in found.items()
    ]
    return " and ".join(parts) + " answered"


def _ranges(numbers: list[int]) -> str:
    """[1, 2, 3, 5] -> "1-3, 5"."""
    numbers = sorted(set(numbers))
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
