"""Online-form exports: Google Forms, Microsoft Forms, SurveyMonkey, Qualtrics and the like.

One row per response, a question asking for the country, and one question per capability,
its header naming the capability in the tool's own way: Google's grid "Rate each capability
[Leadership]", Microsoft's "1. Leadership – what is the current level?", SurveyMonkey's second
header row (the capability titles under a matrix question, "Response" under the others), or
Qualtrics' question-text row ("Rate each capability - Leadership") between its column ids and
its ImportId row. ``read_form`` sees such a sheet by its top rows and reads it as the reader's
wide shape (one row per assessment, capabilities across) with ``parse``; the tool's own
columns (respondent id, IP address, progress) are left quietly, and an id is never a country.
A sheet that is not recognisably a form export is left to the other layouts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from components.base.text import normalise
from components.ingest.column_roles import is_notes
from components.ingest.drafts import Draft
from components.ingest.form_enablers import named_enablers
from components.ingest.form_options import PLACEHOLDERS, choose_options, option_levels
from components.ingest.form_other import other_answers, without_other_text
from components.ingest.form_responses import prepare_responses, say_shared
from components.ingest.form_states import set_aside, without_state
from components.ingest.form_status import screen_responses
from components.ingest.form_tests import drop_test_responses
from components.ingest.geo_columns import not_located
from components.ingest.layout import MIN_KEY_MATCHES, CountryRows
from components.ingest.limesurvey import refuse_question_codes
from components.ingest.listed_names import page_title_columns
from components.ingest.matching import Catalogue, Field, classify_header, exact_reference
from components.ingest.parse import parse_country_rows
from components.ingest.question_codes import question_text
from components.ingest.response_dates import response_date
from components.ingest.resubmitted import keep_corrections
from components.ingest.reworded_headers import question_code
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.title_variants import worded_off
from components.ingest.tool_columns import is_tool_column
from components.ingest.values import parse_level
from components.ingest.vocabulary import default_vocabulary, key_of

# A form export's headers are its first rows: the question (or column id), the text under a
# matrix question or the question text, and Qualtrics' ImportId row.
FORM_HEADER_ROWS = 3
# Rows of answers looked at to tell a question's answers apart (levels, names, numbers).
SAMPLE_ROWS = 40
_BRACKETS = re.compile(r"\[([^\[\]]+)\]\s*$")
_SEPARATORS = re.compile(r"\s+[-–—:|]\s+|:\s+")
# A matrix's statement after its question's full stop: Microsoft Forms' Likert "Rate each
# capability..Leadership" (its question's "." then its own), "Rate each capability. Leadership",
# and Qualtrics' legacy export's "…in your country.-Leadership".
_STATEMENT = re.compile(r"\.\.\s*|\.-\s*|\.\s+")
# ODK Central's and SurveyCTO's csv: a question in a group is "group-question", in snake_case
# ("mnr-research_analysis_and_monitoring"); the name after the group's is the question's.
_ODK_GROUP = re.compile(r"[A-Za-z][\w.]*-(?P<last>[A-Za-z]\w*)")
_IMPORT_ID = re.compile(r'^\s*\{\s*"ImportId"', re.IGNORECASE)

FIX_FORM = (
    "Keep one question that asks for the country (for example “Which country does this "
    "assessment cover?”), or add a column headed Country with each response's country."
)


def read_form(ctx: ReadContext, sheet: Sheet) -> list[Draft] | None:
    """The assessments of an online-form export on ``sheet``, one per response (country and
    date); ``None`` when the sheet is not one, for the other layouts to read."""
    shape = _find_form(ctx, sheet)
    if shape is None:
        refused = _without_titles(ctx, sheet)
        return refused if refused is not None else refuse_question_codes(ctx, sheet)
    countries = [c for c in shape.asked if _holds_names(sheet, c, shape.first)]
    if len(countries) > 1 and len(shape.plain_country) == 1:
        countries = shape.plain_country
    countries = without_other_text(countries, {c: shape.headers[c].texts for c in countries})
    # No question asks for it: a page's title ("Colombia 2022") may name each row's country.
    countries = countries or page_title_columns(ctx, sheet, shape.first, _unasked(shape))
    if len(countries) != 1:
        cells = ", ".join(cell_address(shape.headers[c].row, c) for c in countries)
        ctx.add(
            "error",
            sheet,
            None,
            "This looks like an online form export (one row per response, a question per "
            "capability), but "
            + (
                f"more than one question asks for the country ({cells})"
                if countries
                else "no question asks for the country"
            )
            + "; it was not read.",
            FIX_FORM,
        )
        return []
    country = countries[0]
    rows = list(sheet.rows)
    if shape.options:
        shape = replace(shape, **_chosen(ctx, sheet, shape, rows))
    items = _choose_items(ctx, sheet, shape)
    _say_worded_off(ctx, sheet, shape, items)
    items.update({c: (ctx.enablers, n) for c, n in shape.enablers.items()})
    texts = {column: found.text for column, found in shape.headers.items()}
    date = response_date(shape.dates, texts)  # the date asked for, else the tool's first
    columns: dict[Field, int] = {} if date is None else {"date": date}
    # A question asking for the year ("Year of assessment") says when, not the tool's time.
    years = [c for c in shape.dates if classify_header(shape.headers[c].text) == "year"]
    if len(years) == 1:
        columns = {"year": years[0]}
    header: list[Any] = [None] * len(shape.headers)
    for column, found in shape.headers.items():
        if column in items:
            header[column] = items[column][0].titles[items[column][1]]
        elif column == country:
            header[column] = "Country"
        elif column in columns.values():
            header[column] = "Year" if "year" in columns else "Date"
        elif not (
            column in shape.tool
            or column in shape.named
            or column in shape.dates
            or column in shape.aside
        ):
            header[column] = found.text  # a question of its own: reported as not read
            if found.text and len(both := titles_inside(found.text, ctx.capabilities)) > 1:
                header[column] = None
                _two_titles(ctx, sheet, found, column, both)
    _screen(ctx, sheet, shape, rows=rows, header=header, country=country, items=items)
    for blank in range(shape.first):
        rows[blank] = ()
    rows[shape.row] = tuple(header)
    view = replace(sheet, rows=rows, columns=None)
    layout = CountryRows(shape.row, country, columns, items)
    prepare_responses(ctx, view, layout, texts)
    drafts = parse_country_rows(ctx, view, layout, responses=True)
    drafts = keep_corrections(ctx, view, drafts, texts)  # a form sent again to correct it
    say_shared(ctx, view, drafts, texts)
    return drafts


def _unasked(shape: _Shape) -> list[int]:
    """The columns of a form's export that name no capability and give no date."""
    return [c for c in shape.headers if c not in shape.named and c not in shape.dates]


