"""A workshop's votes as files: an xlsx workbook (README, Votes, Agreement) and a csv.

Without names: participants are "Participant 1, 2, …" in the order they joined. Every text
cell passes through ``neutralise_formula`` (a comment such as ``=HYPERLINK(…)`` stays text);
"don't know" is said in words and its level cell is empty, never 0.
"""

from __future__ import annotations

import io

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from components.exports.safe_text import data_text, neutralise_formula, safe_csv_bytes
from components.framework.model import Framework
from components.scoring.agreement import DISAGREEMENT_NOTE, DONT_KNOW_LABEL, decision_text

VOTES_SHEET = "Votes"
AGREEMENT_SHEET = "Agreement"
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_WIDE = {"Capability": 36, "Comment": 60, "Note": 60, "Votes per level": 44, "Agreed level": 20}


def votes_table(votes: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """The votes (``scoring.agreement.VOTE_COLUMNS``) as a person reads them, one row each."""
    scale = framework.scale
    rows = []
    for vote in votes.itertuples(index=False):
        level = None if pd.isna(vote.level) else int(vote.level)
        rows.append(
            {
                "Capability no": int(vote.capability),
                "Capability": framework.capability(int(vote.capability)).title,
                "Participant": f"Participant {int(vote.participant)}",
                "Level": level,
                "Level label": DONT_KNOW_LABEL if level is None else scale.level(level).label,
                "Comment": data_text(vote.comment),
            }
        )
    columns = ["Capability no", "Capability", "Participant", "Level", "Level label", "Comment"]
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    return frame


def agreement_table(summary: pd.DataFrame, framework: Framework) -> pd.DataFrame:
    """The agreement per capability (``scoring.agreement.summary_table``) for reading."""
    scale = framework.scale
    return pd.DataFrame(
        {
            "Capability no": [int(n) for n in summary["capability"]],
            "Capability": list(summary["title"]),
            "Votes": [int(n) for n in summary["votes"]],
            "Don't know": [int(n) for n in summary["dont_know"]],
            "Votes per level": [
                " · ".join(f"{v}: {c}" for v, c in zip(scale.values, counts, strict=True))
                for counts in summary["counts"]
            ],
            "Median": [None if pd.isna(m) else float(m) for m in summary["median"]],
            "Middle half": [
                "–" if pd.isna(low) else f"{low:g} to {high:g}"
                for low, high in zip(
                    summary["lower_quartile"], summary["upper_quartile"], strict=True
                )
            ],
            "Disagreement": ["yes" if flag else "no" for flag in summary["disagreement"]],
            "Agreed level": [
                decision_text(decided, level, scale)
                for decided, level in zip(summary["decided"], summary["agreed_level"], strict=True)
            ],
            "Note": [data_text(note) for note in summary["note"]],
        },
    ).astype(object)


def _write(sheet: object, table: pd.DataFrame) -> None:
    sheet.append(list(table.columns))  # type: ignore[attr-defined]
    for cell in sheet[1]:  # type: ignore[index]
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for record in table.itertuples(index=False):
        sheet.append([neutralise_formula(value) for value in record])  # type: ignore[attr-defined]
    for row in sheet.iter_rows(min_row=2):  # type: ignore[attr-defined]
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text is never a formula
    for index, name in enumerate(table.columns, start=1):
        width = _WIDE.get(str(name), 14)
        sheet.column_dimensions[get_column_letter(index)].width = width  # type: ignore[attr-defined]
    sheet.freeze_panes = "A2"  # type: ignore[attr-defined]


def votes_workbook_xlsx(
    votes: pd.DataFrame, summary: pd.DataFrame, framework: Framework, title: str
) -> bytes:
    """README, the votes (one row per participant and capability) and the agreement per
    capability, in one xlsx workbook. No names."""
    workbook = Workbook()
    readme = workbook.active
    readme.title = "README"
    participants = votes["participant"].nunique() if not votes.empty else 0
    lines = [
        f"Workshop votes: {title}",
        "",
        f"{len(votes)} votes from {participants} participants on "
        f"{len(summary)} capabilities of {framework.name}.",
        f"Sheet “{VOTES_SHEET}”: one row per participant and capability, as last changed. "
        "Participants are numbered in the order they joined; their names are not in this file.",
        f"Sheet “{AGREEMENT_SHEET}”: per capability, the votes per level, the median, the "
        "middle half, whether the room disagreed, and the level the room agreed.",
        f"A “{DONT_KNOW_LABEL}” vote has an empty Level: it is counted, and left out of the "
        "median and the spread.",
        DISAGREEMENT_NOTE,
        "Text that begins with =, +, -, @, a tab or a line break has a leading apostrophe, so "
        "that a spreadsheet shows it as text instead of running it as a formula.",
    ]
    for line in lines:
        readme.append([neutralise_formula(line) if line else None])
    readme["A1"].font = Font(bold=True, size=14)
    readme.column_dimensions["A"].width = 120
    _write(workbook.create_sheet(VOTES_SHEET), votes_table(votes, framework))
    _write(workbook.create_sheet(AGREEMENT_SHEET), agreement_table(summary, framework))
    workbook.active = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def votes_csv(votes: pd.DataFrame, framework: Framework) -> bytes:
    """The votes as UTF-8 CSV (with a byte-order mark), formulas neutralised, no names."""
    return safe_csv_bytes(votes_table(votes, framework))


def names_csv(names: list[str]) -> bytes:
    """The names and organisations participants gave, one a row, sorted, with no vote beside
    them (for the workshop's attendance list), as CSV with formulas neutralised."""
    return safe_csv_bytes(pd.DataFrame({"Name or organisation": list(names)}, dtype=object))
