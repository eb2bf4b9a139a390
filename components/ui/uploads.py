"""What the upload page says about each file, and what it offers to keep."""

from __future__ import annotations

import numbers
from collections.abc import Collection as Collection_
from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, TypeVar

import pandas as pd

from components.base.text import count_of, plural
from components.framework.model import Framework
from components.ingest.collection import (
    Collection,
    add_assessments,
    discarded_by_choice,
    duplicate_groups,
    remove_assessments,
)
from components.ingest.labels import assessment_label
from components.ingest.limits import MB, SessionLimits
from components.ingest.report import (
    CAPABILITY_COLUMNS,
    ENABLER_COLUMNS,
    PLAN_COLUMNS,
    ReadResult,
    empty_plans,
)
from components.scoring.tables import session_table
from components.ui.markdown import Markdown, literal

# What the upload box takes: every kind the reader reads (after the file guard vets it), and
# the old kinds it only names (Lotus 1-2-3, Quattro Pro, Works for DOS, StarOffice, KSpread):
# taken so that the reader can say what such a file is and how to save it as .xlsx, where the
# box alone would only mark it "not allowed".
UPLOAD_TYPES = [
    *("xlsx", "xlsm", "xlsb", "csv", "tsv", "txt", "xls", "ods", "fods", "numbers"),
    *("xml", "htm", "html", "mht", "mhtml"),
    *("xlw", "dbf", "xlr", "xlam", "sxc", "stc"),
    # Excel's space-aligned "Formatted Text" (.prn), SYLK, DIF and Gnumeric workbooks
    *("prn", "slk", "dif", "gnumeric"),
    # named, not read (``components.ingest.old_formats``)
    *("wk1", "wk3", "wk4", "123", "wks", "wrk", "wq1", "wq2", "wb1", "wb2", "wb3", "qpw"),
    *("sdc", "ksp"),
]
UPLOAD_LABEL = (
    "Excel or LibreOffice workbooks, CSV and other text tables, or what a system saved as "
    "“export to Excel”"
)
# Each kind of file the reader reads, by who makes it: the list under the upload box.
FILE_KINDS = (
    (
        "Excel",
        ".xlsx, .xlsm, .xlsb, .xls, an add-in (.xlam), XML Spreadsheet 2003 (.xml), Excel "
        "2.x to 4.0 files (.xls, .xlw), and a workbook saved as a web page in one file (.mht, "
        ".mhtml)",
    ),
    (
        "Other spreadsheet programs",
        "LibreOffice and OpenOffice (.ods, .fods, .sxc, .stc), Apple Numbers (.numbers), Gnumeric "
        "(.gnumeric), Works (.xlr)",
    ),
    (
        "Tables as text",
        ".csv, .tsv and .txt (any separator, most encodings), columns lined up with spaces "
        "(.prn, printed reports), SYLK (.slk), DIF (.dif), dBase tables (.dbf)",
    ),
    (
        "Systems and websites",
        "web pages of tables (.htm, .html, or saved as .xls), as online systems write when "
        "they “export to Excel”",
    ),
    (
        "Not read",
        "Lotus 1-2-3, Quattro Pro, Works for DOS, StarOffice and KSpread files: the app says "
        "what the file is; open it in LibreOffice Calc and save it as .xlsx, then upload that",
    ),
)


def file_kinds_markdown() -> Markdown:
    """The kinds of file the upload box takes, one line per group (``FILE_KINDS``)."""
    return Markdown("\n".join(f"- **{group}**: {kinds}." for group, kinds in FILE_KINDS))


# Up to this many problems read best as a plain table (it is also what screen readers and
# printouts get); more go in a scrollable, searchable grid.
PROBLEMS_SHOWN_AS_TABLE = 25


@dataclass(frozen=True)
class UploadSummary:
    """The headline numbers for one uploaded file, and one sentence that sums it up."""

    file_label: Markdown
    file_stem: str
    assessments: int
    levels_read: int
    errors: int
    warnings: int
    verdict: Markdown
    enabler_levels_read: int = 0  # counted apart: "levels read" are the capabilities'

    @property
    def also_read(self) -> str | None:
        """What was read besides the capabilities' levels, as a sentence; ``None`` if nothing."""
        if not self.enabler_levels_read:
            return None
        return f"Also read: {count_of(self.enabler_levels_read, 'enabler level')}."