def _screen(
    ctx: ReadContext,
    sheet: Sheet,
    shape: _Shape,
    *,
    rows: list[tuple[Any, ...]],
    header: list[Any],
    country: int,
    items: dict[int, tuple[Catalogue, int]],
) -> None:
    """Leave out the responses the tool marks as previews or rejected or whose answers say
    they are tests, and take a country typed for "Other" (``form_status``, ``form_tests``,
    ``form_other``); the columns read that way are not reported as unread."""
    texts = {c: h.texts for c, h in shape.headers.items()}
    common = {"headers": texts, "rows": rows, "first": shape.first, "country": country}
    read = screen_responses(ctx, sheet, items=items, **common)
    read |= other_answers(ctx, sheet, taken=set(items), **common)
    drop_test_responses(ctx, sheet, items=items, dates=frozenset(shape.dates), **common)
    for column in read:
        header[column] = None  # the tool's status, or the country typed for "Other": read


def _chosen(
    ctx: ReadContext, sheet: Sheet, shape: _Shape, rows: list[tuple[Any, ...]]
) -> dict[str, Any]:
    return choose_options(
        ctx,
        sheet,
        header=shape.row + 1,
        first=shape.first,
        named=shape.named,
        options=shape.options,
        tool=shape.tool,
        rows=rows,
    )


def _two_titles(
    ctx: ReadContext, sheet: Sheet, found: _Header, column: int, numbers: list[int]
) -> None:
    named = " and ".join(ctx.capabilities.describe(n) for n in numbers)
    ctx.add(
        "error",
        sheet,
        cell_address(found.row, column),
        f"The question {quoted(found.text)} names {named}, so which one its answers rate is "
        "not clear; the column was not read.",
        "Name one capability in each question, or map the column to its capability in "
        "“Fix how this file is read”.",
    )


