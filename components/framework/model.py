"""The Model National Response framework as a typed, frozen model.

The framework lives as data in ``mnr_data/framework.toml`` so that an organisation can change
its wording (or its assessment scale) without touching code. This module loads that file,
checks it, and returns immutable objects. Every problem found names the field at fault, e.g.
``capabilities[6].domain``, so that a person editing the file knows where to look.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from components.base.text import normalise

SUPPORTED_FORMAT_VERSIONS = frozenset({1, 2})
# Format 1 files predate the ``edition`` field: they describe the framework as published in
# 2016, the only edition format 1 knew. Format 2 names its edition.
FORMAT_1_EDITION = "2016"
DEFAULT_FRAMEWORK_PATH = Path(__file__).resolve().parents[2] / "mnr_data" / "framework.toml"

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FrameworkError(ValueError):
    """The framework file is broken or incomplete. ``field`` names the place at fault."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}")


@dataclass(frozen=True)
class Domain:
    """A capability domain (a "pillar"), with the outcome it works towards."""

    id: str
    name: str
    outcome_heading: str
    outcome_statement: str
    # The name in other languages and its short forms ("Justicia penal", "Media"): a sheet or
    # heading so named is the domain's, never a country.
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Capability:
    """One of the numbered capabilities; ``domain`` is the id of the domain it belongs to."""

    number: int
    title: str
    description: str
    domain: str
    # The title in other languages ("Législation", "Legislación"): read as the title is.
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Number and title, as people cite a capability: ``7 · Access to Image Databases``."""
        return f"{self.number} · {self.title}"


@dataclass(frozen=True)
class Enabler:
    """A cross-cutting enabler; enablers belong to no single domain."""

    number: int
    title: str
    # The title in other languages, read as the title is.
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScaleLevel:
    """One level of the assessment scale."""

    value: int
    label: str
    descriptor: str
    # The same level's label in other languages, as people write it ("Établi", "Establecido"):
    # read as the level, as the label is.
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Scale:
    """The ordered levels a capability can be assessed at. "Not assessed" is not a level."""

    name: str
    levels: tuple[ScaleLevel, ...]

    @property
    def minimum(self) -> int:
        return self.levels[0].value

    @property
    def maximum(self) -> int:
        return self.levels[-1].value

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(level.value for level in self.levels)

    def level(self, value: int) -> ScaleLevel:
        """The level with this value; ``KeyError`` if the scale has none."""
        for level in self.levels:
            if level.value == value:
                return level
        raise KeyError(value)


@dataclass(frozen=True)
class Framework:
    """The whole framework: domains, capabilities, enablers and the scale."""

    format_version: int
    name: str
    publisher: str
    edition: str  # which edition of the framework this is; every assessment records it
    domains: tuple[Domain, ...]
    capabilities: tuple[Capability, ...]
    enablers: tuple[Enabler, ...]
    scale: Scale

    def domain(self, domain_id: str) -> Domain:
        """The domain with this id; ``KeyError`` if there is none."""
        for domain in self.domains:
            if domain.id == domain_id:
                return domain
        raise KeyError(domain_id)

    def capability(self, number: int) -> Capability:
        """The capability with this number; ``KeyError`` if there is none."""
        for capability in self.capabilities:
            if capability.number == number:
                return capability
        raise KeyError(number)

    def capabilities_in(self, domain_id: str) -> tuple[Capability, ...]:
        """The capabilities of one domain, in number order."""
        return tuple(c for c in self.capabilities if c.domain == domain_id)

    def domain_of(self, capability_number: int) -> Domain:
        """The domain a capability belongs to."""
        return self.domain(self.capability(capability_number).domain)


# --- loading ------------------------------------------------------------------------------


def load_framework(path: Path | str = DEFAULT_FRAMEWORK_PATH) -> Framework:
    """Read and check a framework TOML file.

    Raises ``FrameworkError`` naming the field at fault when the file is missing, is not
    valid TOML, or breaks the framework's rules.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FrameworkError(str(path), f"cannot read the file ({error.strerror}).") from error
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise FrameworkError(str(path), "the file is not UTF-8 text.") from error
    except tomllib.TOMLDecodeError as error:
        raise FrameworkError(str(path), f"not valid TOML: {error}.") from error
    return parse_framework(data)


@cache
def default_framework() -> Framework:
    """The framework shipped in ``mnr_data/``, loaded once per process (it never changes)."""
    return load_framework(DEFAULT_FRAMEWORK_PATH)


