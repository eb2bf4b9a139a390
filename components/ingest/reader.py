"""Excel/CSV in: ``read_assessment_file``, the tolerant reader's one public entry.

The reader accepts what people really make in Excel: the app's template (also after rows were
inserted, columns moved and headers reworded), long tables (country, year, capability, level)
and wide ones (capabilities x countries, countries x capabilities), one or several assessments
per sheet, in xlsx/xlsm and csv. Whatever it cannot use becomes a ``Problem`` naming the file,
sheet and cell, and what would fix it; it never raises for bad input and never guesses.

Files are hostile until proven otherwise: ``components.ingest.file_guard`` checks size and zip
expansion before openpyxl sees the bytes. Then, in order: ``sheets`` reads the cells,
``parse`` (with ``layout`` and ``drafts``) turns each sheet into draft assessments,
``formulas`` reports formulas without a saved result, and this module joins enablers to their
assessments and builds the tidy tables of ``report``.
"""

from __future__ import annotations

import hashlib
import logging
import zipfile
from collections.abc import Sequence
from itertools import chain
from operator import itemgetter
from typing import Any

import numpy as np
import pandas as pd
from openpyxl.utils.cell import coordinate_from_string
from python_calamine import CalamineError, PasswordError

from components.base.memory import collection_paused
from components.base.text import ELLIPSIS, normalise
from components.framework.model import Framework
from components.ingest.assessment_twins import join_twins
from components.ingest.cell_codes import read_cell_codes
from components.ingest.change_sheets import drop_change_sheets
from components.ingest.colour_levels import read_colour_levels
from components.ingest.countries import iso3_of
from components.ingest.country_aliases import read_aliases
from components.ingest.country_names import settle_names
from components.ingest.country_placeholders import drop_placeholders
from components.ingest.country_sources import settle_country
from components.ingest.cover_titles import cover_meta, forget_no_year
from components.ingest.demo_left_in import leave_out_demo
from components.ingest.dhis2 import read_dhis2_header
from components.ingest.doubtful_names import drop_doubtful_countries
from components.ingest.drafts import Draft
from components.ingest.enabler_pairs import pair_orphans
from components.ingest.error_values import report_error_levels
from components.ingest.examples import drop_examples
from components.ingest.formula_views import drop_formula_views
from components.ingest.formulas import report_unsaved_formulas
from components.ingest.grouped_reports import drop_group_rows
from components.ingest.info_sheets import drop_copies, read_sheet
from components.ingest.limits import DEFAULT_LIMITS, ReadLimits
from components.ingest.linked_boxes import mark_linked_boxes
from components.ingest.long_names import warn_long_names
from components.ingest.lost_letters import drop_lost_letters
from components.ingest.mapping import NO_MAPPING, Mapping
from components.ingest.markup_books import as_workbook
from components.ingest.misnamed import say_read_as_csv
from components.ingest.nothing_read import say_no_levels, without_assessments
from components.ingest.parse import FIX_TABLE, parse_sheet
from components.ingest.percent_levels import hint_percent_levels
from components.ingest.pivot_summaries import drop_pivot_copies
from components.ingest.plan_baseline import (
    HeldLevels,
    keep_baselines,
    plan_sheet_levels,
    say_plan_without_table,
)
from components.ingest.plan_sheet import (
    PlanTable,
    find_plan_table,
    is_plan_sheet_name,
    read_plans,
)
from components.ingest.refusals import FileRejected
from components.ingest.regions import drop_regions
from components.ingest.renamed_sheets import refuse_renamed_copies
from components.ingest.repeats import drop_repeats
from components.ingest.report import (
    ASSESSMENT_COLUMNS,
    CAPABILITY_COLUMNS,
    ENABLER_COLUMNS,
    SOURCE_SEPARATOR,
    ReadResult,
    constant_array,
    contract_array,
    take_rows,
)
from components.ingest.revised_levels import read_revised_levels
from components.ingest.scale_legend import find_legends
from components.ingest.shaded_boxes import mark_shaded_boxes
from components.ingest.sheet_copies import drop_sheet_copies
from components.ingest.sheet_shapes import join_shaped, reshape_sheets
from components.ingest.sheet_versions import final_of, kept_apart
from components.ingest.sheets import ReadContext, Sheet, read_csv, read_workbook
from components.ingest.short_names import drop_abbreviated
from components.ingest.side_enablers import read_side_enablers
from components.ingest.split_headers import join_split_headers
from components.ingest.sub_national import drop_sub_national
from components.ingest.summary_sheets import drop_summary_copies
from components.ingest.unknown_countries import say_unknown_countries
from components.ingest.unread_levels import settle_unread
from components.ingest.zip_names import checked_upload

