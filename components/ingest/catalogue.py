"""The numbered things a label can name, as the reader matches them: capabilities, enablers.

A catalogue holds each item's title, the capabilities' descriptions and domains, and the other
names the framework gives an item (``aliases`` in ``mnr_data/framework.toml``: its title in the
vocabulary's other languages, "Législation", "Legislación"), which match as its title does.
Matching itself is in ``components.ingest.matching``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Literal

from components.base.text import normalise
from components.framework.model import Framework


@dataclass(frozen=True)
class Catalogue:
    """The numbered things a cell can refer to: the capabilities, or the enablers."""

    kind: Literal["capability", "enabler"]
    titles: Mapping[int, str]
    descriptions: Mapping[int, str] | None = None
    # The numbers of each domain's items in order, for codes numbered within a domain ("2.1":
    # the first capability of the second domain). Empty for the enablers.
    groups: tuple[tuple[int, ...], ...] = ()
    # The domains' names, normalised: a prefix some write before a title ("Victim - ...").
    group_names: frozenset[str] = frozenset()
    # Other names of an item, as (name, number): the framework's translated titles.
    aliases: tuple[tuple[str, int], ...] = ()

    def describe(self, number: int) -> str:
        """``capability 7 (Access to Image Databases)``, as messages cite one."""
        return f"{self.kind} {number} ({self.titles[number]})"

    def __post_init__(self) -> None:
        # Mapping fields are not hashable; titles identify a catalogue. Hashed once: catalogues
        # are keys of the matching caches, looked up for every label read.
        titles = (self.kind, tuple(self.titles.items()), self.aliases)
        object.__setattr__(self, "_hash", hash(titles))

    def __hash__(self) -> int:
        return self._hash  # type: ignore[attr-defined,no-any-return]

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Catalogue)
            and self.kind == other.kind
            and dict(self.titles) == dict(other.titles)
            and self.aliases == other.aliases
        )


@cache
def capability_catalogue(framework: Framework) -> Catalogue:
    """The framework's capabilities as a catalogue to match cells against."""
    return Catalogue(
        "capability",
        {c.number: c.title for c in framework.capabilities},
        {c.number: c.description for c in framework.capabilities},
        tuple(
            tuple(c.number for c in framework.capabilities_in(domain.id))
            for domain in framework.domains
        ),
        frozenset(normalise(domain.name) for domain in framework.domains),
        tuple((alias, c.number) for c in framework.capabilities for alias in c.aliases),
    )


@cache
def enabler_catalogue(framework: Framework) -> Catalogue:
    """The framework's enablers as a catalogue to match cells against."""
    aliases = tuple((alias, e.number) for e in framework.enablers for alias in e.aliases)
    return Catalogue("enabler", {e.number: e.title for e in framework.enablers}, aliases=aliases)