def parse_framework(data: Mapping[str, Any]) -> Framework:
    """Build a ``Framework`` from already-parsed data, checking every rule."""
    if not isinstance(data, Mapping):
        raise FrameworkError("(top level)", "expected a table of fields.")

    version = _integer(data, "format_version", "format_version")
    if version not in SUPPORTED_FORMAT_VERSIONS:
        supported = ", ".join(str(v) for v in sorted(SUPPORTED_FORMAT_VERSIONS))
        raise FrameworkError(
            "format_version",
            f"version {version} is not supported by this app (it reads {supported}).",
        )

    domains = tuple(
        Domain(
            id=_slug(item, "id", f"domains[{i}].id"),
            name=_text(item, "name", f"domains[{i}].name"),
            outcome_heading=_text(item, "outcome_heading", f"domains[{i}].outcome_heading"),
            outcome_statement=_text(item, "outcome_statement", f"domains[{i}].outcome_statement"),
            aliases=_aliases(item, f"domains[{i}].aliases"),
        )
        for i, item in enumerate(_tables(data, "domains", "domains"))
    )
    _unique([d.id for d in domains], "domains", "id")
    _unique([d.name.casefold() for d in domains], "domains", "name")
    domain_ids = {d.id for d in domains}

    capabilities = []
    for i, item in enumerate(_tables(data, "capabilities", "capabilities")):
        domain_id = _text(item, "domain", f"capabilities[{i}].domain")
        if domain_id not in domain_ids:
            known = ", ".join(sorted(domain_ids))
            raise FrameworkError(
                f"capabilities[{i}].domain",
                f"'{domain_id}' is not the id of a domain (known ids: {known}).",
            )
        capabilities.append(
            Capability(
                number=_positive(item, "number", f"capabilities[{i}].number"),
                title=_text(item, "title", f"capabilities[{i}].title"),
                description=_text(item, "description", f"capabilities[{i}].description"),
                domain=domain_id,
                aliases=_aliases(item, f"capabilities[{i}].aliases"),
            )
        )
    _consecutive([c.number for c in capabilities], "capabilities")
    _unique([c.title.casefold() for c in capabilities], "capabilities", "title")
    _one_item_a_name(capabilities, "capabilities")
    for i, domain in enumerate(domains):
        if not any(c.domain == domain.id for c in capabilities):
            raise FrameworkError(f"domains[{i}]", f"domain '{domain.id}' has no capabilities.")

    enablers = tuple(
        Enabler(
            number=_positive(item, "number", f"enablers[{i}].number"),
            title=_text(item, "title", f"enablers[{i}].title"),
            aliases=_aliases(item, f"enablers[{i}].aliases"),
        )
        for i, item in enumerate(_tables(data, "enablers", "enablers"))
    )
    _consecutive([e.number for e in enablers], "enablers")
    _unique([e.title.casefold() for e in enablers], "enablers", "title")
    _one_item_a_name(enablers, "enablers")

    scale_data = data.get("scale")
    if not isinstance(scale_data, Mapping):
        raise FrameworkError("scale", "missing: add a [scale] table with its [[scale.levels]].")
    levels = tuple(
        ScaleLevel(
            value=_integer(item, "value", f"scale.levels[{i}].value"),
            label=_text(item, "label", f"scale.levels[{i}].label"),
            descriptor=_text(item, "descriptor", f"scale.levels[{i}].descriptor"),
            aliases=_aliases(item, f"scale.levels[{i}].aliases"),
        )
        for i, item in enumerate(_tables(scale_data, "levels", "scale.levels"))
    )
    _one_level_a_name(levels)
    if len(levels) < 2:
        raise FrameworkError("scale.levels", "a scale needs at least two levels.")
    values = [level.value for level in levels]
    if values != list(range(values[0], values[0] + len(values))):
        raise FrameworkError(
            "scale.levels",
            f"level values must rise by one, in order (found {values}).",
        )
    if values[0] < 0:
        raise FrameworkError("scale.levels[0].value", "the lowest level cannot be negative.")
    _unique([level.label.casefold() for level in levels], "scale.levels", "label")
    scale = Scale(name=_text(scale_data, "name", "scale.name"), levels=levels)

    edition = FORMAT_1_EDITION if version == 1 else _text(data, "edition", "edition")
    return Framework(
        format_version=version,
        name=_text(data, "name", "name"),
        publisher=_text(data, "publisher", "publisher"),
        edition=edition,
        domains=domains,
        capabilities=tuple(sorted(capabilities, key=lambda c: c.number)),
        enablers=tuple(sorted(enablers, key=lambda e: e.number)),
        scale=scale,
    )