_LOG = logging.getLogger(__name__)


def read_assessment_file(
    name: str,
    data: bytes,
    framework: Framework,
    limits: ReadLimits = DEFAULT_LIMITS,
    mapping: Mapping = NO_MAPPING,
) -> ReadResult:
    """Read every assessment in an uploaded xlsx/xlsm, xls, ods (or flat .fods), XML
    Spreadsheet 2003, web page's tables ("export to Excel") or csv file.

    Never raises for bad input: whatever cannot be used is a ``Problem`` naming the file,
    sheet and cell, with a fix. Valid rows are kept when others are bad. ``mapping`` holds a
    person's decisions from the mapping step (header rows, column roles, labels), applied to
    every sheet of a mapped shape.
    """
    # Everything the read makes lives until it returns: no garbage to look for meanwhile.
    with collection_paused():
        return _read(name, data, framework, limits, mapping)


def _settle_countries(ctx: ReadContext, sheets: list[Sheet], drafts: list[Draft]) -> list[Draft]:
    """The drafts whose country is one: sub-national, doubtful, placeholder, region,
    abbreviated and garbled names set aside; codes and other names read; unknown ones said."""
    drafts = settle_names(ctx, drop_doubtful_countries(ctx, drop_sub_national(ctx, drafts)))
    drafts = drop_regions(ctx, drop_placeholders(ctx, drafts))
    drafts = drop_abbreviated(ctx, drop_lost_letters(ctx, sheets, drafts))  # "??????"
    read_cell_codes(ctx, drafts)  # "KE", "kh", "Mne" in a Country column
    read_aliases(ctx, drafts)
    say_unknown_countries(ctx, drafts)
    return drafts


