"""Shareable links: the view (country, round, page choices) in the URL, read back safely.

A link such as ``/profile?country=Arvenia&round=2023+(Second+review)&source=demo`` reopens
the same view. Everything in a URL is untrusted and may be stale: a value this session cannot
use becomes a notice, never an exception.

Names travel in links only for the fictional demo (public and made up), as readable labels.
A link to uploaded or library data names no country or round: the view's assessment is
``a=<assessment id>`` (a hash of the file's content, not a name), and page parameters that
name countries or rounds carry assessment ids too (``hide_names``, ``reveal_names``). Links
end up in browser histories and proxy logs; names of real countries and rounds stay out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from components.base.text import quote_for_notice
from components.ui.markdown import Markdown, literal, md

COUNTRY = "country"
ROUND = "round"
SOURCE = "source"
ASSESSMENT = "a"
DEMO_SOURCE = "demo"
LIBRARY_SOURCE = "library"  # the view shows assessments opened from the library
GLOBAL_PARAMS = (COUNTRY, ROUND, SOURCE, ASSESSMENT)
# Page parameters that name a country or a round (of the view's country), by kind.
NAME_PARAMS = {
    "countries": "country",
    "compare_country": "country",
    "compare_round": "round",
    "from": "round",
    "to": "round",
}
_LIST_PARAMS = {"countries"}


@dataclass(frozen=True)
class LinkNames:
    """The session's assessments as links may name them: by id, or (demo only) by name."""

    rounds_by_country: Mapping[str, Mapping[str, str]]  # country -> {assessment id: round}
    public: frozenset[str] = frozenset()  # ids of fictional demo assessments

    def country_of(self, assessment_id: str) -> str | None:
        return next(
            (c for c, rounds in self.rounds_by_country.items() if assessment_id in rounds), None
        )


def _parts(name: str, value: str) -> list[str]:
    return value.split(",") if name in _LIST_PARAMS else [value]


def hide_names(params: Mapping[str, str], names: LinkNames, country: str | None) -> dict[str, str]:
    """The page's parameters with each name of uploaded or library data replaced by an id.

    A country becomes the id of its latest assessment, a round (of ``country``) the id of
    that assessment; demo names stay as they are.
    """
    hidden = dict(params)
    for name, kind in NAME_PARAMS.items():
        if name not in hidden:
            continue
        parts = []
        for part in _parts(name, hidden[name]):
            if kind == "country":
                rounds = names.rounds_by_country.get(part, {})
                found = list(rounds)[-1] if rounds else None
            else:
                rounds = names.rounds_by_country.get(country or "", {})
                found = next((i for i, label in rounds.items() if label == part), None)
            parts.append(part if found is None or found in names.public else found)
        hidden[name] = ",".join(parts)
    return hidden


def reveal_names(params: Mapping[str, str], names: LinkNames) -> dict[str, str]:
    """An incoming link's page parameters with assessment ids turned back into names.

    Ids this session does not have stay as they are: the page then says the link names
    something that is not here, showing only the id.
    """
    revealed = dict(params)
    for name, kind in NAME_PARAMS.items():
        value = first_value(revealed.get(name))
        if value is None:
            continue
        parts = []
        for part in _parts(name, value):
            country = names.country_of(part.strip())
            if country is None:
                parts.append(part)
            elif kind == "country":
                parts.append(country)
            else:
                parts.append(names.rounds_by_country[country][part.strip()])
        revealed[name] = ",".join(parts)
    return revealed


@dataclass(frozen=True)
class LinkedSelection:
    """What a link asks to show, as far as this session can show it."""

    country: str | None = None
    assessment_id: str | None = None
    wants_demo: bool = False  # the link shows fictional demo data this session has not loaded
    missing_upload: bool = False  # the link shows uploaded data this session does not have
    notices: tuple[Markdown, ...] = ()


def first_value(value: str | Sequence[str] | None) -> str | None:
    """One value from a query parameter (Streamlit gives lists for repeated parameters)."""
    if value is None or isinstance(value, str):
        return value
    return value[0] if value else None


