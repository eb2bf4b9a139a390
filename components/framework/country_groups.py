"""Country classifications for fair peer groups: UN M49 regions and World Bank income groups.

Shipped as data in ``mnr_data/groups/`` (written by ``scripts/build_country_groups.py`` from
the publishers' own files), each with its publisher, URL and date, so every peer group can say
what it rests on. A country is found by its ISO 3166 alpha-3 code; the fictional demo's
user-assigned codes (XAA-XZZ) belong to no group, by design.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

GROUPS_DIR = Path(__file__).resolve().parents[2] / "mnr_data" / "groups"
M49_FILE = "un_m49.toml"
INCOME_FILE = "world_bank_income.toml"

# The kinds of classification, in the order people are offered them.
KINDS = ("un_region", "un_subregion", "income")
KIND_LABELS = {
    "un_region": "UN region (M49)",
    "un_subregion": "UN sub-region (M49)",
    "income": "World Bank income group",
}


@dataclass(frozen=True)
class Source:
    """Where a classification comes from, in words: "World Bank, FY2025 (retrieved …)"."""

    publisher: str
    title: str
    url: str
    retrieved: str
    edition: str = ""  # e.g. the World Bank's fiscal year

    @property
    def citation(self) -> str:
        edition = f", {self.edition}" if self.edition else ""
        return f"{self.publisher}: {self.title}{edition} (retrieved {self.retrieved}; {self.url})"


@dataclass(frozen=True)
class Classification:
    """Each classified country's groups, by kind, and where each kind comes from."""

    groups: Mapping[str, Mapping[str, str]]  # ISO3 -> kind -> group name
    names: Mapping[str, str]  # ISO3 -> the publisher's name of the country
    sources: Mapping[str, Source]  # kind -> source

    def group_of(self, iso3: object, kind: str) -> str | None:
        """The group of a country (by ISO3 code, any case) in one kind; None when unknown."""
        if iso3 is None or not isinstance(iso3, str):
            return None
        return self.groups.get(iso3.strip().upper(), {}).get(kind)

    def group_names(self, kind: str) -> list[str]:
        """Every group of one kind, alphabetically."""
        return sorted({g[kind] for g in self.groups.values() if g.get(kind)})


def _read(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text(encoding="utf-8"))


def _source(data: Mapping[str, Any], edition_key: str | None = None) -> Source:
    source = data["source"]
    return Source(
        publisher=str(source["publisher"]),
        title=str(source["title"]),
        url=str(source["url"]),
        retrieved=str(source["retrieved"]),
        edition=str(source.get(edition_key, "")) if edition_key else "",
    )


def load_classification(directory: Path = GROUPS_DIR) -> Classification:
    """Read both classification files; ``KeyError``/``OSError`` when one is broken or gone."""
    m49 = _read(directory / M49_FILE)
    income = _read(directory / INCOME_FILE)
    groups: dict[str, dict[str, str]] = {}
    names: dict[str, str] = {}
    for iso3, row in m49["countries"].items():
        entry = groups.setdefault(iso3.upper(), {})
        if row.get("region"):
            entry["un_region"] = str(row["region"])
        if row.get("sub_region"):
            entry["un_subregion"] = str(row["sub_region"])
        names[iso3.upper()] = str(row.get("name", iso3))
    for iso3, row in income["countries"].items():
        groups.setdefault(iso3.upper(), {})["income"] = str(row["income"])
        names.setdefault(iso3.upper(), str(row.get("name", iso3)))
    m49_source = _source(m49)
    return Classification(
        groups=groups,
        names=names,
        sources={
            "un_region": m49_source,
            "un_subregion": m49_source,
            "income": _source(income, "fiscal_year"),
        },
    )


@cache
def default_classification() -> Classification:
    """The classifications shipped in ``mnr_data/groups/``, read once per process."""
    return load_classification()