def _read(
    name: str, data: bytes, framework: Framework, limits: ReadLimits, mapping: Mapping
) -> ReadResult:
    """``read_assessment_file``'s work, with the garbage collector held off."""
    ctx = ReadContext(
        name,
        framework,
        limits,
        content_key=hashlib.sha1(data, usedforsecurity=False).hexdigest()[:12],
        mapping=mapping,
    )
    drafts: list[Draft] = []
    opened = True
    plan_sheets: list[tuple[Sheet, PlanTable]] = []
    try:
        data, kind = checked_upload(name, data, limits)  # "xl\\sheet1.xml": ``zip_names``
        say_read_as_csv(ctx, name, kind)
        data, kind = as_workbook(ctx, data, kind)  # Excel's 2003 XML, a web page: as an xlsx
        sheets = read_csv(ctx, data) if kind == "csv" else read_workbook(ctx, data, kind)
        drafts, plan_sheets = _read_sheets(ctx, sheets, data if kind == "xlsx" else None)
        drafts = read_colour_levels(ctx, sheets, drafts)  # traffic lights with a key
        read_revised_levels(ctx, drafts)  # struck levels with a "Revised" column
        drafts = _settle_countries(ctx, sheets, drafts)
        if kind == "xlsx":
            report_unsaved_formulas(ctx, data, drafts)
            hint_percent_levels(ctx, data)
        elif kind != "csv":
            report_error_levels(ctx)  # an .xls's or .ods's error cells (``book_errors``)
    except FileRejected as rejected:
        opened = False
        ctx.add("error", None, None, rejected.message, rejected.fix)
    except PasswordError:
        opened = False
        ctx.add(
            "error",
            None,
            None,
            "This workbook is protected with a password, so the dashboard cannot open it.",
            "Open it in Excel or LibreOffice, remove the password (File > Info > Protect "
            "Workbook, or File > Properties > Security), save, and upload the file again.",
        )
        drafts = []
    except CalamineError as error:
        opened = False
        ctx.add(
            "error",
            None,
            None,
            f"The file could not be read as a spreadsheet ({_calamine_reason(error)}).",
            "Open it in Excel or LibreOffice and save it as .xlsx (or CSV UTF-8), then "
            "upload it again.",
        )
        drafts = []
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, pd.errors.ParserError) as error:
        opened = False
        ctx.add(
            "error",
            None,
            None,
            f"The file could not be read as a spreadsheet ({type(error).__name__}).",
            "Open it in Excel or LibreOffice and save it as .xlsx (or CSV UTF-8), then "
            "upload it again.",
        )
        drafts = []
    except Exception as error:  # noqa: BLE001
        # A hostile or corrupt file can make openpyxl/lxml fail in ways no list of exception
        # types covers (TypeError, AttributeError, IndexError...). The contract is a report,
        # never a traceback, so this is the one place a broad catch is right. The page shows
        # only the plain message; the traceback goes to the server log, where a bug in the
        # reader (rather than a bad file) can be told apart.
        opened = False
        _LOG.exception("Reading %r failed unexpectedly; reported as an unreadable file", name)
        ctx.add(
            "error",
            None,
            None,
            f"The file could not be read ({type(error).__name__}); it may be damaged or not "
            "a real spreadsheet.",
            "Open it in Excel or LibreOffice and save it as .xlsx (or CSV UTF-8), then upload "
            "it again.",
        )
        drafts = []
    drafts = settle_unread(ctx, _attach_enablers(ctx, drafts), plan_sheets)
    drafts, plan_sheets = leave_out_demo(ctx, drafts, plan_sheets)  # the app's demo left in
    capabilities, enablers, assessments = _frames(ctx, drafts)
    plans = read_plans(ctx, plan_sheets, assessments)
    empty = say_no_levels(ctx, assessments, plans)  # nothing assessed: said, not kept
    capabilities, enablers = without_assessments(capabilities, enablers, empty)
    if capabilities.empty and not any(p.severity == "error" for p in ctx.problems):
        ctx.add("error", None, None, "No assessment was found in the file.", FIX_TABLE)
    return ReadResult(
        name,
        capabilities,
        enablers,
        tuple(ctx.problems),
        tuple(dict.fromkeys(ctx.unmatched)),
        opened=opened,
        plans=plans,
    )