def read_selection(
    params: Mapping[str, str | Sequence[str]],
    rounds_by_country: Mapping[str, Mapping[str, str]],
    *,
    demo_loaded: bool,
) -> LinkedSelection:
    """Resolve ``country``, ``round`` and ``source`` against this session's assessments.

    ``rounds_by_country`` maps each country in the session to {assessment id: round label}.
    A link to demo data the session has not loaded asks for the demo (it is public and
    fictional, so loading it is harmless); a link to uploaded data the session lacks says so.
    """
    country = first_value(params.get(COUNTRY))
    round_label = first_value(params.get(ROUND))
    source = first_value(params.get(SOURCE))
    from_demo = source == DEMO_SOURCE
    assessment = first_value(params.get(ASSESSMENT))
    if assessment is not None:
        return _linked_assessment(
            assessment.strip(), rounds_by_country, library=source == LIBRARY_SOURCE
        )
    if country is None:
        return LinkedSelection(wants_demo=from_demo and not demo_loaded)
    matched = _find_country(country, rounds_by_country)
    if matched is None:
        if from_demo and not demo_loaded:
            return LinkedSelection(wants_demo=True)
        if from_demo and rounds_by_country:
            # Shown explicitly (not whatever was chosen before), so the notice can name it.
            first = next(iter(rounds_by_country))
            latest = list(rounds_by_country[first].values())[-1]
            asked = (
                md("“{country}”", country=country)
                if round_label is None
                else md("“{country}” (round “{round}”)", country=country, round=round_label)
            )
            return LinkedSelection(
                country=first,
                notices=(
                    md(
                        "The link asks for {asked}, which is not one of the fictional demo "
                        "countries; showing {first}, {latest}, instead.",
                        asked=asked,
                        first=first,
                        latest=latest,
                    ),
                ),
            )
        if source == LIBRARY_SOURCE:
            # The same words whether the library has no such country or keeps it from this
            # person: a link must not tell which.
            return LinkedSelection(
                notices=(
                    f"The link shows {quote_for_notice(country)}, which is neither in this "
                    "session nor among the library assessments you may open. An editor may "
                    "need to sign in, or to share it.",
                )
            )
        return LinkedSelection(
            missing_upload=True,
            notices=(
                md(
                    "The link shows “{country}”, which is not in this session. If it was "
                    "uploaded in another browser session, upload the same file here: uploads "
                    "stay in the session that made them.",
                    country=country,
                ),
            ),
        )
    rounds = rounds_by_country[matched]
    if round_label is None:
        return LinkedSelection(country=matched)
    by_label = {label.casefold(): assessment_id for assessment_id, label in rounds.items()}
    assessment_id = by_label.get(round_label.strip().casefold())
    if assessment_id is None:
        known = Markdown(", ".join(literal(label) for label in list(rounds.values())[:10]))
        return LinkedSelection(
            country=matched,
            notices=(
                md(
                    "The link asks for the round “{asked}” of {country}, which this session "
                    "does not have; showing the latest, {latest}, instead. Rounds here: {known}.",
                    asked=round_label,
                    country=matched,
                    latest=list(rounds.values())[-1],
                    known=known,
                ),
            ),
        )
    return LinkedSelection(country=matched, assessment_id=assessment_id)


def _linked_assessment(
    assessment_id: str, rounds_by_country: Mapping[str, Mapping[str, str]], *, library: bool
) -> LinkedSelection:
    """``a=<id>``: that assessment if this session has it; else say only that it is not here.

    For a library link nothing is said here: ``gone_from_library`` counts every assessment
    of the link that could not be opened, this one included, in one notice.
    """
    for country, rounds in rounds_by_country.items():
        if assessment_id in rounds:
            return LinkedSelection(country=country, assessment_id=assessment_id)
    if library:
        return LinkedSelection()
    return LinkedSelection(
        missing_upload=True,
        notices=(
            Markdown(
                "The link shows an assessment that is not in this session. Uploads stay in the "
                "browser session that made them: if you have the file, upload it here to see "
                "the same view."
            ),
        ),
    )


def linked_parts(params: Mapping[str, str | Sequence[str]]) -> list[str]:
    """Every assessment id (or, in older links, name) the link's ``a`` and page parameters
    name, once each, in order."""
    parts = [first_value(params.get(ASSESSMENT)) or ""]
    for name in NAME_PARAMS:
        value = first_value(params.get(name))
        if value is not None:
            parts.extend(_parts(name, value))
    return list(dict.fromkeys(p.strip() for p in parts if p.strip()))


def unknown_parts(params: Mapping[str, str | Sequence[str]], names: LinkNames) -> list[str]:
    """What the link names (``linked_parts``) that this session has neither by id nor by name."""
    labels = {
        label.casefold() for rounds in names.rounds_by_country.values() for label in rounds.values()
    }
    return [
        part
        for part in linked_parts(params)
        if names.country_of(part) is None
        and _find_country(part, names.rounds_by_country) is None
        and part.casefold() not in labels
    ]


