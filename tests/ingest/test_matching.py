"""Matching what people type against the framework: headers, capabilities, levels, dates."""

import datetime
import difflib

import pytest

from components.base.text import normalise
from components.framework.model import default_framework
from components.ingest.matching import (
    SUGGESTION_RATIO,
    capability_catalogue,
    classify_header,
    enabler_catalogue,
    exact_reference,
    match_any,
    match_item,
)
from components.ingest.values import (
    is_blank,
    parse_confidence,
    parse_iso3,
    parse_level,
    parse_when,
    split_assessment_header,
)

FRAMEWORK = default_framework()
CAPABILITIES = capability_catalogue(FRAMEWORK)
ENABLERS = enabler_catalogue(FRAMEWORK)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("No.", "number"),
        ("#", "number"),
        ("Capability no", "number"),
        ("Capability number", "number"),
        ("Number", "number"),
        ("Capability", "capability"),
        ("Capability title", "capability"),
        ("Enabler", "enabler"),
        ("Domain", "domain"),
        ("Description", "description"),
        ("Level", "level"),
        ("Score", "level"),
        ("Rating", "level"),
        ("Maturity", "level"),
        ("Level (0-4)", "level"),
        ("  LEVEL ", "level"),
        ("Level of maturity", "level"),
        ("Evidence / notes", "evidence"),
        ("Notes", "evidence"),
        ("Comments", "evidence"),
        ("Confidence", "confidence"),
        ("Confidence level", "confidence"),
        ("Country", "country"),
        ("Country:", "country"),
        ("ISO3 code (optional)", "iso3"),
        ("Year", "year"),
        ("Date", "date"),
        ("Date or year", "when"),
        ("Round label (optional)", "round"),
        ("Assessed by", "assessed_by"),
        ("Kenya 2023", None),
        ("Country 2023", None),
        ("Leadership", None),
        ("Fill in the shaded cells and leave a level blank when not assessed", None),
        (7, None),
        (None, None),
    ],
)
def test_classify_header(header, expected):
    assert classify_header(header) == expected
    # Read once per distinct text: asked again (by another pass), the same answer; a number
    # equal to nothing textual is never looked up as text.
    assert classify_header(header) == expected


class _Text(str):
    """Text as another library hands it: a ``str`` subclass."""


@pytest.mark.parametrize("header", ["Capability", "_id", "group_meta/country", "CTRY. Country"])
def test_classify_header_remembers_text_by_its_content(header):
    assert classify_header(_Text(header)) == classify_header(header)


@pytest.mark.parametrize(
    ("value", "how", "number"),
    [
        # by number, in every way people write one
        (7, "number", 7),
        (7.0, "number", 7),
        ("7", "number", 7),
        ("7.", "number", 7),
        (" 7 ", "number", 7),
        ("Capability 7", "number", 7),
        ("capability no. 7", "number", 7),
        ("C7", "number", 7),
        ("c 7", "number", 7),
        ("#7", "number", 7),
        ("7 · Access to Image Databases", "number", 7),
        ("7 - access to image databases", "number", 7),
        ("7. Access to image databases", "number", 7),
        # numbered within its domain: "2.1" is the second domain's first capability
        ("1.2", "number", 2),
        ("2.1", "number", 4),
        (2.1, "number", 4),
        ("2.1 Dedicated law enforcement", "number", 4),
        ("6.2 - Universal terminology", "number", 21),
        ("2.0", "number", 2),  # a number, not a code
        # in capital Roman numerals, as some national plans number them
        ("I", "number", 1),
        ("IV", "number", 4),
        ("XIV", "number", 14),
        ("XXI", "number", 21),
        ("Cap. IV", "number", 4),
        ("Capability XII", "number", 12),
        ("III. Legislation", "number", 3),
        ("VI Offender Management Process", "number", 6),
        # the domain's name before the title
        ("Policy & Governance – Leadership", "title", 1),
        ("Victim: End to End Support", "title", 8),
        ("Media and Communications / Universal Terminology", "title", 21),
        # by title: case, punctuation, "&", spaces
        ("Leadership", "title", 1),
        ("  LEADERSHIP ", "title", 1),
        ("Research, Analysis & Monitoring", "title", 2),
        ("research  analysis and monitoring", "title", 2),
        ("Compensation, remedies & complaints arrangements", "title", 10),
        ("End-to-end support", "title", 8),
        ("csea hotline", "title", 12),
        # small spelling differences and shortened titles: matched, but must be reported
        ("Leadersip", "fuzzy", 1),
        ("Universal terminolgy", "fuzzy", 21),
        ("Research, analysis, monitoring", "fuzzy", 2),
        ("Image databases", "fuzzy", 7),
        ("Offender management", "fuzzy", 6),
    ],
)
def test_capability_matches(value, how, number):
    match = match_item(value, CAPABILITIES)
    assert (match.how, match.number) == (how, number)