def _read_sheets(
    ctx: ReadContext, sheets: list[Sheet], xlsx: bytes | None = None
) -> tuple[list[Draft], list[tuple[Sheet, PlanTable]]]:
    """The draft assessments of the file's sheets (covers, repeats and split assessments seen
    to), and its plan tables. ``xlsx`` is the file when it is one (its formulas are seen)."""
    drafts: list[Draft] = []
    plan_sheets: list[tuple[Sheet, PlanTable]] = []
    # Sheets without a table (a cover?), with where their problems start and end in ctx.problems
    tableless: list[tuple[Sheet, int, int]] = []
    sheets, named = reshape_sheets(
        ctx,
        join_split_headers(
            mark_shaded_boxes(ctx, mark_linked_boxes(ctx, drop_group_rows(ctx, sheets)))
        ),
    )
    baselines: list[HeldLevels] = []  # plan sheets' levels, kept until the rest is read
    find_legends(ctx, sheets)
    for sheet in sheets:
        # A plan sheet lists capabilities too: read it as a plan, never as levels; unless
        # its header has a level column too (an assessment with plan columns beside).
        table = find_plan_table(sheet)
        if table is not None:
            plan_sheets.append((sheet, table))
            drafts.extend(plan_sheet_levels(ctx, sheet, table, parse_sheet, baselines))
        elif is_plan_sheet_name(sheet.name, exact=True) and sheet.rows:
            say_plan_without_table(ctx, sheet)
        else:
            start = len(ctx.problems)
            # "Data | Period | Organisation unit | Value": DHIS2's words (a pivot it can't: [])
            found = read_sheet(ctx, sheet, parse_sheet) if read_dhis2_header(ctx, sheet) else []
            read_side_enablers(ctx, sheet, found, parse_sheet)
            drafts.extend(found)
            if not found and sheet.name is not None and sheet.rows and not sheet.hidden:
                tableless.append((sheet, start, len(ctx.problems)))
    drafts.extend(keep_baselines(ctx, drafts, baselines))
    drafts = drop_change_sheets(ctx, drop_copies(drop_examples(ctx, drafts)))
    drafts = drop_repeats(ctx, drop_formula_views(ctx, drafts), xlsx)
    drafts = drop_sheet_copies(ctx, drop_summary_copies(ctx, drop_pivot_copies(ctx, drafts)))
    if tableless and drafts:
        _give_cover(ctx, drafts, tableless)
    drafts = refuse_renamed_copies(ctx, join_shaped(ctx, sheets, drafts, named))  # "Uganda": Kenya
    return _join_split(ctx, drafts), plan_sheets


def _give_cover(
    ctx: ReadContext, drafts: list[Draft], tableless: list[tuple[Sheet, int, int]]
) -> None:
    """A cover sheet's country and year, for the tables of the file that have none.

    A cover is a sheet without a table whose labels give a country or a year ("Country |
    Elbonia", "Year: 2024"). Its values go to each assessment of the file without a country
    (or year) of its own, unless its sheet has a Country (or Year) label left empty: that is
    for the person to fill in. Two covers that disagree give nothing (nothing is guessed).
    """
    wanting = [
        d
        for d in drafts
        if not d.needs_owner
        and ((d.country is None and d.country_cell is None) or (d.year is None and d.date is None))
    ]
    if not wanting:
        return
    covers = []
    for sheet, start, end in tableless:
        meta = cover_meta(ctx, sheet)  # its labels, or its title ("Jordan – MNR 2024")
        if meta.country is not None or meta.when.year is not None:
            covers.append((sheet, start, end, meta))
    if len({(meta.country, meta.when) for *_, meta in covers}) != 1:
        return
    cover_sheet, start, end, meta = covers[0]
    given: dict[str, list[str]] = {}
    for draft in wanting:
        what = []
        if draft.country is None and draft.country_cell is None and meta.country is not None:
            draft.country, draft.iso3 = meta.country, meta.iso3
            what.append(f"the country “{meta.country}”")
        if draft.year is None and draft.date is None and meta.when.year is not None:
            draft.year, draft.date = meta.when.year, meta.when.date
            when = meta.when.date.isoformat() if meta.when.date else meta.when.year
            what.append(f"the {'date' if meta.when.date else 'year'} {when}")
        if what and draft.round is None:
            draft.round = meta.round
        if what and draft.assessed_by is None:
            draft.assessed_by = meta.assessed_by
        if what:
            given.setdefault(" and ".join(what), []).append(f"“{draft.sheet.name}”")
    # The cover was read: it was not a table left out.
    for _, first, last, _ in covers:
        del ctx.problems[first:last]
    forget_no_year(ctx, {d.sheet.name or "" for d in wanting if d.year is not None})
    for what, sheets in given.items():
        ctx.add(
            "warning",
            cover_sheet,
            None,
            f"{what[0].upper()}{what[1:]} of sheet(s) {', '.join(dict.fromkeys(sheets))} "
            f"were taken from sheet “{cover_sheet.name}”.",
            "If that is wrong, add a Country and a Year label with their values above the "
            "table on those sheets.",
        )


