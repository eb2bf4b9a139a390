"""An online form's responses: each row one respondent's answers, never joined to another's.

In a form export (Google Forms, Microsoft Forms, SurveyMonkey, LimeSurvey and the like) every
row is a response of its own, given by one person at one time. So, unlike a table that writes
each country once over its rows:

- a response whose country question was left blank is refused, with an error naming its row:
  it is never given the country of the response above it (only a merged cell is filled down,
  as the person sees it);
- a response with no date (LimeSurvey's unfinished response with an empty "Date submitted",
  a facilitator's row typed under the export) takes its date from the response's other date
  column ("Date started", "Start time"), said in a warning; with none, a warning says that it
  was read without a date or year;
- responses of the same country and year (several officials answering the same day, one
  person sending the form again to correct it) are each read as an assessment of their own,
  never merged into one: one warning names them, and the upload page asks which to keep of
  those that share country, date and round. (Two sent by the same person, the later correcting
  the earlier, are decided before: ``resubmitted``.)
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Any

from components.base.text import normalise
from components.ingest.country_cell_fix import no_country
from components.ingest.drafts import Draft
from components.ingest.layout import CountryRows
from components.ingest.sheets import ReadContext, Sheet, cell_address, fill_down, quoted
from components.ingest.vocabulary import key_of

# A column that dates a response, by its header: "Date started", "Start time", "Date last
# action", "Heure de début", "Fecha de inicio", "Data de envio", "Horodateur".
_DATED = re.compile(
    r"\b(date|dates|time|timestamp|started|start|submitted|fecha|hora|heure|data|horodat\w*|"
    r"marca temporal|inicio|debut|envio|soumission|startdate|enddate|submissiondate)\b"
)
_DATE_TEXT = re.compile(
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|[^\W\d_]{3,}\.? \d{1,2},? \d{4}"
)
# The columns that say who answered: the same value on two responses is the same person.
_WHO = frozenset(
    {
        "email",
        "email address",
        "e mail",
        "e mail address",
        "name",
        "username",
        "user name",
        "respondent",
        "submitted by",
        "submittername",
        "adresse de messagerie",
        "adresse e mail",
        "courriel",
        "nom",
        "nom d utilisateur",
        "correo electronico",
        "direccion de correo electronico",
        "nombre",
        "nombre de usuario",
        "endereco de e mail",
        "endereco de email",
        "nome",
        "nome de usuario",
    }
)


def prepare_responses(
    ctx: ReadContext, sheet: Sheet, layout: CountryRows, headers: Mapping[int, str | None]
) -> None:
    """Refuse the responses with no country, and date those with none from their other date
    column, on ``sheet`` (the form's view, changed in place) before its rows are read."""
    country = layout.country
    when = next((layout.columns[f] for f in ("year", "date") if f in layout.columns), None)
    fill_down(sheet, [country])  # a merged cell: what the person sees beside every row
    answered = [
        row
        for row in range(layout.header + 1, len(sheet.rows))
        if any(sheet.value(row, c) is not None for c in layout.items)
    ]
    dated = when is not None and any(sheet.value(r, when) is not None for r in answered)
    for row in answered:
        if sheet.value(row, country) is None:
            _refuse_no_country(ctx, sheet, row, country, headers.get(country))
            sheet.rows[row] = ()
            sheet.columns = None
        elif when is not None and sheet.value(row, when) is None:
            _date_from_other(ctx, sheet, row, when, layout=layout, headers=headers, dated=dated)


def _refuse_no_country(
    ctx: ReadContext, sheet: Sheet, row: int, country: int, question: str | None
) -> None:
    cell = cell_address(row, country)
    asked = f" ({quoted(question)})" if question else ""
    shown = ctx.show(sheet, cell)  # "F3 is empty", or "F3 shows #N/A, a formula error"
    fix = f"Fill in the country of that response in {cell}, then upload the file again."
    ctx.add(
        "error",
        sheet,
        cell,
        f"The response in row {row + 1} does not answer the country question{asked} "
        f"({shown}), so whose assessment it is cannot be told, and it was not read. In a form "
        "export each row is a response of its own, so it is not given the country of the "
        "response above it.",
        no_country(ctx, sheet, row, cell)[1] if shown.endswith("a formula error") else fix,
    )
    ctx.watch_formula(sheet, row, country, f"the country of row {row + 1}")


def _date_from_other(
    ctx: ReadContext,
    sheet: Sheet,
    row: int,
    when: int,
    *,
    layout: CountryRows,
    headers: Mapping[int, str | None],
    dated: bool,
) -> None:
    empty = cell_address(row, when)
    named = headers.get(when)
    column = quoted(named) if named else f"column {cell_address(layout.header, when)[:-1]}"
    for other, text in sorted(headers.items()):
        if other in (when, layout.country) or other in layout.items or not text:
            continue
        value = sheet.value(row, other)
        if _DATED.search(key_of(text)) and _dates(value):
            cells = list(sheet.rows[row])
            cells.extend([None] * (when + 1 - len(cells)))
            cells[when] = value
            sheet.rows[row] = tuple(cells)
            sheet.columns = None
            ctx.add(
                "warning",
                sheet,
                empty,
                f"The response in row {row + 1} has no date under {column} ({empty} is "
                f"empty), so its date was taken from {quoted(text)} "
                f"({cell_address(row, other)}: {quoted(value)}). An unfinished response "
                "leaves its submission date empty.",
                f"If that is not the date of the assessment, write its date in {empty}, or "
                "delete the row if the response was not finished, then upload the file again.",
            )
            return
    if dated:  # with no date on any row, the sheet's own warning says it once
        ctx.add(
            "warning",
            sheet,
            empty,
            f"No date or year is given for the response in row {row + 1} ({empty} is "
            "empty), so its assessment was read without one.",
            f"Write the date of the assessment in {empty}, then upload the file again.",
        )


def _dates(value: Any) -> bool:
    if isinstance(value, datetime.date):
        return True
    return isinstance(value, str) and _DATE_TEXT.search(value) is not None


# What a form tool writes for a respondent it does not know: nobody in particular.
_NOBODY = frozenset(
    normalise(word)
    for word in (
        "anonymous",
        "anon",
        "anonyme",
        "anónimo",
        "anonimo",
        "unknown",
        "guest",
        "n/a",
        "na",
        "none",
        "null",
        "not provided",
        "respondent",
        "inconnu",
        "desconocido",
    )
)


def say_shared(
    ctx: ReadContext, sheet: Sheet, drafts: list[Draft], headers: Mapping[int, str | None]
) -> None:
    """One warning per country and year answered by more than one response: each was read
    as an assessment of its own; it names them, and two sent by the same person."""
    groups: dict[tuple[str, str, str], list[Draft]] = {}
    for draft in drafts:
        if draft.country is not None and draft.response:
            year = str(draft.year or "")
            groups.setdefault((normalise(draft.country), year, normalise(draft.round or "")), [])
            groups[(normalise(draft.country), year, normalise(draft.round or ""))].append(draft)
    who = respondent_columns(headers)
    for members in groups.values():
        if len(members) < 2:
            continue
        rows = [int(d.response[0]) for d in members]
        first = members[0]
        title = " ".join(p for p in (first.country, str(first.year or ""), first.round) if p)
        dates = {d.date for d in members}
        same_day = len(dates) < len(members)
        ctx.add(
            "warning",
            sheet,
            None,
            f"{len(members)} responses assess {title} (rows {_listed(rows)}); each was read as "
            "an assessment of its own, and none was merged into another."
            + _same_person(sheet, rows, who)
            + (
                " Those with the same date are shown as duplicates when you add them."
                if same_day
                else ""
            ),
            "If they are one assessment, agree on one set of levels and keep that one: when "
            "adding them, choose the one to keep, or delete the other rows and upload the file "
            "again. If a later response corrects an earlier one, delete the earlier row.",
        )


def respondent(value: Any) -> str | None:
    """A response's sender as its e-mail or name column gives it; ``None`` for a blank and
    for the tool's stand-in for an anonymous respondent (Microsoft Forms' "anonymous"), who
    is nobody in particular."""
    text = str(value).strip() if value is not None else ""
    return text if any(c.isalpha() for c in text) and normalise(text) not in _NOBODY else None


def respondent_columns(headers: Mapping[int, str | None]) -> list[int]:
    """The columns that say who sent each response (e-mail, name, user name)."""
    return [c for c, text in headers.items() if text and key_of(text) in _WHO]


def _same_person(sheet: Sheet, rows: list[int], who: list[int]) -> str:
    """Two responses of the group sent by the same person (same e-mail or name): the later
    one may correct the earlier. Said, never decided."""
    for column in who:
        seen: dict[str, int] = {}
        for row in rows:
            value = sheet.value(row - 1, column)
            if respondent(value) is None:
                continue
            key = normalise(str(value))
            if key in seen:
                return (
                    f" Rows {seen[key]} and {row} were sent by the same person "
                    f"({quoted(value)}): the later one (row {row}) may correct the earlier."
                )
            seen[key] = row
    return ""


def _listed(rows: list[int]) -> str:
    shown = [str(r) for r in rows]
    return shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} and {shown[-1]}"