@pytest.mark.parametrize(
    ("value", "how", "candidates"),
    [
        ("Reporting", "ambiguous", (17, 20)),
        ("Offender", "ambiguous", (6, 15)),
        ("Support", "ambiguous", (8, 15)),
        ("Budget", "unknown", None),
        ("Child Hotline", "unknown", None),  # Helpline or Hotline? Not similar enough to guess
        (22, "unknown", (21, 20)),
        ("22", "unknown", (21, 20)),
        (0, "unknown", None),
        (7.5, "unknown", ()),
        (True, "unknown", ()),
        ("7 Leadership", "conflict", (7, 1)),
        ("2.1 Leadership", "conflict", (4, 1)),
        ("IV. Legislation", "conflict", (4, 3)),
        ("XXII", "unknown", None),  # no capability 22
        ("IIII", "unknown", None),  # not a numeral
        ("iv", "unknown", None),  # lower case: a word, not a numeral
        ("X-border cooperation", "unknown", None),  # not capability 10
        ("Enabler IV", "unknown", None),  # the other kind
        (2.7, "unknown", ()),  # the second domain has four capabilities
    ],
)
def test_capability_not_matched(value, how, candidates):
    match = match_item(value, CAPABILITIES)
    assert match.how == how
    assert match.number is None
    if candidates is not None:
        assert match.candidates == candidates
    if how == "unknown" and isinstance(value, str) and not value.isdigit():
        # Only titles that come close are suggested: none is better than a random one.
        key = normalise(value)
        for number in match.candidates:
            title = normalise(CAPABILITIES.titles[number])
            assert difflib.SequenceMatcher(None, key, title).ratio() >= SUGGESTION_RATIO


def test_number_with_unrelated_text_is_taken_by_number_with_a_note():
    match = match_item("7 passport offices", CAPABILITIES)
    assert (match.how, match.number) == ("number", 7)
    assert "does not match" in match.note


def test_blank_is_blank():
    assert match_item("  ", CAPABILITIES).how == "blank"
    assert match_item(None, CAPABILITIES).how == "blank"


@pytest.mark.parametrize(
    ("value", "how", "number"),
    [
        ("E3", "number", 3),
        ("Enabler 3", "number", 3),
        (3, "number", 3),
        ("Supportive reporting environment", "title", 3),
        ("Data & evidence on CSEA", "title", 7),
        ("Sufficient financial and human resource", "fuzzy", 5),
        ("C3", "unknown", None),
        (8, "unknown", None),
    ],
)
def test_enabler_matches(value, how, number):
    match = match_item(value, ENABLERS)
    assert (match.how, match.number) == (how, number)