def upload_summary(result: ReadResult, *, fix_step: bool = False) -> UploadSummary:
    """Count what a file gave and say in one Markdown sentence whether it can be used.

    ``fix_step``: the page offers "Fix how this file is read" for it (the sentence then points
    there when nothing usable was read).
    """
    assessments = int(result.capabilities["assessment_id"].nunique())
    levels_read = int(result.capabilities["level"].notna().sum())
    enablers = result.enablers
    enabler_levels = int(enablers["level"].notna().sum()) if "level" in enablers else 0
    errors = sum(1 for problem in result.problems if problem.severity == "error")
    warnings = sum(1 for problem in result.problems if problem.severity == "warning")
    empty = len(without_levels(result.capabilities, result.enablers, result.plans))
    if assessments == 0:
        verdict = Markdown(
            ":red[**Nothing could be used from this file.**] The report below says why and "
            "how to fix it."
        )
    elif empty == assessments:
        verdict = _nothing_read(assessments, errors, fix_step=fix_step)
    elif errors:
        verdict = Markdown(
            f":orange[**Partly read.**] {errors} {plural(errors, 'value was', 'values were')} "
            "left out (see the errors below); everything else was kept."
            + _some_empty(empty, assessments)
        )
    elif empty:
        verdict = Markdown(":orange[**Partly read.**]" + _some_empty(empty, assessments))
    elif warnings:
        verdict = Markdown(
            ":blue[**Read, with assumptions.**] Check the warnings below: each says what was "
            "assumed."
        )
    else:
        verdict = Markdown(":green[**Read completely.**] No problems found.")
    return UploadSummary(
        file_label=literal(result.file),
        file_stem=_file_stem(result.file),
        assessments=assessments,
        levels_read=levels_read,
        enabler_levels_read=enabler_levels,
        errors=errors,
        warnings=warnings,
        verdict=verdict,
    )


def _nothing_read(assessments: int, errors: int, *, fix_step: bool) -> Markdown:
    """The verdict on a file that named assessments but gave no level of any of them."""
    found = "an assessment" if assessments == 1 else f"{assessments} assessments"
    if errors:
        why = (
            f"The app found {found} in it but read no level: {errors} "
            f"{plural(errors, 'value was', 'values were')} left out (see the errors below)."
        )
    else:
        why = (
            f"The app found {found} in it, but every level is blank (a blank level means "
            "not assessed)."
        )
    if fix_step:
        what = ' Use "Fix how this file is read" below to tell the app what it could not work out.'
    elif errors:
        what = " Each error below says how to fix it in the file; then upload the file again."
    else:
        what = " Fill in the levels and upload the file again."
    return Markdown(f":red[**Nothing usable was read from this file.**] {why}{what}")


def _some_empty(empty: int, assessments: int) -> str:
    """The sentence on the assessments of a file of which no level was read (none: "")."""
    if not empty:
        return ""
    return (
        f" No level was read for {empty} of its {assessments} assessments (see the preview below)."
    )


def without_levels(
    capabilities: pd.DataFrame, enablers: pd.DataFrame, plans: pd.DataFrame | None = None
) -> list[str]:
    """The assessments of which no level was read, of a capability or an enabler, and no action
    plan (their ids, in order; one of enablers or a plan only is an assessment, as the reader
    says in ``components.ingest.nothing_read``)."""
    if capabilities.empty:
        return []
    ids = capabilities["assessment_id"].drop_duplicates()
    rated = set(capabilities.loc[capabilities["level"].notna(), "assessment_id"])
    if not enablers.empty and "level" in enablers:
        rated |= set(enablers.loc[enablers["level"].notna(), "assessment_id"])
    if plans is not None and not plans.empty:
        rated |= set(plans["assessment_id"])
    return [i for i in ids if i not in rated]


def pending_assessments(
    results: Sequence[ReadResult], kind: Literal["capabilities", "enablers"] = "capabilities"
) -> pd.DataFrame:
    """Every assessment read from the current uploads, as one tidy frame."""
    columns = CAPABILITY_COLUMNS if kind == "capabilities" else ENABLER_COLUMNS
    frames = [getattr(result, kind) for result in results if not getattr(result, kind).empty]
    if not frames:
        return pd.DataFrame(columns=columns)
    return pd.concat(frames, ignore_index=True)