def _without_titles(ctx: ReadContext, sheet: Sheet) -> list[Draft] | None:
    """A Qualtrics export (its row of ImportIds) whose headers name no capability: refused
    with what to do, rather than read from its column ids ("Status" taken for the level)."""
    top = sheet.rows[:FORM_HEADER_ROWS]
    row = next((r for r, cells in enumerate(top) if r and _is_import_row(cells)), None)
    if row is None:
        return None
    ctx.add(
        "error",
        sheet,
        None,
        f"This looks like a Qualtrics export (row {row + 1} holds its ImportIds), but no "
        f"header row above names the capabilities (only question ids such as "
        f"{quoted(_question_id(top))}); it was not read.",
        "Export the responses again with the question text (the row under the column ids), "
        "or head each capability's column with its number or title, such as “1. Leadership”.",
    )
    return []


def _question_id(top: list[tuple[Any, ...]]) -> Any:
    return next(
        (v for v in top[0] if isinstance(v, str) and re.match(r"QID?\d", v)),
        next((v for v in top[0] if v is not None), ""),
    )


@dataclass(frozen=True)
class _Shape:
    """What the top rows of a form export say: the row naming the capabilities and the
    first row of answers, each column's header, and the columns of each kind."""

    row: int
    first: int
    named: dict[int, int]  # column -> the capability its question names
    headers: dict[int, _Header]
    tool: frozenset[int]  # the tool's own columns (ids, e-mail, progress)
    dates: list[int]
    asked: list[int]  # headed Country, or asking for the country
    plain_country: list[int]  # headed Country
    options: dict[int, int]  # SurveyMonkey's column per option of a matrix: column -> level
    aside: frozenset[int] = frozenset()  # a target's columns beside the current's (said)
    enablers: dict[int, int] = field(default_factory=dict)  # column -> the enabler it names


def _find_form(ctx: ReadContext, sheet: Sheet) -> _Shape | None:
    top = sheet.rows[:FORM_HEADER_ROWS]
    if not top or not top[0]:
        return None
    width = max(len(cells) for cells in top)
    named = [
        {c: n for c, v in enumerate(cells) if (n := _named(ctx, v)) is not None} for cells in top
    ]
    row = max(range(len(top)), key=lambda r: (len({n for n, _ in named[r].values()}), -r))
    if len({n for n, _ in named[row].values()}) < MIN_KEY_MATCHES:
        return None
    options = option_levels(ctx, sheet, {c: n for c, (n, _) in named[row].items()}, row)
    chosen, aside = set_aside(ctx, sheet, row, {c: n for c, (n, _) in named[row].items()}, top[row])
    first = row + (2 if options else 1)
    while first < min(len(sheet.rows), FORM_HEADER_ROWS) and (
        _is_import_row(sheet.rows[first]) or _is_placeholder_row(sheet.rows[first])
    ):
        first += 1
    headers = {c: _header(sheet, c, first, row) for c in range(width)}
    enablers = named_enablers(
        top[row],
        set(named[row]),
        named=lambda v: _named(ctx, v, ctx.enablers),
        levelled=lambda c: _holds_levels(ctx, sheet, c, first),
        enablers=ctx.enablers,
    )
    words = default_vocabulary().country_questions
    tool = frozenset(c for c, h in headers.items() if h.text is not None and _tool_column(h.text))
    asked = [
        c
        for c, h in headers.items()
        if c not in named[row] and c not in tool and any(_asks_country(t, words) for t in h.texts)
    ]
    asked = not_located(asked, {c: h.text for c, h in headers.items()})  # not a geo-IP column
    plain = [c for c in asked if any(classify_header(t) == "country" for t in headers[c].texts)]
    extracted = any(how for _, how in named[row].values())
    # A header row under another one (a question above its matrix's titles) is a form's; under
    # a title line or blank rows only, it is a plain table's.
    stacked = any(sum(v is not None for v in top[r]) > 1 for r in range(row))
    if not (extracted or stacked or tool or (asked and not plain)):
        return None  # a plain table (Country, then the capabilities): the wide layout reads it
    return _Shape(
        row=row,
        first=first,
        named=chosen,
        aside=aside,
        enablers=enablers,
        headers=headers,
        tool=tool,
        dates=[c for c, h in headers.items() if h.text is not None and _is_date(h.text)],
        asked=asked,
        plain_country=plain,
        options=options,
    )


