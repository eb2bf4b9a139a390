"""A form sent again by the same person to correct it: the later response is the one read.

People send an online form a second time to correct their answers (Google Forms and
Microsoft Forms keep both responses). Two responses for the same country, year and round
sent by the same person (the same e-mail address or name, as the form's own column gives
it; never the tool's "anonymous") are one assessment corrected: the later one (by its date,
else by its row, as the tools list responses in the order they came) is read in place of
the earlier, said in a warning naming both rows and the levels that changed. Responses of
different people, or with no column saying who sent them, are never decided here
(``form_responses.say_shared``).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from components.base.text import normalise
from components.ingest.drafts import Draft
from components.ingest.form_responses import respondent, respondent_columns
from components.ingest.sheets import ReadContext, Sheet, quoted

# Levels that changed, listed in the warning; more are counted.
_SHOWN = 6


def keep_corrections(
    ctx: ReadContext, sheet: Sheet, drafts: list[Draft], headers: Mapping[int, str | None]
) -> list[Draft]:
    """``drafts`` (a form's responses) without those that a later response of the same
    person, country, year and round corrects; each replacement said."""
    who = respondent_columns(headers)
    if not who:
        return drafts
    groups: dict[tuple[str, str, str, str], list[tuple[Draft, str]]] = {}
    for draft in drafts:
        if draft.country is None or not draft.response:
            continue
        person = _person(sheet, int(draft.response[0]) - 1, who)
        if person is None:
            continue
        key = (normalise(draft.country), str(draft.year or ""), normalise(draft.round or ""))
        groups.setdefault((*key, normalise(person)), []).append((draft, person))
    replaced: set[int] = set()
    for members in groups.values():
        if len(members) < 2:
            continue
        members.sort(key=lambda m: (m[0].date or datetime.date.min, int(m[0].response[0])))
        later, person = members[-1]
        for earlier, _ in members[:-1]:
            replaced.add(id(earlier))
            _say(ctx, sheet, earlier, later, person)
    return [d for d in drafts if id(d) not in replaced]


def _person(sheet: Sheet, row: int, who: list[int]) -> str | None:
    """Who sent the response in ``row`` (``respondent``), by the first column saying it."""
    for column in who:
        person = respondent(sheet.value(row, column))
        if person is not None:
            return person
    return None


def _say(ctx: ReadContext, sheet: Sheet, earlier: Draft, later: Draft, person: str) -> None:
    old, new = int(earlier.response[0]), int(later.response[0])
    title = " ".join(p for p in (later.country, str(later.year or ""), later.round) if p)
    changed = []
    for kind in ("capability", "enabler"):
        before, after = earlier.items[kind], later.items[kind]
        for number in sorted(before.keys() | after.keys()):
            was = before.get(number, (None,))[0]
            now = after.get(number, (None,))[0]
            if was != now:
                shown = lambda level: "none" if level is None else str(level)  # noqa: E731
                changed.append(f"{kind} {number} {shown(was)} → {shown(now)}")
    if changed:
        listed = ", ".join(changed[:_SHOWN]) + (
            f" and {len(changed) - _SHOWN} more" if len(changed) > _SHOWN else ""
        )
        what = f" It changes {listed}."
    else:
        what = " Its levels are the same."
    ctx.add(
        "warning",
        sheet,
        None,
        f"Rows {min(old, new)} and {max(old, new)} assess {title} and were sent by the same person "
        f"({quoted(person)}): the later response (row {new}{_on(later)}) was read, as a "
        f"correction of the earlier one (row {old}{_on(earlier)}), which was not.{what}",
        f"If both are wanted as assessments of their own, give them different rounds; if the "
        f"earlier one is right, delete row {new}, then upload the file again.",
    )


def _on(draft: Draft) -> str:
    return f", sent {draft.date.isoformat()}" if draft.date else ""
