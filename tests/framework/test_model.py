"""The framework loader: the shipped data, and broken or incomplete files."""

import copy
import tomllib
from pathlib import Path

import pytest

from components.framework.model import (
    DEFAULT_FRAMEWORK_PATH,
    FrameworkError,
    default_framework,
    load_framework,
    parse_framework,
)

# The mapping in shared/framework-notes.md, written out independently of the data file.
EXPECTED_DOMAINS = {
    "policy-and-governance": ("Policy and Governance", [1, 2, 3]),
    "criminal-justice": ("Criminal Justice", [4, 5, 6, 7]),
    "victim": ("Victim", [8, 9, 10, 11]),
    "societal": ("Societal", [12, 13, 14, 15]),
    "industry": ("Industry", [16, 17, 18, 19]),
    "media-and-communications": ("Media and Communications", [20, 21]),
}


@pytest.fixture(scope="module")
def raw() -> dict:
    return tomllib.loads(DEFAULT_FRAMEWORK_PATH.read_text(encoding="utf-8"))


def test_counts():
    framework = default_framework()
    assert (len(framework.domains), len(framework.capabilities), len(framework.enablers)) == (
        6,
        21,
        7,
    )
    assert framework.format_version == 2
    assert framework.edition == "2016"


def test_a_format_1_file_without_an_edition_is_the_2016_edition(raw):
    older = _break(_break(raw, "format_version", 1), "edition", ...)
    assert parse_framework(older).edition == "2016"


@pytest.mark.parametrize(("domain_id", "expected"), EXPECTED_DOMAINS.items())
def test_domain_mapping(domain_id, expected):
    name, numbers = expected
    framework = default_framework()
    assert framework.domain(domain_id).name == name
    assert [c.number for c in framework.capabilities_in(domain_id)] == numbers


@pytest.mark.parametrize(
    ("number", "title", "description"),
    [
        (1, "Leadership", "An accountable National Governance and Oversight Committee"),
        (7, "Access to Image Databases", "National database; link to Interpol database (ICSE)"),
        (
            8,
            "End to End Support",
            "Integrated services provided during investigation, prosecution and after-care",
        ),
        (
            11,
            "Child Helpline",
            "Victim reporting and support; referrals to services for ongoing assistance",
        ),
        (15, "Offender Support Systems", "Medical, psychological, self-help, awareness"),
        (21, "Universal Terminology", "Guidelines and application"),
    ],
)
def test_capability_text_comes_from_the_seed(number, title, description):
    capability = default_framework().capability(number)
    assert (capability.title, capability.description) == (title, description)


@pytest.mark.parametrize(
    ("domain_id", "heading"),
    [
        (
            "criminal-justice",
            "Effective and successful CSEA investigations, convictions and offender management",
        ),
        ("societal", "CSEA prevented"),
        (
            "media-and-communications",
            "Awareness raised among the public, professionals and policy makers",
        ),
    ],
)
def test_outcomes(domain_id, heading):
    domain = default_framework().domain(domain_id)
    assert domain.outcome_heading == heading
    assert len(domain.outcome_statement) > 40


def test_enablers_are_the_seven_distinct_ones():
    titles = [e.title for e in default_framework().enablers]
    assert titles[0] == "Cross sector, multi-disciplinary collaboration"
    assert titles[-1] == "Data and evidence on CSEA"
    assert len(set(titles)) == 7
    assert [e.number for e in default_framework().enablers] == list(range(1, 8))


def test_default_scale_is_zero_to_four_with_labels_and_descriptors():
    scale = default_framework().scale
    assert scale.values == (0, 1, 2, 3, 4)
    assert (scale.minimum, scale.maximum) == (0, 4)
    assert scale.level(0).label == "Not in place"
    assert scale.level(4).label == "Mature"
    assert all(level.descriptor for level in scale.levels)


def test_objects_are_frozen():
    capability = default_framework().capability(1)
    with pytest.raises(AttributeError):
        capability.title = "Something else"


def test_domain_of():
    assert default_framework().domain_of(12).id == "societal"