@pytest.mark.parametrize(
    ("value", "kind", "number"),
    [
        ("E3", "enabler", 3),
        ("Enabler 7", "enabler", 7),
        ("Supportive reporting environment", "enabler", 3),
        (3, "capability", 3),  # a bare number stays with the column's own kind
        ("Leadership", "capability", 1),
        ("Budget", "capability", None),
    ],
)
def test_match_any_uses_the_other_catalogue_only_when_named(value, kind, number):
    catalogue, match = match_any(value, CAPABILITIES, ENABLERS)
    assert (catalogue.kind, match.number) == (kind, number)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (7, 7),
        ("C7", 7),
        ("Leadership", 1),
        ("Leadersip", None),
        ("7 passports", None),
        (2.5, None),  # the second domain has no fifth capability
        ("2.1", 4),
        (2.1, 4),
        ("2.1 Leadership", None),  # the code and the title disagree
        ("Media & Communications: Universal Terminology", 21),
        ("Policy and Governance", None),  # a domain, no capability
        ("XII", 12),
        ("Cap. V", 5),
        ("V", 5),
        ("X", None),  # a lone X is as likely a tick
        ("IV. Legislation", None),  # the numeral and the title disagree
    ],
)
def test_exact_reference_is_strict(value, expected):
    assert exact_reference(value, CAPABILITIES) == expected


@pytest.mark.parametrize(
    ("value", "level"),
    [
        (2, 2),
        (2.0, 2),
        ("2", 2),
        ("2.0", 2),
        (" 2 ", 2),
        ("2 - Developing", 2),
        ("2 – developing", 2),
        ("2: Developing", 2),
        ("2 (Developing)", 2),
        ("Developing", 2),
        ("developing ", 2),
        ("DEVELOPING", 2),
        ("Level 2", 2),
        ("2 of 4", 2),
        ("2 (of 4)", 2),
        ("2 pts of 4", 2),
        (0, 0),
        ("0 - Not in place", 0),
        ("not in place", 0),
        (4, 4),
        (None, None),
        ("", None),
        ("n/a", None),
        ("N/A", None),
        ("-", None),
        ("Not assessed", None),
    ],
)
def test_parse_level_reads(value, level):
    reading = parse_level(value, FRAMEWORK.scale)
    assert (reading.level, reading.error, reading.warning) == (level, "", "")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (5, "outside the scale"),
        (-1, "outside the scale"),
        ("7", "outside the scale"),
        (2.5, "not a whole number"),
        ("2.5", "not a whole number"),
        ("two", "not a level"),
        ("#N/A", "not a level"),
        (True, "not a level"),
        ("2 - Building", "label of level 1"),
        ("3 out of 5", "on a scale to 5"),
        ("3 of 5", "on a scale to 5"),
        ("3 (of 5)", "on a scale to 5"),
        ("3 pts of 5", "on a scale to 5"),
        ("3 sur 5", "on a scale to 5"),
        (datetime.date(2023, 1, 1), "not a level"),
    ],
)
def test_parse_level_refuses(value, words):
    reading = parse_level(value, FRAMEWORK.scale)
    assert reading.level is None
    assert words in reading.error


def test_parse_level_number_with_odd_words_is_a_warning():
    reading = parse_level("3 - mostly there", FRAMEWORK.scale)
    assert reading.level == 3
    assert "mostly there" in reading.warning


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("low", ("low", True)),
        (" Medium ", ("medium", True)),
        ("HIGH", ("high", True)),
        ("med", ("medium", True)),
        (None, (None, True)),
        ("", (None, True)),
        ("very", (None, False)),
        (3, (None, False)),
    ],
)
def test_parse_confidence(value, expected):
    assert parse_confidence(value) == expected


