"""Which assessment each country-less Enablers sheet belongs to, when a file has several.

The template's Enablers sheet has no Country of its own: it belongs to the Assessment sheet's
assessment. When people put a second country in the same workbook, they copy both sheets
("Assessment (2)" and "Enablers (2)", or "Togo" and "Togo enablers"), so each Enablers sheet
is paired with its own assessment:

* by the sheets' names: what is left of the name once the words that say "assessment" or
  "enablers" are taken out ("(2)", "Togo") is the same on both sheets, or is the assessment's
  country;
* failing that, with a single Enablers sheet, the sheet named "Assessment" or the file's only
  assessment (the template as it comes);
* failing that, by order, when there are as many Enablers sheets left as assessment sheets of
  one assessment each: the first with the first, and so on, said in a warning.

Enablers that none of these pairs are reported by the reader (never added to an assessment
that has enablers already, never dropped without a word).
"""

from __future__ import annotations

from functools import cache

from components.base.text import normalise
from components.ingest.drafts import Draft
from components.ingest.sheets import ReadContext
from components.ingest.vocabulary import default_vocabulary


@cache
def _name_words() -> frozenset[str]:
    """The words of a sheet name that say what the sheet is, not whose it is."""
    vocabulary = default_vocabulary()
    enabler = {w for key, f in vocabulary.headers.items() if f == "enabler" for w in key.split()}
    return vocabulary.title_words | frozenset(enabler)


def _own_part(name: str | None) -> str:
    """A sheet name without its words for the kind of sheet: "Enablers (2)" -> "2"."""
    return " ".join(w for w in normalise(name or "").split() if w not in _name_words())


def pair_orphans(
    ctx: ReadContext, orphans: list[Draft], owners: list[Draft]
) -> list[tuple[Draft, Draft | None]]:
    """Each country-less enablers draft with the assessment it belongs to (``None``: unknown).
    An assessment gets at most one; a pairing by the sheets' order is reported."""
    if not orphans:
        return []  # the usual case: no sheet needs an owner
    per_sheet: dict[int, list[Draft]] = {}
    for owner in owners:
        per_sheet.setdefault(id(owner.sheet), []).append(owner)
    # Only a sheet of one assessment can be paired by its name or place.
    single = [members[0] for members in per_sheet.values() if len(members) == 1]
    pairs: dict[int, Draft] = {}
    taken: set[int] = set()
    for orphan in orphans:
        part = _own_part(orphan.sheet.name)
        found = [
            d
            for d in single
            if _own_part(d.sheet.name) == part or (part and normalise(d.country or "") == part)
        ]
        if len(found) == 1 and id(found[0]) not in taken:
            pairs[id(orphan)] = found[0]
            taken.add(id(found[0]))
    left = [o for o in orphans if id(o) not in pairs]
    free = [d for d in single if id(d) not in taken]
    if len(orphans) == 1 and left:
        named = [d for d in owners if (d.sheet.name or "").strip().casefold() == "assessment"]
        owner = named[0] if named else (owners[0] if len(owners) == 1 else None)
        if owner is not None:
            pairs[id(left[0])] = owner
    elif len(left) > 1 and len(left) == len(free) and len(per_sheet) == len(single):
        for orphan, owner in zip(left, free, strict=True):
            pairs[id(orphan)] = owner
            ctx.add(
                "warning",
                orphan.sheet,
                None,
                f"The enablers on sheet “{orphan.sheet.name}” have no country; they were "
                f"joined to the assessment of {owner.name} (sheet “{owner.sheet.name}”) by "
                "the order of the sheets.",
                "If that is wrong, add a Country label and value above the enablers table, "
                "as on the Assessment sheet.",
            )
    return [(orphan, pairs.get(id(orphan))) for orphan in orphans]
