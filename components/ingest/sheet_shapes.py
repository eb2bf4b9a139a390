"""Sheets reshaped before they are read, so that the layouts the reader knows apply.

``reshape_sheets`` runs, in order: ``form_choices`` (a form's coded answers read by the
labels of its pasted choices sheet), ``word_cells`` (lines of PDF text split into a cell per
word, joined back), ``line_records`` (a table copied one cell a line, put back into rows),
``year_rows`` (one country's table of years turned on its side, given the country its
label, title or file names), ``target_tables`` (a table of targets beside the table of
levels, left out), ``tab_rows`` (a table's rows pasted into one cell each, split at their
tabs), ``pipe_rows`` (a Markdown table's rows in one cell each, split at their pipes),
``page_sheets`` (a PDF's pages written one sheet each, joined into one table),
``country_blocks`` (a wide table printed as blocks of other countries, a sheet each),
``kobo_repeats`` (a KoboToolbox repeat group's sheet joined to its form's submissions),
``redcap_repeats`` (a REDCap record's rows given its country), ``case_states`` (a "state"
column of records' states set apart from the country), ``numbers_tables`` (a csv of Apple
Numbers' tables, each its own sheet), ``sub_items`` (a project tool's sub-items under each
item, left out), ``issue_titles`` (an issue's title naming its country, capability and year,
"[KEN] Cap 7 – … (2025)", read into columns of their own), ``task_boards`` (a board's tasks
named after the capabilities, each in the list of its level or tagged with it),
``matrix_cells`` (a form's matrix answered in one cell, spread to a column per capability)
and ``capability_sheets`` (the capability named by the sheet's name, or by a column headed
otherwise), after ``workshop_votes`` left out the app's own workshop votes file. Each says
what it assumed. ``join_shaped`` joins what the one-capability sheets give, after they are
read, and settles what the joined pages' sheets say (``page_sheets``) and what those that look
like pages but were not joined say (``unjoined_pages``).

First of all, ``tool_marks`` leaves a no-code tool's marks out of its values ("3;#Malaysia",
"@Jordan"); once rows are whole again (``year_rows``), ``parent_rows`` gives a country's parent
row (a project plan's hierarchy) to the capabilities' rows under it; last, ``record_times``
gives an assessment the year its rows were recorded in, when it has no other.
"""

from __future__ import annotations

from components.ingest.capability_sheets import join_capability_sheets, name_capability_sheets
from components.ingest.case_states import without_case_states
from components.ingest.country_blocks import split_country_blocks
from components.ingest.drafts import Draft
from components.ingest.form_choices import read_form_choices
from components.ingest.issue_titles import split_issue_titles
from components.ingest.kobo_repeats import join_repeat_groups
from components.ingest.line_records import rebuild_line_records
from components.ingest.matrix_cells import spread_matrix_cells
from components.ingest.numbers_tables import split_numbers_tables
from components.ingest.page_sheets import join_page_sheets, settle_page_sheets
from components.ingest.parent_rows import country_parent_rows
from components.ingest.pipe_rows import split_pipe_rows
from components.ingest.record_times import year_from_records
from components.ingest.redcap_repeats import join_repeat_instances
from components.ingest.sheets import ReadContext, Sheet
from components.ingest.sub_items import without_sub_items
from components.ingest.tab_rows import split_tab_rows
from components.ingest.target_tables import without_target_tables
from components.ingest.task_boards import read_task_boards
from components.ingest.tool_marks import strip_tool_marks
from components.ingest.unjoined_pages import refuse_unjoined_pages
from components.ingest.word_cells import join_word_cells
from components.ingest.workshop_votes import without_workshop_votes
from components.ingest.year_rows import give_year_rows_country

__all__ = ["join_shaped", "reshape_sheets"]


def reshape_sheets(ctx: ReadContext, sheets: list[Sheet]) -> tuple[list[Sheet], set[int]]:
    """The sheets to read, and the ids of the one-capability sheets among them."""
    sheets = read_form_choices(ctx, strip_tool_marks(ctx, sheets))  # "3;#Malaysia", "@Jordan"
    sheets = join_word_cells(ctx, sheets)  # PDF text split at spaces
    sheets = rebuild_line_records(ctx, sheets)  # a PDF's table copied one cell a line
    sheets = give_year_rows_country(ctx, sheets)  # one country's years down, no Country column
    sheets = country_parent_rows(ctx, sheets)  # "Kenya (2023)" over its rows
    sheets = split_pipe_rows(ctx, split_tab_rows(ctx, without_target_tables(ctx, sheets)))
    sheets = join_page_sheets(ctx, sheets)
    sheets = split_country_blocks(ctx, sheets)  # a wide table's blocks of other countries
    sheets = join_repeat_groups(ctx, without_workshop_votes(ctx, sheets))
    sheets = join_repeat_instances(ctx, sheets)  # REDCap's repeating instrument
    sheets = without_case_states(ctx, sheets)  # a case export's "state": open or closed
    sheets = without_sub_items(ctx, split_numbers_tables(sheets))  # monday.com's "Subitems"
    sheets = split_issue_titles(ctx, sheets)  # "[KEN] Cap 7 – … (2025)": a Jira issue's title
    sheets = read_task_boards(ctx, sheets)  # Trello's "Card Name" and "List Name"
    return name_capability_sheets(ctx, spread_matrix_cells(ctx, sheets))


def join_shaped(
    ctx: ReadContext, sheets: list[Sheet], drafts: list[Draft], named: set[int]
) -> list[Draft]:
    """The drafts read from the reshaped ``sheets``, the one-capability sheets' joined, with
    the problems of the pages' sheets joined (``page_sheets``) settled."""
    settle_page_sheets(ctx, sheets)
    drafts = refuse_unjoined_pages(ctx, sheets, year_from_records(ctx, drafts))
    return join_capability_sheets(ctx, drafts, named)