def without_parts(
    params: Mapping[str, str | Sequence[str]], left_out: Sequence[str]
) -> dict[str, str | Sequence[str]]:
    """The link's page parameters without the ``left_out`` parts (a parameter left empty goes)."""
    kept: dict[str, str | Sequence[str]] = dict(params)
    gone = set(left_out)
    for name in NAME_PARAMS:
        value = first_value(params.get(name))
        if value is None:
            continue
        rest = [part for part in _parts(name, value) if part.strip() not in gone]
        if rest:
            kept[name] = ",".join(rest)
        else:
            kept.pop(name)
    return kept


def gone_from_library(count: int, named: int) -> Markdown:
    """A library link's notice for assessments it names that could not be opened.

    The same words whether an assessment was deleted or is kept from this person (a link
    must not tell which), and never its id: an id means nothing to a person. ``named``: how
    many assessments the link names in all.
    """
    if count == 1:
        what = "One assessment in this link is no longer in the library, or not shared with you"
    else:
        what = (
            f"{count} assessments in this link are no longer in the library, or not shared with you"
        )
    rest = "; the rest of the link is shown" if count < named else ""
    return Markdown(f"{what}{rest}. An editor may need to sign in, or to share it.")


def pick(
    params: Mapping[str, str | Sequence[str]],
    name: str,
    allowed: Sequence[str],
    what: str,
) -> tuple[str | None, Markdown | None]:
    """A page's own parameter, if it is one of ``allowed`` (any case); else a notice."""
    raw = first_value(params.get(name))
    if raw is None:
        return None, None
    for option in allowed:
        if option.casefold() == raw.strip().casefold():
            return option, None
    return None, md(
        "The link's {what} “{raw}” is not one this page knows; it was ignored, and the page "
        "shows its usual {what} instead.",
        what=what,
        raw=raw,
    )


def pick_many(
    params: Mapping[str, str | Sequence[str]],
    name: str,
    allowed: Sequence[str],
    what: str,
) -> tuple[list[str] | None, Markdown | None]:
    """A comma-separated list parameter: the known values, and a notice naming the others."""
    raw = first_value(params.get(name))
    if raw is None:
        return None, None
    by_key = {option.casefold(): option for option in allowed}
    chosen, unknown = [], []
    for part in (p.strip() for p in raw.split(",")):
        if not part:
            continue
        if part.casefold() in by_key:
            chosen.append(by_key[part.casefold()])
        else:
            unknown.append(part)
    notice = None
    if unknown:
        names = Markdown(", ".join(quote_for_notice(u) for u in unknown[:5]))
        notice = md(
            "The link names {what} this session does not have: {names}; they were left out.",
            what=what,
            names=names,
        )
    return list(dict.fromkeys(chosen)), notice


def pick_flag(params: Mapping[str, str | Sequence[str]], name: str) -> bool | None:
    """``1``/``true``/``yes`` or ``0``/``false``/``no``; anything else is ignored (None)."""
    raw = first_value(params.get(name))
    if raw is None:
        return None
    value = raw.strip().casefold()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    return None


def pick_int(
    params: Mapping[str, str | Sequence[str]], name: str, lowest: int, highest: int
) -> int | None:
    """A whole number within bounds, or None."""
    raw = first_value(params.get(name))
    if raw is None or not raw.strip().isdigit() or len(raw.strip()) > 6:
        return None
    value = int(raw.strip())
    return value if lowest <= value <= highest else None


def unknown_params(params: Mapping[str, object], known: Sequence[str]) -> Markdown | None:
    """A notice naming parameters that no part of the app uses (typos, stale links)."""
    extra = [name for name in params if name not in known and name not in GLOBAL_PARAMS]
    if not extra:
        return None
    names = Markdown(", ".join(quote_for_notice(name) for name in extra[:5]))
    return md("This page does not use the link parameter {names}; it was ignored.", names=names)


@dataclass
class LinkState:
    """The parameters a page run wants in its URL, collected while it draws.

    ``page_only``: the address holds the page's own parameters only, not the sidebar's
    country and round (a page whose address reopens something else, such as a draft).
    """

    values: dict[str, str] = field(default_factory=dict)
    page_only: bool = False

    def set(self, name: str, value: str | None) -> None:
        if value is None or value == "":
            self.values.pop(name, None)
        else:
            self.values[name] = value


def _find_country(country: str, rounds_by_country: Mapping[str, object]) -> str | None:
    wanted = " ".join(country.split()).casefold()
    for known in rounds_by_country:
        if " ".join(known.split()).casefold() == wanted:
            return known
    return None