def _break(raw: dict, path: str, value: object) -> dict:
    """A deep copy of ``raw`` with one field replaced (or removed when value is ...)."""
    data = copy.deepcopy(raw)
    *parents, last = path.split(".")
    target = data
    for part in parents:
        target = target[int(part)] if part.isdigit() else target[part]
    if value is ...:
        del target[int(last) if last.isdigit() else last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "field", "words"),
    [
        ("format_version", ..., "format_version", "missing"),
        ("format_version", 99, "format_version", "not supported"),
        ("format_version", "1", "format_version", "whole number"),
        ("edition", ..., "edition", "missing"),
        ("edition", "", "edition", "empty"),
        ("edition", 2016, "edition", "expected text"),
        ("domains", [], "domains", "non-empty"),
        ("domains.2.outcome_heading", ..., "domains[2].outcome_heading", "missing"),
        ("domains.2.id", "Victim Domain", "domains[2].id", "hyphens"),
        ("domains.3.id", "victim", "domains[3].id", "repeats"),
        ("capabilities.6.domain", "justice", "capabilities[6].domain", "not the id"),
        ("capabilities.6.title", "", "capabilities[6].title", "empty"),
        ("capabilities.6.title", 7, "capabilities[6].title", "expected text"),
        ("capabilities.6.number", 0, "capabilities[6].number", "1 or more"),
        ("capabilities.6.number", 8, "capabilities[7].number", "repeats"),
        ("capabilities.19", ..., "capabilities", "without gaps"),
        (
            "enablers.6.title",
            "Sufficient financial and human resources",
            "enablers[6].title",
            "repeats",
        ),
        ("enablers.3", ..., "enablers", "without gaps"),
        ("scale", ..., "scale", "missing"),
        ("scale.levels.2.label", ..., "scale.levels[2].label", "missing"),
        ("scale.levels.2.value", 7, "scale.levels", "rise by one"),
        (
            "scale.levels",
            [{"value": 0, "label": "a", "descriptor": "b"}],
            "scale.levels",
            "at least two",
        ),
        ("scale.name", True, "scale.name", "expected text"),
        ("scale.levels.3.aliases", "Établi", "scale.levels[3].aliases", "list of texts"),
        ("scale.levels.3.aliases", ["Établi", ""], "scale.levels[3].aliases[1]", "non-empty"),
        # a word naming two levels would make a cell mean two things
        ("scale.levels.3.aliases", ["Mature"], "scale.levels[3].aliases", "also names level 4"),
        # a translated title naming two capabilities (or a title of another) is refused too
        ("capabilities.3.aliases", ["Législation"], "capabilities[3].aliases", "names number 3"),
        ("capabilities.3.aliases", ["LEADERSHIP"], "capabilities[3].aliases", "names number 1"),
        ("enablers.1.aliases", [""], "enablers[1].aliases[0]", "non-empty"),
    ],
)
def test_broken_framework_names_the_field(raw, path, value, field, words):
    with pytest.raises(FrameworkError) as caught:
        parse_framework(_break(raw, path, value))
    assert caught.value.field == field
    assert words in caught.value.problem


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"format_version = [", "not valid TOML"),
        (b"\xff\xfe\x00", "not UTF-8"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, words: str):
    path = tmp_path / "framework.toml"
    path.write_bytes(content)
    with pytest.raises(FrameworkError, match=words):
        load_framework(path)


def test_missing_file(tmp_path: Path):
    with pytest.raises(FrameworkError, match="cannot read"):
        load_framework(tmp_path / "nope.toml")


def test_a_domain_without_capabilities(raw):
    data = copy.deepcopy(raw)
    data["domains"].append({**data["domains"][0], "id": "extra", "name": "Extra"})
    with pytest.raises(FrameworkError) as caught:
        parse_framework(data)
    assert (caught.value.field, caught.value.problem) == (
        "domains[6]",
        "domain 'extra' has no capabilities.",
    )


def test_an_organisation_may_reword_the_scale(raw):
    data = _break(raw, "scale.levels.4.label", "Sustained")
    assert parse_framework(data).scale.level(4).label == "Sustained"


def test_each_level_has_its_label_in_other_languages_too():
    scale = load_framework().scale
    assert "Établi" in scale.level(3).aliases
    assert "En desarrollo" in scale.level(2).aliases