def _join_split(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """One assessment split over sheets, joined: drafts of different sheets with the same
    country, date or year and round, each with capabilities (and enablers) the others do not
    have (a sheet per domain). When two of them assess the same capability, they are kept
    apart and reported: the person chooses the one to keep when adding them. A long table
    (the country on each row, as a library export's versions are) is never joined."""
    groups: dict[tuple[str, str, str], list[Draft]] = {}
    for draft in drafts:
        if draft.country is not None and draft.items["capability"] and not draft.needs_owner:
            groups.setdefault(draft.key(), []).append(draft)
    joined: set[int] = set()
    for members in groups.values():
        if len(members) < 2 or len({id(d.sheet) for d in members}) < len(members):
            continue
        if any(_country_on_rows(d) for d in members):
            continue
        sheets = ", ".join(f"“{d.sheet.name}”" for d in members)
        overlap = _overlap(members)
        if overlap:
            ctx.add("warning", members[1].sheet, None, *kept_apart(members, overlap))
            if versions := final_of(members):  # the final version first: see ``sheet_versions``
                first, final = min(drafts.index(d) for d in members), drafts.index(versions[0])
                drafts[first], drafts[final] = drafts[final], drafts[first]
            continue
        first = members[0]
        for other in members[1:]:
            first.take_in(other)
            joined.add(id(other))
        ctx.add(
            "warning",
            first.sheet,
            None,
            f"The assessment of {first.name} is split over sheets {sheets}; they were read as "
            f"one assessment ({len(first.items['capability'])} capabilities).",
            "If they are different assessments, give each sheet its own date or round.",
        )
    return [d for d in drafts if id(d) not in joined] if joined else drafts


def _overlap(members: list[Draft]) -> str | None:
    """The capabilities (or enablers) assessed on more than one of the drafts, in words."""
    for kind in ("capability", "enabler"):
        seen: set[int] = set()
        twice: list[int] = []
        for draft in members:
            twice += sorted(seen & draft.items[kind].keys())
            seen |= draft.items[kind].keys()
        if twice:
            shown = ", ".join(str(n) for n in sorted(set(twice))[:5])
            plural = "capabilities" if kind == "capability" else "enablers"
            return (
                f"{kind} {shown}"
                if len(set(twice)) == 1
                else f"{plural} {shown}{ELLIPSIS if len(set(twice)) > 5 else ''}"
            )
    return None


def _country_on_rows(draft: Draft) -> bool:
    """Whether the draft's country is written on more than one row of its sheet (a long
    table's country column) rather than once beside a label, or not at all."""
    rows = 0
    for cells in draft.sheet.rows:
        if draft.country in cells:
            rows += 1
            if rows > 1:
                return True
    return False


def _calamine_reason(error: Exception) -> str:
    """A short, safe reason: the error's kind, never text taken from the file."""
    return {"XmlError": "damaged content", "ZipError": "damaged package"}.get(
        type(error).__name__, "unreadable content"
    )


def _attach_enablers(ctx: ReadContext, drafts: list[Draft]) -> list[Draft]:
    """Join enablers read apart from their capabilities to the assessment they belong to.

    A country-less Enablers sheet (the template's) joins the Assessment sheet's assessment;
    enablers with a country of their own (a long Enablers table, as the app's export writes)
    join the capability assessment with the same country, date or year and round. Enablers
    whose assessment is not in the file are reported, never made an assessment of their own.
    """
    owners = [d for d in drafts if d.country is not None and not (d.needs_owner or d.enablers_only)]
    _attach_by_key(ctx, [d for d in drafts if d.enablers_only], owners)
    orphans = [d for d in drafts if d.needs_owner]
    for orphan, owner in pair_orphans(ctx, orphans, owners):
        has_levels = any(v[0] is not None for v in orphan.items["enabler"].values())
        if owner is None:
            if has_levels:
                where = f"on sheet “{orphan.sheet.name}”" if orphan.sheet.name else "of the csv"
                ctx.add(
                    "error",
                    orphan.sheet,
                    None,
                    f"The enablers {where} have no country, and it is "
                    "not clear which assessment they belong to; they were not used.",
                    "Add a Country label and value above the table, as on the Assessment sheet.",
                )
            continue
        for number, answers in orphan.items["enabler"].items():
            owner.items["enabler"].setdefault(number, answers)
    return [d for d in drafts if not (d.needs_owner or d.enablers_only)]


def _attach_by_key(ctx: ReadContext, enablers: list[Draft], owners: list[Draft]) -> None:
    """Each enablers-only draft's answers, into the owner with the same key (or a warning)."""
    if not enablers:
        return  # the usual case: no owner's key is needed (a long table has hundreds)
    by_key: dict[tuple[str, str, str], list[Draft]] = {}
    for owner in owners:
        by_key.setdefault(owner.key(), []).append(owner)
    for draft in enablers:
        found = by_key.get(draft.key(), [])
        cells = [cell for (kind, _), cell in draft.first_cell.items() if kind == "enabler"]
        if len(found) != 1:
            has_answers = any(
                any(v is not None for v in answers) for answers in draft.items["enabler"].values()
            )
            if has_answers:
                message, fix = _unowned_enablers(draft, found, owners)
                ctx.add("warning", draft.sheet, _cells_text(cells), message, fix)
            continue
        owner = found[0]
        for (kind, number), cell in draft.first_cell.items():
            if kind != "enabler":
                continue
            if ("enabler", number) in owner.first_cell:
                what = ctx.enablers.describe(number)
                first = owner.first_cell[("enabler", number)]
                ctx.add(
                    "error",
                    draft.sheet,
                    cell,
                    f"{what[0].upper()}{what[1:]} appears a second time for {draft.name} "
                    f"(first in {first} on sheet “{owner.sheet.name}”); this row was not used.",
                    "Keep one row per enabler for each assessment; delete or correct the other.",
                )
                continue
            owner.first_cell[("enabler", number)] = cell
            owner.items["enabler"][number] = draft.items["enabler"][number]


def _unowned_enablers(draft: Draft, found: list[Draft], owners: list[Draft]) -> tuple[str, str]:
    """The message and fix for enablers that join no assessment (none, or several)."""
    if found:
        sheets = ", ".join(dict.fromkeys(f"“{d.sheet.name}”" for d in found))
        return (
            f"The enablers for {draft.name} could belong to more than one assessment in this "
            f"file (sheets {sheets}); they were not used.",
            "Keep one capability assessment per country, date or year and round in the file.",
        )
    country, _, round_key = draft.key()
    near = [
        d.name
        for d in owners
        if (normalise(d.country or ""), normalise(d.round or "")) == (country, round_key)
        and d.year == draft.year
    ]
    hint = (
        f" This file has {', '.join(dict.fromkeys(near))}: write the same date or year and round."
        if near
        else ""
    )
    return (
        f"The enablers for {draft.name} have no capability assessment in this file (same "
        "country, date or year and round); they were not used.",
        "Upload them in the same file as that assessment's capability levels, or correct the "
        f"country, date or year and round of these rows.{hint}",
    )


def _cells_text(cells: Sequence[str]) -> str | None:
    """Cell addresses, runs down a column shortened: ["C2", "C3", "C4", "C9"] -> "C2:C4, C9"."""
    runs: list[tuple[str, int, int]] = []
    for column, row in sorted(
        (coordinate_from_string(c) for c in cells), key=lambda cr: (len(cr[0]), cr[0], cr[1])
    ):
        if runs and runs[-1][0] == column and runs[-1][2] + 1 == row:
            runs[-1] = (column, runs[-1][1], row)
        else:
            runs.append((column, row, row))
    parts = [f"{c}{a}" if a == b else f"{c}{a}:{c}{b}" for c, a, b in runs]
    if len(parts) > 4:
        parts = [*parts[:3], ELLIPSIS]
    return ", ".join(parts) or None


def _assessment_id(draft: Draft, source: str, content_key: str) -> str:
    key = "|".join((*draft.key(), source, content_key, *draft.response))
    return hashlib.sha1(key.encode("utf-8"), usedforsecurity=False).hexdigest()[:12]


def _frames(
    ctx: ReadContext, drafts: list[Draft]
) -> tuple[pd.DataFrame, pd.DataFrame, list[tuple[tuple[Any, ...], Draft]]]:
    """The tidy tables: one row per (assessment, capability) and per (assessment, enabler);
    and what they were made of, each assessment's row of ``ASSESSMENT_COLUMNS`` and draft."""
    heads: list[tuple[Any, ...]] = []
    kept: list[Draft] = []
    for draft in drafts:
        if draft.country is None and not settle_country(ctx, draft, drafts):
            continue
        source = (
            ctx.file
            if draft.sheet.name is None
            else (f"{ctx.file}{SOURCE_SEPARATOR}{draft.sheet.name}")
        )
        heads.append(
            (
                _assessment_id(draft, source, ctx.content_key),
                draft.country,
                draft.iso3 or iso3_of(draft.country),
                draft.year,
                draft.date.isoformat() if draft.date else None,
                draft.round,
                draft.assessed_by,
                source,
            )
        )
        kept.append(draft)
    heads, kept = join_twins(ctx, heads, kept)  # one assessment read twice: each item once
    warn_long_names(ctx, heads)
    framework = ctx.framework
    head_arrays = {  # each assessment column once, for both tables
        name: contract_array(name, [head[index] for head in heads])
        for index, name in enumerate(ASSESSMENT_COLUMNS)
    }
    capabilities = _items_frame(
        CAPABILITY_COLUMNS,
        head_arrays,
        [d.items["capability"] for d in kept],
        {
            "capability": [c.number for c in framework.capabilities],
            "domain": [c.domain for c in framework.capabilities],
        },
    )
    enablers = _items_frame(
        ENABLER_COLUMNS,
        head_arrays,
        [d.items["enabler"] for d in kept],
        {"enabler": [e.number for e in framework.enablers]},
    )
    return capabilities, enablers, list(zip(heads, kept, strict=True))


_NO_ANSWER = (None, None, None)


def _items_frame(
    columns: Sequence[str],
    heads: dict[str, Any],
    answers: list[dict[int, tuple[int | None, str | None, str | None]]],
    items: dict[str, list[Any]],
) -> pd.DataFrame:
    """One row per (assessment, item): each assessment's head repeated for its items, the
    items repeated for each assessment (both by index, not value by value), then the answers."""
    numbers = next(iter(items.values()))
    count = len(numbers)
    per_head = np.repeat(np.arange(len(answers)), count)
    per_item = np.tile(np.arange(count), len(answers))
    values: dict[str, Any] = {name: take_rows(array, per_head) for name, array in heads.items()}
    for name, column in items.items():
        values[name] = take_rows(constant_array(name, tuple(column)), per_item)  # made once
    # Each assessment's answers looked up item by item in C (``map`` of ``dict.get``).
    unanswered = [_NO_ANSWER] * count
    found = list(chain.from_iterable(map(given.get, numbers, unanswered) for given in answers))
    # The answers' three parts as three columns (an empty table has none of them).
    parts = [list(map(itemgetter(index), found)) for index in range(3)]
    for name, part in zip(("level", "evidence", "confidence"), parts, strict=True):
        values[name] = contract_array(name, part)
    # In the contract's order already, so pandas has nothing to reorder.
    return pd.DataFrame({name: values[name] for name in columns}, copy=False)