def pending_plans(results: Sequence[ReadResult], assessment_ids: set[str]) -> pd.DataFrame:
    """The action plans read from the current uploads, of the given assessments."""
    frames = [result.plans for result in results if not result.plans.empty]
    if not frames:
        return empty_plans()
    plans = pd.concat(frames, ignore_index=True)
    return plans[plans["assessment_id"].isin(assessment_ids)].reset_index(drop=True)


def problem_table(result: ReadResult) -> pd.DataFrame:
    """The validation report with the column names a person reads (errors first)."""
    frame = result.problems_frame()
    return pd.DataFrame(
        {
            "Severity": frame["severity"].map({"error": "Error", "warning": "Warning"}),
            "Sheet": frame["sheet"].fillna("–"),
            "Cell": frame["cell"].fillna("–"),
            "What is wrong": frame["message"],
            "How to fix it": frame["fix"],
        }
    )


def _file_stem(name: str) -> str:
    """A safe base for a download's file name: letters, digits, dash and underscore only."""
    stem = name.rsplit(".", 1)[0] if "." in name else name
    cleaned = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem).strip("-")
    return cleaned[:60] or "upload"


@dataclass(frozen=True)
class DuplicateChoice:
    """One group of duplicates: its question, and each copy's id with a readable label."""

    group: object
    question: Markdown
    options: dict[str, Markdown]  # assessment id -> label (new uploads first)


def duplicate_choices(groups: pd.DataFrame, total_capabilities: int) -> list[DuplicateChoice]:
    """The questions to ask about duplicates, one per group, with labels people can tell apart.

    Labels are Markdown-escaped and cut: radio options render Markdown, and these carry user
    text.
    """
    choices = []
    for group, members in groups.groupby("duplicate_group", sort=False):
        options = {
            row["assessment_id"]: literal(
                f"{assessment_label(row)} · {row['source']} · {row['where']} · "
                f"{row['assessed']} of {total_capabilities} assessed",
                max_chars=160,
            )
            for _, row in members.iterrows()
        }
        question = literal(f"Keep which copy of {assessment_label(members.iloc[0])}?")
        choices.append(DuplicateChoice(group, question, options))
    return choices


@dataclass(frozen=True)
class AdditionPlan:
    """What pressing "Add" will do: which assessments come in, which session copies go."""

    capabilities: pd.DataFrame  # the assessments to add
    enablers: pd.DataFrame
    removed_from_session: frozenset[str]  # session copies replaced by a chosen upload
    new: int  # assessments not yet in the session
    # The labels of the assessments to add of which no level was read (added all "not
    # assessed": the page says so before the person adds them).
    without_levels: tuple[str, ...] = ()
    # The action plans read with them; None when no file had one (plans made in the app for
    # the same assessments are then kept).
    plans: pd.DataFrame | None = None

    @property
    def has_work(self) -> bool:
        return self.new > 0 or bool(self.removed_from_session)


def plan_additions(
    current: Collection,
    results: Sequence[ReadResult],
    groups: pd.DataFrame,
    keep: Mapping[object, str],
    already_loaded: Collection_[str] = frozenset(),
) -> AdditionPlan:
    """Everything read from the uploads, less the duplicates the person chose to leave out and
    the uploads ``already_loaded`` (the same as a copy in the session: nothing to add)."""
    capabilities = pending_assessments(results)
    enablers = pending_assessments(results, kind="enablers")
    discarded = discarded_by_choice(groups, keep) | set(already_loaded)
    in_session = set(current.assessment_ids)
    kept = capabilities[~capabilities["assessment_id"].isin(discarded)]
    kept_ids = set(kept["assessment_id"])
    kept_enablers = enablers[enablers["assessment_id"].isin(kept_ids)]
    plans = pending_plans(results, kept_ids) if any(not r.plans.empty for r in results) else None
    firsts = kept.drop_duplicates("assessment_id").set_index("assessment_id")
    return AdditionPlan(
        capabilities=kept,
        enablers=kept_enablers,
        removed_from_session=frozenset(discarded & in_session),
        new=len(kept_ids - in_session),
        without_levels=tuple(
            assessment_label(firsts.loc[i]) for i in without_levels(kept, kept_enablers, plans)
        ),
        plans=plans,
    )


