"""Word's text for a box nobody filled, in a level cell: not assessed, said once.

A form made in Word (a content control, a drop-down) and pasted into a workbook keeps the
control's prompt where nothing was chosen: "Choose an item.", "Click or tap here to enter
text.", in the language of the person's Word ("Choisissez un élément.", "Elija un elemento.",
"Escolher um item."). It is no level and no mistake either: the capability was not assessed.
Each such cell is left without a level, and one warning per assessment names them all.
"""

from __future__ import annotations

from typing import Any

from components.base.text import normalise
from components.ingest.report import Problem
from components.ingest.sheets import ReadContext, Sheet

_PROMPTS = (
    # English
    "Choose an item.",
    "Click or tap here to enter text.",
    "Click here to enter text.",
    "Click or tap to enter a date.",
    "Click here to enter a date.",
    # French
    "Choisissez un élément.",
    "Cliquez ou appuyez ici pour entrer du texte.",
    "Cliquez ici pour taper du texte.",
    "Cliquez ici pour entrer du texte.",
    # Spanish
    "Elija un elemento.",
    "Haga clic o pulse aquí para escribir texto.",
    "Haga clic aquí para escribir texto.",
    # Portuguese
    "Escolher um item.",
    "Escolha um item.",
    "Clique ou toque aqui para inserir o texto.",
    "Clique aqui para inserir texto.",
)
PROMPTS = frozenset(normalise(text) for text in _PROMPTS)


def is_prompt(value: Any) -> bool:
    """Whether a cell holds Word's prompt for an empty box."""
    return isinstance(value, str) and normalise(value) in PROMPTS


def note_prompt(ctx: ReadContext, sheet: Sheet, assessment: object, name: str, cell: str) -> None:
    """Count ``cell`` among the assessment's level cells left at Word's prompt: one warning
    per assessment, naming every such cell (rewritten as cells are found)."""
    # The memo holds the assessment, so its id cannot be reused by another one meanwhile.
    key = ("word prompts", id(assessment))
    before: tuple[Problem, list[str], object] | None = ctx.memo.get(key)
    cells = [*before[1], cell] if before else [cell]
    shown = ", ".join(cells)
    which = "cell" if len(cells) == 1 else "cells"
    problem = Problem(
        "warning",
        ctx.file,
        sheet.name,
        cells[0],
        f"{name}: the level {which} {shown} still show Word's text for an empty box (such as "
        "“Choose an item.”), so those capabilities were taken as not assessed."
        if len(cells) > 1
        else f"{name}: the level cell {shown} still shows Word's text for an empty box (such "
        "as “Choose an item.”), so that capability was taken as not assessed.",
        "Nothing to do if they were not assessed. Otherwise choose the level in the form, or "
        "write it in the cell, and upload the file again.",
    )
    index = next((i for i, p in enumerate(ctx.problems) if before and p is before[0]), None)
    if index is None:
        ctx.problems.append(problem)
    else:
        ctx.problems[index] = problem
    ctx.memo[key] = (problem, cells, assessment)