@pytest.mark.parametrize(
    ("value", "year", "date", "noted"),
    [
        (2023, 2023, None, False),
        (2023.0, 2023, None, False),
        ("2023", 2023, None, False),
        (datetime.date(2023, 5, 1), 2023, datetime.date(2023, 5, 1), False),
        (datetime.datetime(2023, 5, 1, 0, 0), 2023, datetime.date(2023, 5, 1), False),
        ("2023-05-01", 2023, datetime.date(2023, 5, 1), False),
        ("FY2023", 2023, None, True),
        ("May 2023", 2023, None, True),
        ("01/05/2023", 2023, None, True),
        ("2023-02-30", None, None, True),
        ("soon", None, None, True),
        (1800, None, None, True),
        (None, None, None, False),
    ],
)
def test_parse_when(value, year, date, noted):
    when = parse_when(value)
    assert (when.year, when.date, bool(when.note)) == (year, date, noted)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Arvenia", ("Arvenia", None, None)),
        ("Arvenia 2021", ("Arvenia", "2021", None)),
        ("Arvenia (2021)", ("Arvenia", "2021", None)),
        ("Arvenia 2021 baseline", ("Arvenia", "2021", "baseline")),
        ("Arvenia - 2021-03-31 - review", ("Arvenia", "2021-03-31", "review")),
        ("Côte Verte 2019", ("Côte Verte", "2019", None)),
        # The level's own word after the year names no round.
        ("2021 score", (None, "2021", None)),
        ("2021 Scores", (None, "2021", None)),
        ("Arvenia 2023 level", ("Arvenia", "2023", None)),
    ],
)
def test_split_assessment_header(header, expected):
    assert split_assessment_header(header) == expected


@pytest.mark.parametrize(
    ("value", "expected"), [("xaa", "XAA"), (" KEN ", "KEN"), ("KE", None), ("", None)]
)
def test_parse_iso3(value, expected):
    assert parse_iso3(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, True), ("", True), ("  ", True), (float("nan"), True), (0, False), ("x", False)],
)
def test_is_blank(value, expected):
    assert is_blank(value) is expected


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("Innovative solutions", 18),  # a plural "s"
        ("Innovative solution", 18),
        ("End-to-end victim support", 8),  # one word more than the title
        ("End-to-end support", 8),
        ("Compensation, remedies and complaint arrangement", 10),
        ("Recherche et analyses", 2),
    ],
)
def test_a_plural_or_one_inserted_word_is_a_fuzzy_match(label, number):
    match = match_item(label, CAPABILITIES)
    assert (match.how in ("fuzzy", "extra", "title"), match.number) == (True, number), match


@pytest.mark.parametrize(
    "label",
    [
        "Child Hotline",  # two capabilities share its words: no guess
        "National child protection strategy",
        "Victim hotline",
        "Recherche et veille",  # two of its words are a title's, one of them a small word
    ],
)
def test_words_of_two_capabilities_are_no_match(label):
    match = match_item(label, CAPABILITIES)
    assert match.how in ("unknown", "ambiguous"), match


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("CSR", 19),
        ("RSE", 19),
        ("Indemnización, recursos y mecanismos de queja", 10),
        ("Indenização, recursos e mecanismos de reclamação", 10),
        ("Hotline EASE", 12),
        ("Linha direta de denúncia", 12),
    ],
)
def test_abbreviations_and_translations_are_titles(label, number):
    match = match_item(label, CAPABILITIES)
    assert (match.how, match.number) == ("title", number)


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("Collaboration intersectorielle et multidisciplinaire", 1),
        ("Entorno propicio para la denuncia", 3),
        ("Recursos financeiros e humanos suficientes", 5),
        ("Données et éléments probants sur l'EASE", 7),
    ],
)
def test_translated_enabler_titles_are_titles(label, number):
    assert (match_item(label, ENABLERS).how, match_item(label, ENABLERS).number) == (
        "title",
        number,
    )
    assert match_item(label, CAPABILITIES).how != "title"


def test_no_enabler_alias_is_a_capabilitys_name():
    capability_names = {normalise(a) for c in FRAMEWORK.capabilities for a in c.aliases}
    capability_names |= {normalise(c.title) for c in FRAMEWORK.capabilities}
    for enabler in FRAMEWORK.enablers:
        assert not {normalise(a) for a in enabler.aliases} & capability_names
