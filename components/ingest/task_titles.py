"""Which column of a project tool's export holds the tasks' titles: "Name", "Task Name", "Card
Name", "Summary", never "Parent task".

Asana, Trello, Planner, monday.com, Notion and Jira head the column of their records' titles
with their own word ("Name", "Task Name", "Card Name", "Summary", "Title"). When the team named
each task after a capability, that column names the capabilities (``capability_sheets`` and
``task_boards`` read it so). Two columns may name them: a subtask's row gives its parent's title
in "Parent task" (Asana), "Parent summary" (Jira), "Parent item" (monday.com), and a domain
column or a label may hold a capability's title now and then. ``title_columns`` keeps the
columns that may be the titles' (never a parent's), the tool's title column first: a column
naming its parent is a reference to another row, never the row's own capability.
"""

from __future__ import annotations

from typing import Any

from components.base.text import normalise

# The words the tools head their records' titles with, normalised.
TITLE_HEADINGS = frozenset(
    {
        "name", "task name", "task", "card name", "card", "title", "task title", "summary",
        "item", "item name", "primary", "primary column", "issue", "subject", "record",
        "record name", "page", "topic", "story", "work item", "nom", "nombre", "nome", "titre",
        "titulo", "tache", "tarea", "tarefa",
    }
)  # fmt: skip
_LONGEST = 20
# Words of a header whose column names another row: the parent's title, the epic's.
_PARENT_WORDS = frozenset({"parent", "parents", "epic", "superior", "parente", "padre", "pai"})


def names_parent(header: Any) -> bool:
    """Whether a column so headed names each row's parent ("Parent task", "Epic Link")."""
    return isinstance(header, str) and bool(set(normalise(header).split()) & _PARENT_WORDS)


def is_title_heading(header: Any) -> bool:
    """Whether a header is a tool's word for its records' titles ("Task Name")."""
    # A short text only: most cells are numbers or sentences, never looked at further.
    return (
        isinstance(header, str) and len(header) <= _LONGEST and normalise(header) in TITLE_HEADINGS
    )


def title_columns(cells: tuple[Any, ...], columns: list[int]) -> list[int]:
    """``columns`` (of the header row ``cells``, each naming capabilities below) less those
    naming a parent; when several remain and one only is headed as the tool's titles, that
    one alone."""
    kept = [c for c in columns if not names_parent(cells[c] if c < len(cells) else None)]
    titled = [c for c in kept if is_title_heading(cells[c] if c < len(cells) else None)]
    return titled if len(kept) > 1 and len(titled) == 1 else kept