def _named(
    ctx: ReadContext, value: Any, catalogue: Catalogue | None = None
) -> tuple[int, bool] | None:
    """The capability (or item of ``catalogue``) a form's header cell names, and whether it
    had to be taken out of a question ("[Leadership]", "… - Leadership"); ``None`` for any
    other cell."""
    if not isinstance(value, str) or not re.search(r"[^\W\d_]", value):
        return None
    if _IMPORT_ID.match(value) or _tool_column(value):
        return None
    catalogue = catalogue or ctx.capabilities
    number = exact_reference(value, catalogue)
    reading = parse_level(value, ctx.framework.scale)
    # An answer ("2 - Developing") is no header; "1. Leadership" reads as level 1 whose words
    # are not its label's, and names capability 1 ("1. Leadership – comments" its notes).
    if not reading.error and (number is None or not reading.warning or is_notes(value)):
        return None
    if number is not None:
        return number, False
    stated = without_state(value)  # "… [Current level]": the capability is the rest
    if stated is not None:
        inner = _named(ctx, question_text(stated[0]) or stated[0], catalogue)
        return (inner[0], True) if inner is not None else None
    parts = _question_parts(value)
    odk = _ODK_GROUP.fullmatch(value.strip())
    parts += [odk["last"]] if odk else []
    # A tool's question name in its group or after the form's prefix ("grp_pg/c01_level",
    # "mnr_c1"); a bare "c01_level" is left to the wide layout, as a plain table's header.
    named = question_code(value)
    parts += [named[0]] if named and named[1] else []
    for part in parts:
        number = exact_reference(part, catalogue)
        if number is not None:
            return number, True
    inside = titles_inside(value, catalogue)
    return (inside[0], True) if len(inside) == 1 else None


def _question_parts(question: str) -> list[str]:
    """The parts of a question that may name the capability: the text in its last brackets,
    else what follows its last separator or its full stop."""
    bracket = _BRACKETS.search(question)
    if bracket:
        return [bracket.group(1)]
    return _SEPARATORS.split(question)[1:][-1:] + _STATEMENT.split(question)[1:][-1:]


def _say_worded_off(
    ctx: ReadContext, sheet: Sheet, shape: _Shape, items: dict[int, tuple[Catalogue, int]]
) -> None:
    """A warning for each question read by a title worded a little off its translations."""
    for column, (catalogue, number) in items.items():
        found = shape.headers[column]
        part = next(
            (p for p in _question_parts(found.text or "") if worded_off(p, catalogue) == number),
            None,
        )
        if part is None:
            continue
        ctx.add(
            "warning",
            sheet,
            cell_address(found.row, column),
            f"The question {quoted(found.text)} names {quoted(part.strip())}, which is not "
            f"exactly a capability's title; it was taken as {catalogue.describe(number)}, "
            "whose title or translation has the same words.",
            "If it is another capability, map the column to it in “Fix how this file is read”.",
        )


def titles_inside(question: str, catalogue: Catalogue) -> list[int]:
    """The items whose exact title a question names mid-sentence ("How would you rate
    Leadership in your country?"): only for a question (it has a "?"), whole words, and a
    title inside a longer one found counts once. More than one: the question is ambiguous."""
    if "?" not in question:
        return []
    text = f" {normalise(question)} "
    found = {n: t for n, title in catalogue.titles.items() if (t := normalise(title))}
    found = {n: t for n, t in found.items() if f" {t} " in text}
    return sorted(n for n, t in found.items() if not any(t != o and t in o for o in found.values()))


def _is_import_row(cells: tuple[Any, ...]) -> bool:
    texts = [v for v in cells if v is not None]
    return bool(texts) and all(isinstance(v, str) and _IMPORT_ID.match(v) for v in texts)