def apply_plan(current: Collection, plan: AdditionPlan) -> Collection:
    """The session's collection after the plan: replaced copies out, new assessments in."""
    return add_assessments(
        remove_assessments(current, plan.removed_from_session),
        plan.capabilities,
        plan.enablers,
        "upload",
        plan.plans,
    )


class UploadedFile(Protocol):
    """What the page needs of a file in the uploader (Streamlit's ``UploadedFile``)."""

    @property
    def file_id(self) -> str: ...


File = TypeVar("File", bound=UploadedFile)


def files_to_read(results: MutableMapping[str, ReadResult], files: Sequence[File]) -> list[File]:
    """The files not read yet; what was read from files no longer in the uploader is forgotten.

    Each file is read once: a rerun (any click on the page) reuses ``results``.
    """
    current = {file.file_id for file in files}
    for stale in set(results) - current:
        del results[stale]  # the person removed that file from the uploader
    return [file for file in files if file.file_id not in results]


def results_in_order(
    results: Mapping[str, ReadResult], files: Sequence[UploadedFile]
) -> list[ReadResult]:
    """What was read from each file, in the uploader's order."""
    return [results[file.file_id] for file in files if file.file_id in results]


def files_in_order(results: Mapping[str, ReadResult], files: Sequence[File]) -> list[File]:
    """The uploaded files that were read, in the uploader's order (as ``results_in_order``)."""
    return [file for file in files if file.file_id in results]


def has_assessments(results: Sequence[ReadResult]) -> bool:
    """True when any of the files gave at least one assessment (there is something to keep)."""
    return any(not result.capabilities.empty for result in results)


def duplicates_among(current: Collection, results: Sequence[ReadResult]) -> pd.DataFrame:
    """Groups of the same country, date and round across the uploads and the session."""
    return duplicate_groups(current, pending_assessments(results))


def already_loaded(
    current: Collection, results: Sequence[ReadResult], groups: pd.DataFrame
) -> dict[str, str]:
    """The uploads that repeat an assessment already in the session value for value (same
    country, date and round; the same level, evidence and confidence of every capability and
    enabler; the same assessor; and the same plan, when the file has one): by the upload's id,
    the session copy's. Adding them would change nothing, so they are not offered."""
    if groups.empty:
        return {}
    uploads = (
        pending_assessments(results),
        pending_assessments(results, kind="enablers"),
        pending_plans(results, set(groups["assessment_id"])),
    )
    session = (current.capabilities, current.enablers, current.plans)
    repeats: dict[str, str] = {}
    for _, members in groups.groupby("duplicate_group", sort=False):
        here = members.loc[members["where"] == "in this session", "assessment_id"]
        for upload in members.loc[members["where"] == "new upload", "assessment_id"]:
            mine = _content(upload, *uploads)
            with_plan = bool(mine[-1])
            for kept in here:
                theirs = _content(kept, *session)
                if mine[:-1] == theirs[:-1] and (not with_plan or mine[-1] == theirs[-1]):
                    repeats[upload] = kept
                    break
    return repeats


def _content(
    assessment_id: str, capabilities: pd.DataFrame, enablers: pd.DataFrame, plans: pd.DataFrame
) -> tuple[object, ...]:
    """One assessment's values, comparable across files (its id, source and name left out)."""

    def rows(frame: pd.DataFrame, columns: list[str]) -> tuple[tuple[object, ...], ...]:
        if frame.empty or "assessment_id" not in frame:
            return ()
        mine = frame.loc[frame["assessment_id"] == assessment_id, columns]
        return tuple(sorted(tuple(_comparable(v) for v in row) for row in mine.to_numpy()))

    facts = ["level", "evidence", "confidence"]
    return (
        rows(capabilities, ["capability", *facts, "assessed_by"]),
        rows(enablers, ["enabler", *facts]),
        rows(plans, PLAN_COLUMNS[1:]),
    )


