"""Two sheets of one country and year that are versions of one assessment: "Kenya (draft)" and
"Kenya (final)", "Kenya draft" and "Kenya", "v1" and "v2", "brouillon" and "validé".

``reader._join_split`` keeps both (nothing is dropped: the person chooses on the upload page)
and warns; ``kept_apart`` words that warning, and when the sheets' names say which is the draft
and which the final, names them and says how to keep only the final. ``final_of`` gives that
final sheet's draft so the reader can list it first. The words are read in the vocabulary's
languages (English, French, Spanish, Portuguese); names that say nothing, or say it of more than
one sheet, give the plain warning.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from components.base.text import normalise

_DRAFT = frozenset(
    {
        "draft",
        "provisional",
        "preliminary",
        "brouillon",
        "provisoire",
        "preliminaire",
        "projet",
        "borrador",
        "provisorio",
        "provisoria",
        "preliminar",
        "rascunho",
        "minuta",
    }
)
_FINAL = frozenset(
    {
        "final",
        "finale",
        "definitive",
        "definitif",
        "definitivo",
        "definitiva",
        "validated",
        "valide",
        "validee",
        "validado",
        "validada",
        "approved",
        "approuve",
        "approuvee",
        "aprobado",
        "aprobada",
        "aprovado",
        "aprovada",
    }
)
_VERSION = re.compile(r"^v(?:ersion)?\s*(\d{1,2})$")


def _marks(name: str) -> tuple[str, int | None]:
    """("draft" | "final" | "", the version number) a sheet's name gives."""
    words = re.split(r"[\s()\[\]_.,;:/-]+", normalise(name))
    kind = ""
    if any(word in _DRAFT for word in words):
        kind = "draft"
    if any(word in _FINAL for word in words):
        kind = "" if kind else "final"  # "final draft" says both: nothing certain
    version = None
    for word, after in zip(words, [*words[1:], ""], strict=True):
        found = _VERSION.match(word) or (word in ("v", "version") and _VERSION.match(f"v{after}"))
        if found:
            version = int(found.group(1))
    return kind, version


def final_of(members: Sequence[Any]) -> tuple[Any, list[Any]] | None:
    """(the final draft, the others) when the sheets' names make one the final: the only one
    called final (the others draft or unmarked), the only one not called a draft, or the one
    with the highest version; ``None`` otherwise."""
    marks = [_marks(member.sheet.name or "") for member in members]
    kinds = [kind for kind, _ in marks]
    finals = [i for i, kind in enumerate(kinds) if kind == "final"]
    if len(finals) != 1:
        unmarked = [i for i, kind in enumerate(kinds) if kind == ""]
        drafts = [i for i, kind in enumerate(kinds) if kind == "draft"]
        finals = unmarked if not finals and len(unmarked) == 1 and drafts else []
    if len(finals) != 1 and all(kind == "" for kind in kinds):
        versions = [version for _, version in marks]
        if None not in versions and len(set(versions)) == len(versions):
            finals = [versions.index(max(versions))]
    if len(finals) != 1 or any(kind == "final" for i, kind in enumerate(kinds) if i != finals[0]):
        return None
    final = members[finals[0]]
    return final, [member for member in members if member is not final]


def kept_apart(members: Sequence[Any], overlap: str) -> tuple[str, str]:
    """(message, fix) of the warning for sheets kept as separate assessments."""
    sheets = ", ".join(f"“{d.sheet.name}”" for d in members)
    message = (
        f"Sheets {sheets} each hold an assessment of {members[0].name}, and both assess "
        f"{overlap}; they were kept as separate assessments."
    )
    fix = (
        "Keep one assessment per country, date or year and round in the file (or give "
        "them different rounds); when adding them, choose the one to keep."
    )
    versions = final_of(members)
    if versions is None:
        return message, fix
    final, others = versions
    earlier = ", ".join(f"“{d.sheet.name}”" for d in others)
    message += (
        f" Their names make {earlier} {'a draft' if len(others) == 1 else 'drafts'} and "
        f"“{final.sheet.name}” the final version, which is listed first."
    )
    fix = (
        f"To keep only the final version, choose “{final.sheet.name}” when the upload page "
        "asks you to choose between duplicates (or delete the draft's sheet from the file and "
        "upload it again). If the draft is the one to keep, choose it there instead."
    )
    return message, fix