# --- field checks -------------------------------------------------------------------------


def _field(table: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in table:
        raise FrameworkError(where, "missing.")
    return table[key]


def _text(table: Mapping[str, Any], key: str, where: str) -> str:
    value = _field(table, key, where)
    if not isinstance(value, str):
        raise FrameworkError(where, f"expected text, found {type(value).__name__}.")
    value = " ".join(value.split())
    if not value:
        raise FrameworkError(where, "is empty.")
    return value


def _one_level_a_name(levels: tuple[ScaleLevel, ...]) -> None:
    """A label or alias naming two levels would make a cell mean two things: refused."""
    # The labels first: a clash is then reported at the alias that causes it.
    named = {level.label.casefold(): level.value for level in levels}
    for i, level in enumerate(levels):
        for name in level.aliases:
            other = named.setdefault(name.casefold(), level.value)
            if other != level.value:
                raise FrameworkError(
                    f"scale.levels[{i}].aliases",
                    f"“{name}” also names level {other}: each name must name one level.",
                )


def _one_item_a_name(items: Sequence[Capability] | Sequence[Enabler], where: str) -> None:
    """A title in another language naming two items would make a label mean two things."""
    named = {normalise(item.title): item.number for item in items}
    for i, item in enumerate(items):
        for name in item.aliases:
            other = named.setdefault(normalise(name), item.number)
            if other != item.number:
                raise FrameworkError(
                    f"{where}[{i}].aliases",
                    f"“{name}” also names number {other}: each name must name one item.",
                )


def _aliases(table: Mapping[str, Any], where: str) -> tuple[str, ...]:
    """An optional list of other names (``aliases = ["Établi", "Establecido"]``)."""
    value = table.get("aliases", [])
    if not isinstance(value, list):
        raise FrameworkError(where, f"expected a list of texts, found {type(value).__name__}.")
    names = []
    for i, name in enumerate(value):
        if not isinstance(name, str) or not name.split():
            raise FrameworkError(f"{where}[{i}]", "expected a non-empty text.")
        names.append(" ".join(name.split()))
    return tuple(names)


def _integer(table: Mapping[str, Any], key: str, where: str) -> int:
    value = _field(table, key, where)
    # bool is an int in Python; `true` is never a sensible number here.
    if not isinstance(value, int) or isinstance(value, bool):
        raise FrameworkError(where, f"expected a whole number, found {value!r}.")
    return value


def _positive(table: Mapping[str, Any], key: str, where: str) -> int:
    value = _integer(table, key, where)
    if value < 1:
        raise FrameworkError(where, f"must be 1 or more, found {value}.")
    return value


def _slug(table: Mapping[str, Any], key: str, where: str) -> str:
    value = _text(table, key, where)
    if not _SLUG.match(value):
        raise FrameworkError(
            where, f"'{value}' must be lower-case words joined by hyphens, e.g. 'criminal-justice'."
        )
    return value


def _tables(table: Mapping[str, Any], key: str, where: str) -> list[Mapping[str, Any]]:
    items = _field(table, key, where)
    if not isinstance(items, list) or not items:
        raise FrameworkError(where, f"expected a non-empty list of [[{where}]] tables.")
    for i, item in enumerate(items):
        if not isinstance(item, Mapping):
            raise FrameworkError(f"{where}[{i}]", "expected a table of fields.")
    return items


def _unique(values: list[Any], where: str, key: str) -> None:
    seen: dict[Any, int] = {}
    for i, value in enumerate(values):
        if value in seen:
            raise FrameworkError(
                f"{where}[{i}].{key}", f"repeats {where}[{seen[value]}].{key} ({value!r})."
            )
        seen[value] = i


def _consecutive(numbers: list[int], where: str) -> None:
    _unique(numbers, where, "number")
    expected = list(range(1, len(numbers) + 1))
    if sorted(numbers) != expected:
        missing = sorted(set(expected) - set(numbers))
        raise FrameworkError(
            where,
            f"numbers must run 1 to {len(numbers)} without gaps (missing {missing}).",
        )
