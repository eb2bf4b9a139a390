"""The fictional demo assessments: how they are made, and how the app loads them.

No real country's name ever stands beside a made-up score, so the demo countries are invented
and carry ISO 3166 user-assigned codes (XAA to XAH). The assessments are written as workbooks
in the template format (``scripts/build_demo_data.py``) and loaded back through the same reader
an upload goes through, so the demo also proves the reader.

The numbers are derived from a small profile per country by fixed rules (no randomness), so
that they are reproducible and plausibly varied: strong and weak domains, progress between
rounds, an occasional decline, and capabilities that were not assessed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from components.framework.model import Framework
from components.ingest.demo_countries import ASSESSED_BY, DEMO_COUNTRIES, ROUND_LABELS
from components.ingest.reader import read_assessment_file
from components.ingest.report import CAPABILITY_COLUMNS, ENABLER_COLUMNS, Problem, empty_plans
from components.ingest.template import AssessmentInput

DEMO_DIR = Path(__file__).resolve().parents[2] / "mnr_data" / "demo"
DEMO_NOTICE = (
    "Fictional demo data: the countries Arvenia, Belmora, Calderra, Dravonia, Estavel, "
    "Fenmark, Galvany and Hollmere do not exist, and their scores are invented to show how "
    "the app works."
)

# Evidence a reviewer might write at each level; the demo attaches it to some capabilities.
_EVIDENCE = (
    "No arrangement found during the review.",
    "Plans drafted; a pilot is being discussed with partners.",
    "Operating in some regions; funding and staffing are partial.",
    "Operating nationally with dedicated staff and budget.",
    "Evaluated independently; lessons are feeding into the next plan.",
)
_CONFIDENCE = ("medium", "high", "low")


def demo_assessments(framework: Framework) -> list[AssessmentInput]:
    """Every fictional assessment, round by round, as the template would hold it."""
    scale = framework.scale
    domain_position = {domain.id: i for i, domain in enumerate(framework.domains)}
    assessments = []
    for country_index, country in enumerate(DEMO_COUNTRIES):
        last_round = len(country.years) - 1
        plan: dict[int, dict[str, object]] = {}
        for round_index, year in enumerate(country.years):
            levels: dict[int, int | None] = {}
            evidence: dict[int, str] = {}
            confidence: dict[int, str] = {}
            for capability in framework.capabilities:
                number = capability.number
                if number in country.never_assessed or (
                    round_index == 0 and number in country.not_assessed_at_baseline
                ):
                    levels[number] = None
                    continue
                position = domain_position[capability.domain]
                # A fixed spread of -1, 0, +1 around the domain's level, varying by country.
                spread = (number * 7 + country_index * 3) % 3 - 1
                growth = round_index if position in country.improving else round_index // 2
                level = country.baseline[position] + spread + growth
                if round_index == last_round and round_index > 0 and number in country.declines:
                    level -= 2
                level = max(scale.minimum, min(scale.maximum, level))
                levels[number] = level
                if (number + round_index + country_index) % 3 == 0:
                    evidence[number] = _EVIDENCE[min(level, len(_EVIDENCE) - 1)]
                confidence[number] = _CONFIDENCE[(number + round_index) % 3]
            enabler_levels = {
                enabler.number: max(
                    scale.minimum,
                    min(
                        scale.maximum,
                        round(sum(country.baseline) / len(country.baseline))
                        + (enabler.number + country_index) % 3
                        - 1
                        + round_index // 2,
                    ),
                )
                for enabler in framework.enablers
            }
            plan = _demo_plan(levels, year, country_index, earlier=plan)
            assessments.append(
                AssessmentInput(
                    country=country.name,
                    iso3=country.iso3,
                    year=year,
                    round=ROUND_LABELS[round_index],
                    assessed_by=ASSESSED_BY,
                    levels=levels,
                    evidence=evidence,
                    confidence=confidence,
                    enabler_levels=enabler_levels,
                    plan=plan,
                )
            )
    return assessments


# The demo's invented leads and actions (a real plan's are the country's own words).
_LEADS = (
    "Ministry of Justice",
    "National Police",
    "Ministry of Social Affairs",
    "Child helpline network",
)
_NEW_STATUSES = ("under way", "not started")
_ACTIONS = (
    "Agree a national protocol and train the first teams.",
    "Fund a pilot in two regions and evaluate it after a year.",
    "Set up a working group with civil society and report on progress every quarter.",
)


def _demo_plan(
    levels: dict[int, int | None],
    year: int,
    country_index: int,
    *,
    earlier: Mapping[int, Mapping[str, object]],
) -> dict[int, dict[str, object]]:
    """A round's plan as it stood when the round was assessed: the earlier round's items whose
    target this round's level meets, marked done; then the three lowest assessed capabilities,
    targets one or two levels up, due two years on, just begun (under way or not started).
    Nothing is "done" below its target: the demo never shows what the app flags."""
    plan: dict[int, dict[str, object]] = {
        number: {**item, "status": "done"}
        for number, item in earlier.items()
        if (levels.get(number) or 0) >= int(str(item["target_level"]))
        and levels.get(number) is not None
    }
    assessed = sorted((level, number) for number, level in levels.items() if level is not None)
    chosen = [(level, number) for level, number in assessed if level < 4 and number not in plan]
    for rank, (level, number) in enumerate(chosen[:3]):
        high = rank < 2
        plan[number] = {
            "priority": "high" if high else "medium",
            "target_level": min(4, level + (2 if high and level < 2 else 1)),
            "target_date": f"{year + 2}-12-31",
            "lead": _LEADS[(number + country_index) % len(_LEADS)],
            "actions": _ACTIONS[(number + rank) % len(_ACTIONS)],
            "status": _NEW_STATUSES[(number + rank + country_index) % 2],
        }
    return plan


def demo_file_name(assessment: AssessmentInput) -> str:
    """``arvenia-2019.xlsx``: one workbook per country and round."""
    return f"{assessment.country.lower()}-{assessment.year}.xlsx"


@dataclass(frozen=True)
class DemoData:
    """The demo as read back: tidy frames and whatever the reader reported."""

    capabilities: pd.DataFrame
    enablers: pd.DataFrame
    problems: tuple[Problem, ...]
    plans: pd.DataFrame = field(default_factory=empty_plans)


def load_demo(framework: Framework, directory: Path = DEMO_DIR) -> DemoData:
    """Read every demo workbook through the upload reader.

    An empty or missing folder gives empty frames and a problem that says so: the app must
    work without the demo (a deployment may remove it).
    """
    paths = sorted(directory.glob("*.xlsx")) if directory.is_dir() else []
    if not paths:
        problem = Problem(
            severity="error",
            file=str(directory.name),
            sheet=None,
            cell=None,
            message="The fictional demo data is not installed.",
            fix="Run `python scripts/build_demo_data.py` to create it, or upload your own files.",
        )
        return DemoData(
            pd.DataFrame(columns=CAPABILITY_COLUMNS),
            pd.DataFrame(columns=ENABLER_COLUMNS),
            (problem,),
        )
    results = [read_assessment_file(path.name, path.read_bytes(), framework) for path in paths]
    return DemoData(
        capabilities=pd.concat([r.capabilities for r in results], ignore_index=True),
        enablers=pd.concat([r.enablers for r in results], ignore_index=True),
        problems=tuple(problem for r in results for problem in r.problems),
        plans=pd.concat([r.plans for r in results], ignore_index=True),
    )