def _comparable(value: object) -> str:
    """A cell as text for comparing: numbers by value (3 and 3.0 alike), dates by day, every
    kind of missing (None, NaN, NaT, <NA>) as ""."""
    if value is None or isinstance(value, str):
        return value or ""
    try:
        if pd.isna(value):  # type: ignore[call-overload]
            return ""
    except (TypeError, ValueError):
        pass
    if isinstance(value, numbers.Number):
        return f"{float(value):g}"  # type: ignore[arg-type]
    isoformat = getattr(value, "isoformat", None)
    return str(isoformat())[:10] if isoformat else str(value)


def without_repeats(groups: pd.DataFrame, repeats: Collection_[str]) -> pd.DataFrame:
    """The duplicate groups less the uploads already loaded; a group left with one copy is no
    question any more."""
    kept = groups[~groups["assessment_id"].isin(set(repeats))]
    sizes = kept.groupby("duplicate_group")["assessment_id"].transform("size")
    return kept[sizes > 1].reset_index(drop=True)


def already_loaded_note(groups: pd.DataFrame, repeats: Collection_[str]) -> Markdown | None:
    """What the page says of the uploads already in the session: nothing changes for them."""
    rows = groups[groups["assessment_id"].isin(set(repeats))].drop_duplicates("assessment_id")
    if rows.empty:
        return None
    names = "; ".join(
        literal(f"{assessment_label(row)} ({row['source']})", max_chars=160)
        for _, row in rows.iterrows()
    )
    count = len(rows)
    which = "This assessment is" if count == 1 else f"These {count} assessments are"
    return Markdown(
        f"{which} already in this session with the same levels, evidence and confidence "
        f"(read from another file or sheet), so nothing changes for "
        f"{'it' if count == 1 else 'them'}: {names}."
    )


def uploader_help(max_file_bytes: int, session: SessionLimits | None = None) -> str:
    """The upload box's help: the size limits, and that several files and assessments are fine."""
    per_session = (
        f" One browser session reads up to {session.max_files} files and "
        f"{session.max_bytes // MB} MB in all."
        if session is not None
        else ""
    )
    return (
        f"Up to {max_file_bytes // MB} MB per file. Several files at once are fine, and one "
        f"workbook may hold several assessments (one per sheet, or many in one table).{per_session}"
    )


def keep_heading(has_duplicates: bool) -> str:
    """The last step's heading: step 4 after choosing between duplicates, else step 3."""
    return f"{'4' if has_duplicates else '3'}. Keep them"


def add_label(plan: AdditionPlan) -> str:
    """The Add button: how many assessments come in, and how many session copies they replace."""
    label = f"Add {plan.new} {plural(plan.new, 'assessment')} to this session"
    notes = []
    if plan.removed_from_session:
        replaced = len(plan.removed_from_session)
        notes.append(f"replacing {replaced} {plural(replaced, 'copy', 'copies')} already there")
    if plan.without_levels:
        notes.append(f"{len(plan.without_levels)} with no level read")
    return label + (f" ({'; '.join(notes)})" if notes else "")


def without_levels_note(plan: AdditionPlan) -> Markdown | None:
    """What the page says, above the Add button, of the assessments of which no level was read
    (``None`` when every one has a level)."""
    if not plan.without_levels:
        return None
    count = len(plan.without_levels)
    names = "; ".join(literal(label, max_chars=160) for label in plan.without_levels)
    which = "this assessment" if count == 1 else f"these {count} assessments"
    they = "it" if count == 1 else "they"
    return Markdown(
        f"No level was read for {which}: {names}. Added now, {they} would show every "
        "capability as not assessed. The file reports above say how to get the levels read."
    )


def nothing_to_add(chose_between_duplicates: bool) -> str:
    """What the page says when every assessment read is already in the session."""
    return "Every assessment read from these files is in this session" + (
        ", and you chose the copies already here." if chose_between_duplicates else "."
    )


def removed_message(count: int) -> str:
    """The note after removing assessments from the session."""
    return (
        f"Removed {count} {plural(count, 'assessment')} from this session. Files still in the "
        "upload box above can be added again."
    )


def session_overview(
    current: Collection, framework: Framework
) -> tuple[pd.DataFrame, dict[str, str]]:
    """The session's assessments as a table to show, and their labels by id (for removal)."""
    overview = session_table(current, framework)
    labels = dict(zip(overview["assessment_id"], overview["Assessment"], strict=True))
    return overview.drop(columns=["assessment_id"]), labels
