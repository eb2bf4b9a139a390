"""Where an assessment is: country and year from around the table, when the table lacks them.

In the order people would look: label cells near the table ("Country: Elbonia", read by
``drafts.MetaReader``), then a title line above the table ("Elbonia - MNR self-assessment
2024"), then the sheet's name ("Krakozhia 2025"), then the file's name
("elbonia_mnr_2024.xlsx"; only a word that reads as a country: one pycountry knows, or a
made-up name ending like one, never a leftover word such as "upload"). Whatever is taken from
a title, sheet or file name is reported as a warning that says where it came from, so a
person can check it; a title or sheet name that names no country ("Ministry of Interior",
"Comments") gives none (``title_countries``). ISO 3166 codes come from
pycountry for names it knows exactly; a name it does not know gets none, never an invented one.

A label left empty (the template's Country or Date or year cell) is "not given here": the
title or the sheet name may give it, a country only when pycountry knows it, and the file's
name never does. With no year anywhere, the assessment is read without one, and that is said.

A file's or sheet's version or copy mark ("final v3", "(1)", "- copy") is not part of a
name, and a month or a quarter ("March 2022", "Mar-22", "Q1 2024") gives its year, never a
country. A round named beside the year ("2021 Baseline", "Kenya - Midline (2023)") goes with
that year, said in the same warning (``named_rounds``).

A metadata label of the vocabulary ("Reporting year", "Date of assessment", "Round") is never
a country: a title line that is such a label with its value gives that value, not a country,
and one line naming the country with another giving the year gives both, each reported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from components.base.text import normalise
from components.ingest.calendars import gregorian_years_in
from components.ingest.countries import (
    country_of_code,
    is_plausible_country,
    iso3_in_any_language,
    iso3_of,
    word_abroad,
)
from components.ingest.country_aliases import alias_of
from components.ingest.drafts import Meta, label_and_value
from components.ingest.invisible_chars import visible
from components.ingest.label_rows import is_label_row, label_field
from components.ingest.matching import (
    METADATA_FIELDS,
    classify_header,
    exact_reference,
    is_summary,
)
from components.ingest.named_rounds import named_round
from components.ingest.ocr_text import ocr_year_note, ocr_years
from components.ingest.outside_titles import outside_titles
from components.ingest.periods import find_period
from components.ingest.script_digits import ascii_digits
from components.ingest.sheets import ReadContext, Sheet, cell_address, quoted
from components.ingest.title_countries import names_a_country, remember_not_country
from components.ingest.title_heads import title_head
from components.ingest.title_rows import split_title, title_cells
from components.ingest.values import YEAR_TOKEN, When, parse_when, without_round_words
from components.ingest.vocabulary import Field, default_vocabulary, key_of

_YEAR_SPAN = re.compile(
    r"(?<![\w/])(?:FY\s*)?(?:19|20)\d{2}\s*[/–—-]\s*(?:(?:19|20)\d{2}|\d{2})(?![\w/-])",
    re.IGNORECASE,
)
# A file's or sheet's version or copy: "v3", "V2.1", "rev 2", "version 4", "(1)", "(copy 2)".
_VERSION = re.compile(
    r"(?<![^\s._(\[-])(?:v|ver|rev|version|copy|copie|copia)[\s.]?\d+(?:\.\d+)*(?![^\s._)\]-])"
    r"|\(\s*\d{1,2}\s*\)",
    re.IGNORECASE,
)
# The labels that date a table ("Year", "Date", "Date or year").
_DATED = frozenset({"year", "date", "when"})
# A country's name is at most this many words once the title's other words are gone.
MAX_COUNTRY_WORDS = 4
# A metadata label is at most this many words ("date of the assessment").
_MAX_LABEL_WORDS = 4
_SPLIT = re.compile(r"\s*(?:\s[-–—|:/]\s|[|:–—]|_|,|\(|\)|\[|\]|\s-|-\s)\s*")
# Default sheet names in the spreadsheet programs' languages, and the names of working sheets
# (raw data, calculations, look-ups): never a country.
_DEFAULT_SHEET = re.compile(
    r"^(?:sheet|feuil|feuille|hoja|planilha|folha|tabelle|blad|foglio|arkusz|list|data|raw|"
    r"raw data|calc|calcs|calculations?|workings?|lookups?|look ups?|scratch|temp|tmp|"
    r"donnees|datos|dados|calculs?|calculos)\s*\d*$"
)


@dataclass(frozen=True)
class Found:
    """A country and/or year found outside the table, and where (for the warning)."""

    country: str | None = None
    when: When = field(default_factory=When)
    where: str = ""
    cell: str | None = None
    text: str = ""  # the title's or the sheet's name as written


def assessment_context(
    ctx: ReadContext, sheet: Sheet, table_top: int, *, top: int = 0
) -> tuple[Found, ...]:
    """What the title lines (from row ``top`` down to the table), the sheet name and the file
    name say, in that order."""
    found: list[Found] = []
    # Several title lines (an organisation, then "Freedonia 2021"): the one naming a country
    # and a year says the most; otherwise the first naming a country and the first giving a
    # year ("Freedonia National Self-Assessment" above "Reporting year 2025"), each reported
    # with its own cell. A title whose words name no country ("Ministry of Interior") gives
    # its year only, and is kept for the error should nothing else name the country.
    found.extend(_chosen(_title_finds(ctx, sheet, top, table_top)))
    if top > 0 and not _dated_above(sheet, top):
        # A table stacked under others: the sheet's own title above the first ("ASEAN MNR
        # baseline 2022", "SADC review 2023") dates it too, unless it names a real country
        # (then it is the first table's title) or the tables above have Year labels of their
        # own (then the title's year is theirs, or a tool's version, "MNR Tool 2022").
        head = _chosen(_title_finds(ctx, sheet, 0, _head_end(sheet, top)))
        found.extend(
            Found(None, title.when, title.where, title.cell, title.text)
            for title in head
            if title.when.year and not (title.country and _real_country(title.country))
        )
    if sheet.name is not None:
        named = _from_text(sheet.name, domains=ctx.domain_names)
        if named.country or named.when.year:
            where = f"the sheet name “{sheet.name}”"
            found.append(Found(named.country, named.when, where, text=sheet.name))
    # The page header or footer, a text box (``outside_titles``): only a country's name, so
    # that no words printed there ("Ministry of Education") are taken for one.
    outside = [
        Found(
            None if not taken.country or not names_a_country(taken.country) else taken.country,
            taken.when,
            where,
            text=text,
        )
        for where, text in outside_titles(ctx, sheet)
        for taken in (_from_text(text, domains=ctx.domain_names),)
    ]
    found.extend(_chosen([t for t in outside if t.country or t.when.year]))
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", ctx.file.replace("\\", "/").rpartition("/")[2])
    from_file = _from_text(stem, from_file=True, domains=ctx.domain_names)
    if from_file.country or from_file.when.year:
        found.append(Found(from_file.country, from_file.when, f"the file name “{ctx.file}”"))
    return tuple(found)


def _title_finds(ctx: ReadContext, sheet: Sheet, start: int, end: int) -> list[Found]:
    """What each title line from row ``start`` down to row ``end`` names."""
    titles: list[Found] = []
    for row in range(start, min(end, len(sheet.rows))):
        # A page's mark or a hidden column's cell beside the title is not part of it.
        cells = title_cells(ctx, sheet, sheet.rows[row])
        title = _title_line(ctx, cells)
        if title is None:
            bare = _bare_country_and_year(cells, ctx.domain_names)
            if bare is not None:
                column, taken = bare
                text = " | ".join(quoted(v)[1:-1] for v in cells if v is not None)
                where = f"the row “{text}” above the table, which has no labels"
                titles.append(Found(taken.country, taken.when, where, cell_address(row, column)))
            elif (split := _split_title(ctx, cells)) is not None:
                column, text, taken = split
                titles.append(Found(*taken, "the title", cell_address(row, column), text))
            continue
        column, text = title
        taken = _from_text(text, domains=ctx.domain_names)
        if taken.country or taken.when.year:
            titles.append(
                Found(taken.country, taken.when, "the title", cell_address(row, column), text)
            )
    return titles


def _dated_above(sheet: Sheet, before: int) -> bool:
    """Whether a Year or Date label row stands above row ``before``."""
    return any(label_field(sheet.rows[row]) in _DATED for row in range(before))


def _head_end(sheet: Sheet, before: int) -> int:
    """The end of the title lines at a sheet's top (its first row of labels or of a table),
    looked for above row ``before``."""
    for row in range(before):
        cells = sheet.rows[row]
        if len([v for v in cells if v is not None]) > 1 or is_label_row(cells):
            return row
    return before


def title_reading(text: str, domains: frozenset[str] = frozenset()) -> tuple[str | None, When]:
    """The country (any word the title's words leave, known or not) and when a title names,
    as a title line above a table is read: "Sri Lanka – MNR 2024" gives Sri Lanka and 2024."""
    found = _from_text(text, domains=domains)
    return found.country, found.when


def _chosen(titles: list[Found]) -> list[Found]:
    """Of several title lines, the one naming a country and a year; otherwise the first naming
    a country (or, if none does, the first with words) and the first giving a year."""
    naming = [t for t in titles if t.country and names_a_country(t.country)]
    complete = [t for t in naming if t.when.year]
    if complete:  # a real country's first: "ECOWAS summary 2024" over "Ghana (2021)"
        return [next((t for t in complete if _real_country(t.country or "")), complete[0])]
    country = naming[0] if naming else next((t for t in titles if t.country), None)
    year = next((t for t in titles if t.when.year), None)
    return [t for t in titles if t is country or t is year]


def _title_line(ctx: ReadContext, cells: tuple[object, ...]) -> tuple[int, str] | None:
    """(column, text) of a row that holds one text alone (merged across or not): a title.

    A row with a label and its value ("Country:", "Elbonia", or "Country: Elbonia" in one
    cell) is the labels' business, and a row with several texts is a table's header, not a
    title.
    """
    texts = {(c, v) for c, v in enumerate(cells) if v is not None}
    values = {v for _, v in texts}
    if len(values) != 1:
        return None
    column, value = min(texts, key=lambda cv: cv[0])
    if _is_year_number(value):
        # A year alone in its row above the table (typed over the template's "Date or year"
        # label): the title's year, said as any other.
        return column, str(int(value))
    if not isinstance(value, str) or classify_header(value) is not None or is_summary(value):
        return None
    if exact_reference(value, ctx.capabilities) is not None:
        return None
    if label_and_value(value) is not None:
        return None
    return column, value


def _split_title(
    ctx: ReadContext, cells: tuple[object, ...]
) -> tuple[int, str, tuple[str, When]] | None:
    """(column, text, (country, when)) of a title written in two or three cells ("Dominican
    Republic" | "MNR 2023"), when together they name a country the app knows; else ``None``."""
    split = split_title(cells, lambda value: _title_line(ctx, (value,)) is not None)
    if split is None:
        return None
    # "Kenya | Uganda" over two groups of columns: two countries, no one title.
    named = [v for v in cells if isinstance(v, str) and _from_text(v).country is not None]
    if sum(names_a_country(str(_from_text(v).country)) for v in named) > 1:
        return None
    taken = _from_text(split[1], domains=ctx.domain_names)
    if not taken.country or not names_a_country(taken.country):
        return None
    return split[0], split[1], (taken.country, taken.when)


def _bare_country_and_year(
    cells: tuple[object, ...], domains: frozenset[str]
) -> tuple[int, Found] | None:
    """(column, the country and year) of a row of two cells, with no labels, that are exactly
    a country's name and a year ("Zambia | 2024", "2024 | Zambie"); ``None`` for any other."""
    texts = [(c, v) for c, v in enumerate(cells) if v is not None]
    if len(texts) != 2:
        return None
    years = [(c, v) for c, v in texts if _is_year_number(v) or _is_year_text(v)]
    names = [(c, v) for c, v in texts if isinstance(v, str) and not _is_year_text(v)]
    if len(years) != 1 or len(names) != 1:
        return None
    column, name = names[0]
    if len(name.strip()) < 4 or iso3_in_any_language(name.strip()) is None:
        return None  # not exactly a country: a label or a title, the other readings' business
    taken = _from_text(f"{name.strip()} {int(float(years[0][1]))}", domains=domains)
    return (column, taken) if taken.country and taken.when.year else None


def _is_year_text(value: object) -> bool:
    return (
        isinstance(value, str)
        and re.fullmatch(r"\s*(?:199\d|20\d\d)\s*", ascii_digits(value)) is not None
    )


def _is_year_number(value: object) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and float(value).is_integer()
        and 1990 <= value <= 2100
    )


def _from_text(
    text: str, *, from_file: bool = False, domains: frozenset[str] = frozenset()
) -> Found:
    """Country and year in a title, a sheet name or a file name; either may be missing.

    A domain's name (``domains``, normalised) is never a country: a sheet per domain is named
    after it.
    """
    # A version or copy mark ("final v3", "(1)", "rev2") is not part of a name; a year in
    # another script's digits ("الأردن ٢٠٢٣") is the year it says.
    # A Buddhist-era year ("Thailand 2567") is its Gregorian year, as in a date's cell.
    # A scan's "2O23" read by OCR is the year it shows (``ocr_text``); a sheet's or a file's
    # name is read without the characters that do not show, as cells are (``invisible_chars``).
    text = ocr_years(gregorian_years_in(_VERSION.sub(" ", ascii_digits(visible(text)))))
    # A month or a quarter ("March 2022", "Mar-22", "Q1 2024") gives its year, never a
    # country ("March").
    rounds = set()
    while (period := find_period(text)) is not None:
        text = f"{text[: period.start]} {period.year} {text[period.end :]}"
        rounds.add(period.round)
    # A two-year period ("2023/24", "FY2022-2023") is one value: the first year, as a cell's.
    spans = {parse_when(span.group()).year for span in _YEAR_SPAN.finditer(text)}
    text = _YEAR_SPAN.sub(" ", text)
    years = {int(year) for year in YEAR_TOKEN.findall(text)} | (spans - {None})
    # A quarter's round goes with its year ("Q1 2024"), when it is the only one.
    quarter = rounds.pop() if len(rounds) == 1 else None
    when = When(years.pop(), round=quarter) if len(years) == 1 else When()
    if _DEFAULT_SHEET.match(normalise(text)):
        return Found(None, when)
    vocabulary = default_vocabulary()
    # A plan's words ("Targets 2026", "Workplan") name the sheet's use, never a country.
    title_words = vocabulary.title_words | vocabulary.info_sheets | vocabulary.plan_words
    parts = _SPLIT.split(YEAR_TOKEN.sub(" ", text))
    # A sentence (an instruction, a note) is no title, unless it begins with a country's name
    # set apart ("Viet Nam – MNR progress note for the national steering committee") or
    # followed by the title's words ("Zimbabwe National Response to Child Sexual …").
    if (
        len(text.split()) > 2 * MAX_COUNTRY_WORDS + 4
        and not _known(parts[0].split())
        and (from_file or not title_head(parts[0], title_words))
    ):
        return Found(None, when)
    country = known = None
    for part in parts:
        kept = _name_words([w for w in re.split(r"[\s._-]+", part) if normalise(w)], title_words)
        if not kept or any(c.isdigit() for c in "".join(kept)):
            continue
        if len(kept) > MAX_COUNTRY_WORDS and not _formal_name(kept):
            continue
        # "Elbonia follow-up": the round is not part of the country's name.
        name = without_round_words(" ".join(kept), vocabulary)[0]
        if not name or normalise(name) in domains:
            continue
        if from_file and (not is_plausible_country(name) or word_abroad(name)):
            continue  # a file name's leftover word ("upload", "return", "island") is no country
        if from_file and re.fullmatch(r"[a-z]{3}", name):
            # "sheet_per_domain", "scores and levels": a small word that is also a country's
            # code (PER, AND, CAN) is the word; a code in a file name is written in capitals.
            continue
        if from_file and name == name.lower():
            name = name.title()
        # "République tunisienne / Republic of Tunisia": the part naming a country the app
        # knows (its English name when another part names it so), else the first that may be.
        if names_a_country(name):
            known = _kept_name(known, name)
            continue
        country = country or name
    country = (known or country) if from_file else _headed(text, known, country, title_words)
    # "2021 Baseline", "Kenya - Midline (2023)": a title's or sheet's round goes with its year.
    named = named_round(parts, country, vocabulary) if when.year and not from_file else None
    if named:
        when = replace(when, round=" ".join(p for p in (when.round, named) if p))
    return Found(country, when)


def _headed(text: str, known: str | None, country: str | None, words: frozenset[str]) -> Any:
    """The country of a title (not a file's name): the one its parts name (``known``), or
    else the name it begins with ("Zimbabwe National Response to CSEA", ``title_heads``), the
    longer when it begins with ``known`` ("Congo, The Democratic Republic of the", "Congo")."""
    head = title_head(YEAR_TOKEN.sub(" ", text), words)
    if head is None:
        return known or country
    if known is None:
        return head
    head_key, key = normalise(head), normalise(known)
    return head if head_key != key and head_key.startswith(f"{key} ") else known


def _kept_name(known: str | None, name: str) -> str:
    """Of two parts of a title naming a country, the one kept: the first, or the later when it
    is the same country's name the app keeps ("Republic of Tunisia" after "République
    tunisienne")."""
    if known is None:
        return name
    same = iso3_in_any_language(name) == iso3_in_any_language(known)
    return name if same and iso3_of(name) and not iso3_of(known) else known


def _name_words(words: list[str], title_words: frozenset[str]) -> list[str]:
    """The words of a part of a title that can be a country's name, or none.

    Title words come before or after the name ("MNR self-assessment"), not inside it
    ("République de Zembla"), and so do labels with their value ("Elbonia reporting year
    2025"). A part that begins with a label other than the country's ("Reporting year 2025",
    "Date of assessment 12 May", "Prepared by the Ministry") holds that label's value, not a
    country; a part that is a label alone ("State") names none. A country's own labels are
    not cut from the front: "State of Palestine" is a name.
    """
    start, end = 0, len(words)
    while start < end:
        if any(_label(words[start : start + n]) not in (None, "country") for n in _lengths()):
            return []
        if normalise(words[start]) not in title_words or _begins_known(words[start:end]):
            break  # "New Zealand", "Nueva Zelanda": a title word that begins a country's name
        start += 1
    while end > start and not _known(words[start:end]):
        # "Viet Nam": a country's own words are never cut as a label ("năm", year).
        cut = next(
            (
                n
                for n in reversed(_lengths())
                if _label(words[max(start, end - n) : end]) not in (None, "country")
            ),
            None,
        )
        if cut is not None and not _known(words[start:end]):  # "Viet Nam": "năm" is a label
            end = max(start, end - cut)
        elif normalise(words[end - 1]) in title_words and not _known(words[start:end]):
            end -= 1
        else:
            break
    kept = words[start:end]
    return [] if _label(kept) is not None else kept


def _known(words: list[str]) -> bool:
    return len(words) <= MAX_COUNTRY_WORDS and iso3_in_any_language(" ".join(words)) is not None


def _formal_name(words: list[str]) -> bool:
    """A country's formal name, longer than most ("Federal Democratic Republic of Ethiopia")."""
    return len(words) <= 2 * MAX_COUNTRY_WORDS and iso3_in_any_language(" ".join(words)) is not None


def _begins_known(words: list[str]) -> bool:
    """The words begin with a country pycountry knows ("New Zealand MNR review")."""
    return any(_known(words[:n]) for n in range(2, min(len(words), MAX_COUNTRY_WORDS) + 1))


def _lengths() -> range:
    return range(1, _MAX_LABEL_WORDS + 1)


def _label(words: list[str]) -> Field | None:
    """The metadata field these words are the label of ("reporting year": year), if any."""
    field_name = default_vocabulary().headers.get(key_of(" ".join(words))) if words else None
    return field_name if field_name in METADATA_FIELDS else None


def with_context(
    ctx: ReadContext,
    sheet: Sheet,
    defaults: Meta,
    header: int,
    *,
    country: bool,
    year: bool = True,
    empty: Mapping[str, str] | None = None,
    top: int = 0,
) -> Meta:
    """``defaults`` with the country (when ``country``) and year (when ``year``) found around
    the table, in the order: labels (already in ``defaults``), title, sheet name, file name.
    Says where."""
    # A label left empty (the template's Country or Date or year cell) gives nothing here: the
    # title or the sheet name, beside it in the workbook, may (with a warning); the file's name,
    # given by whoever saved it, does not. If none does, the caller reports the empty cell.
    empty_country = "country" in (empty or {})
    empty_year = bool((empty or {}).keys() & {"year", "when", "date"})
    need_country = country and defaults.country is None
    need_year = year and defaults.when.year is None
    if not (need_country or need_year):
        return defaults
    taken_country, taken_when = None, When()
    for found in assessment_context(ctx, sheet, header, top=top):
        from_file = found.where.startswith("the file name")
        # For a Country cell left empty, only a country pycountry knows: an unknown word of a
        # title ("Ministry of Interior") is no answer to the label's question.
        if (
            need_country
            and taken_country is None
            and found.country
            and not (from_file or empty_country or _abbreviated_tab(found))
            and not names_a_country(found.country)
        ):
            # A title or a sheet name that is no country ("Scores", "Ministry of Interior")
            # gives none: if nothing else does, the assessment is refused naming it.
            remember_not_country(ctx, sheet, found)
        elif (
            need_country
            and taken_country is None
            and found.country
            and not (empty_country and (from_file or not _known_name(found.country)))
            and not (defaults.iso3 and _short_tab(found))
        ):
            coded = country_of_code(found.country)
            taken_country = coded[0] if coded else found.country
            code = f" (ISO code “{found.country}”)" if coded else ""
            _say_where(ctx, sheet, found, f"The country “{taken_country}”{code}")
        if (
            need_year
            and taken_when.year is None
            and found.when.year
            and not (from_file and empty_year)
        ):
            taken_when = found.when
            named = found.when.round if defaults.round is None else None
            if named:
                what = f"The year {found.when.year} and the round {quoted(named)}"
                _say_where(ctx, sheet, found, what, with_round=True)
            else:
                note = ocr_year_note(found.text, found.when.year)
                _say_where(ctx, sheet, found, f"The year {found.when.year}{note}")
    if need_year and empty_year and taken_when.year is None:
        _say_no_year(ctx, sheet, empty or {})
    when = defaults.when if defaults.when.year is not None else taken_when
    return Meta(
        country=defaults.country or taken_country,
        iso3=defaults.iso3,
        when=when,
        round=defaults.round or (taken_when.round if defaults.when.year is None else None),
        assessed_by=defaults.assessed_by,
        unread_when=defaults.unread_when if when.year is None else None,
    )


def _say_where(
    ctx: ReadContext,
    sheet: Sheet,
    found: Any,
    what: str,
    *,
    with_round: bool = False,
) -> None:
    if ctx.once((sheet.name, "context", what, found.where, found.cell)):
        labels, columns = (
            ("a Country, a Year and a Round label", "Country, Year and Round columns")
            if with_round
            else ("a Country and a Year label", "Country and Year columns")
        )
        ctx.add(
            "warning",
            sheet,
            found.cell,
            f"{what} {'were' if with_round else 'was'} taken from {found.where}.",
            f"If that is wrong, add {labels} with their values above the table (or {columns}).",
        )


def _short_tab(found: Found) -> bool:
    """A sheet named by one or two letters ("S", "A1", "KE"), no country's name (nor an alias
    such as "UK"): with an ISO3 code given, the code's country is the assessment's."""
    name = normalise(found.country or "").replace(" ", "")
    return found.where.startswith("the sheet name") and len(name) <= 2 and not alias_of(name)


def _abbreviated_tab(found: Found) -> bool:
    """A sheet named by three letters or fewer ("Ken", "Ug"): ``short_names`` refuses its
    country, suggesting the one it abbreviates."""
    name = (found.country or "").strip()
    return found.where.startswith("the sheet name") and name.isalpha() and len(name) <= 3


def _real_country(name: str) -> bool:
    """Whether ``name`` is a country's name in a language read, or another of its names."""
    return iso3_in_any_language(name) is not None or alias_of(name) is not None


def _known_name(name: str) -> bool:
    return country_of_code(name) is not None or iso3_of(name) is not None


def _say_no_year(ctx: ReadContext, sheet: Sheet, empty: Mapping[str, str]) -> None:
    """The date or year label was left empty and nothing else gives one: read without a year
    (an assessment may have none), but said, since the year is part of its name."""
    name = next(n for n in ("when", "date", "year") if n in empty)
    if ctx.once((sheet.name, "no year", empty[name])):
        ctx.add(
            "warning",
            sheet,
            empty[name],
            f"No date or year is given on sheet {quoted(sheet.name)}, so its assessment was "
            "read without one.",
            f"Write the year or the date of the assessment in {empty[name]}.",
        )


def say_named_year(ctx: ReadContext, sheet: Sheet, year: int | None) -> None:
    """Warn when the sheet's name (or, when it names no year, the file's) carries a year other
    than ``year``, the one given on the sheet ("Kenya 2023" holding a 2021 form): the sheet's
    year is kept, and both are named so that a person can check which is right."""
    if year is None:
        return
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", ctx.file.replace("\\", "/").rpartition("/")[2])
    for text, where in ((sheet.name, "sheet"), (stem, "file")):
        # A name without a digit ("Assessment") names no year: no need to read it.
        has_digit = bool(text) and any(ch.isdigit() for ch in text)
        named = _from_text(text, from_file=where == "file").when.year if has_digit else None
        if named is None or not 1990 <= named <= 2100:
            continue  # "1904-date-system": no assessment's year
        shown = quoted(sheet.name if where == "sheet" else ctx.file)
        on = "the sheet" if where == "sheet" else f"sheet {quoted(sheet.name)}"
        if named != year and ctx.once((sheet.name, "named year", where, named, year)):
            ctx.add(
                "warning",
                sheet,
                None,
                f"The {where} name {shown} says {named}, but the year given on {on} is {year}; "
                f"the year {year} was kept.",
                f"Check which is right: correct the year on the sheet, or rename the {where} "
                f"(a copy of an earlier round's {where} keeps its old name).",
            )
        return