def _is_placeholder_row(cells: tuple[Any, ...]) -> bool:
    """SurveyMonkey's row under its questions: "Response" (or "Open-Ended Response") under
    every question that is not a matrix; never a response."""
    texts = [v for v in cells if v is not None]
    return bool(texts) and all(isinstance(v, str) and key_of(v) in PLACEHOLDERS for v in texts)


@dataclass(frozen=True)
class _Header:
    """A column's header over the form's header rows: every text, and the one that says
    what the column is (not SurveyMonkey's "Response" under a question), with its row."""

    texts: tuple[str, ...]
    text: str | None
    row: int


def _header(sheet: Sheet, column: int, first: int, named: int) -> _Header:
    """The column's header; the text in the row naming the capabilities comes first (a
    matrix's "1. Leadership" under the question spanning it, which says what the column is)."""
    found = []
    for row in range(first):
        value = sheet.value(row, column)
        if isinstance(value, str) and not _IMPORT_ID.match(value):
            found.append((value, row))
    said = [f for f in found if key_of(f[0]) not in PLACEHOLDERS]
    said.sort(key=lambda f: f[1] != named)
    text, row = (said or found or [(None, 0)])[0]
    return _Header(tuple(t for t, _ in found), text, row)


def _tool_column(text: str) -> bool:
    """A form tool's own column: "Respondent ID", "Email", or one of Microsoft's quiz columns
    beside a question ("Points - 1. Leadership", "Feedback - 1. Leadership")."""
    words = default_vocabulary().form_columns
    text = question_text(text) or text  # LimeSurvey's "id. Response ID"
    if is_tool_column(text):
        return True
    return key_of(text) in words or key_of(_SEPARATORS.split(text, maxsplit=1)[0]) in words


def _is_date(text: str) -> bool:
    key = key_of(question_text(text) or text)  # LimeSurvey's "submitdate. Date submitted"
    return key in default_vocabulary().form_dates or classify_header(text) in (
        "date",
        "year",
        "when",
    )


def _asks_country(text: str, words: frozenset[str]) -> bool:
    """Whether a header is the country's: headed Country, or a question asking for it
    ("Which country are you reporting for?", "Pays concerné", "¿Qué país…?")."""
    field = classify_header(text)
    if field == "country":
        return True
    return field is None and bool(set(key_of(text).split()) & words)


def _holds_names(sheet: Sheet, column: int, first: int) -> bool:
    """Whether a column's answers could be countries: text, not numbers (ids) nor levels."""
    values = [v for v in sheet.column(column, first, first + SAMPLE_ROWS) if v is not None]
    return bool(values) and all(
        isinstance(v, str) and not v.strip().isdigit() and re.search(r"[^\W\d_]", v) for v in values
    )


def _choose_items(
    ctx: ReadContext, sheet: Sheet, shape: _Shape
) -> dict[int, tuple[Catalogue, int]]:
    """The column of each capability; a capability asked twice (its level, then a comment)
    is read from the one column whose answers are levels, the other reported."""
    by_number: dict[int, list[int]] = {}
    for column, number in shape.named.items():
        by_number.setdefault(number, []).append(column)
    items: dict[int, tuple[Catalogue, int]] = {}
    for number, columns in by_number.items():
        levelled = [
            c for c in columns if len(columns) == 1 or _holds_levels(ctx, sheet, c, shape.first)
        ]
        if len(levelled) == 1:
            items[levelled[0]] = (ctx.capabilities, number)
        what = ctx.capabilities.describe(number)
        for column in columns:
            if column in items:
                continue
            ctx.add(
                "warning" if len(levelled) == 1 else "error",
                sheet,
                cell_address(shape.headers[column].row, column),
                f"The column headed {quoted(shape.headers[column].text)} asks about {what} "
                + (
                    "again, and its answers are not levels; it was not read."
                    if len(levelled) == 1
                    else "as another column does, and which one holds its level is not "
                    "clear; neither was read."
                ),
                "Keep one question per capability whose answers are its level.",
            )
    return items


def _holds_levels(ctx: ReadContext, sheet: Sheet, column: int, first: int) -> bool:
    values = [v for v in sheet.column(column, first, first + SAMPLE_ROWS) if v is not None]
    readable = sum(not parse_level(v, ctx.framework.scale).error for v in values)
    return bool(values) and readable * 2 > len(values)
