"""A level's label followed by its descriptor, as online forms offer the choices
(components/ingest/level_descriptors.py, through values.parse_level)."""

from __future__ import annotations

import pytest

from components.ingest.values import parse_level
from tests.ingest.reader_support import (
    FW,
    LABELS,
    TITLES,
    assert_problem,
    by_assessment,
    read,
    xlsx,
)

SCALE = FW.scale


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Established – The capability is in place nationally, resourced and used routinely.", 3),
        ("Established – In place nationally and resourced", 3),
        ("Building: first steps are under way…", 1),
        ("Not in place - the capability does not exist yet", 0),
        ("Mature — evaluated and sustained", 4),
        ("3 – Established: in place nationally, resourced", 3),
    ],
)
def test_a_label_with_its_descriptor_is_that_level(text, level):
    assert parse_level(text, SCALE).level == level
    assert not parse_level(text, SCALE).warning
    assert not parse_level(text, SCALE).error


def test_other_words_after_a_label_read_the_label_with_a_warning():
    reading = parse_level("Not in place – planned for 2025", SCALE)
    assert reading.level == 0
    assert "do not match the descriptor" in reading.warning


@pytest.mark.parametrize("text", ["Developing – Established", "Established - 2"])
def test_two_levels_in_one_answer_are_an_error(text):
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert reading.error


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("3 – Established (policy adopted and funded)", 3),
        ("Established (policy adopted and funded)", 3),
        ("3 - Established [funded]", 3),
        ("Establecido (política adoptada y financiada)", 3),
        ("2 – En développement (couverture partielle)", 2),
        ("Em construção (primeiros passos)", 1),
        ("Not in place (no law yet)", 0),
    ],
)
def test_a_label_with_its_own_words_in_brackets_is_that_level(text, level):
    reading = parse_level(text, SCALE)
    assert (reading.level, reading.error) == (level, "")
    assert reading.once  # a drop-down's wording: said once for the column


@pytest.mark.parametrize(
    "text",
    ["Established (in place nationally)", "3 – Established (in place nationally, resourced)"],
)
def test_a_label_with_its_descriptor_in_brackets_reads_silently(text):
    assert parse_level(text, SCALE) == parse_level("3", SCALE)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("3 – Mature (sustained)", "gives the number 3 but the label of level 4"),
        ("Established (not yet mature)", "gives the labels of two levels"),
    ],
)
def test_a_bracket_that_says_another_level_is_an_error(text, words):
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert words in reading.error


@pytest.mark.parametrize(
    "written",
    [
        lambda v: f"{v} – {LABELS[v]} (as agreed in the workshop)",
        lambda v: f"{LABELS[v]} (as agreed in the workshop)",
    ],
)
def test_a_drop_down_with_its_own_wording_reads_every_level_with_one_warning(written):
    rows = [["Country", "Kenya"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], written(n % 5)] for n in range(1, 22)]
    result = read("form.xlsx", xlsx({"MNR": rows}))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in range(1, 22)}}
    assert len(result.problems) == 1
    assert_problem(result, "warning", "C5", "do not match the descriptor of level 1")


def test_a_form_export_with_the_capabilities_across_warns_once_per_response():
    header = ["Country", "Year", *(TITLES[n] for n in range(1, 22))]
    answer = [f"{n % 5} – {LABELS[n % 5]} (as agreed)" for n in range(1, 22)]
    rows = [header, ["Kenya", 2023, *answer], ["Ghana", 2023, *answer]]
    result = read("responses.xlsx", xlsx({"Responses": rows}))
    expected = {n: n % 5 for n in range(1, 22)}
    assert by_assessment(result) == {
        ("Kenya", 2023, None): expected,
        ("Ghana", 2023, None): expected,
    }
    assert [p.cell for p in result.problems] == ["C2", "C3"]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Avançado (4)", 4),
        ("Consolidado (3)", 3),
        ("Inicial (1)", 1),
        ("Incipiente - 1", 1),
        ("Advanced: 4", 4),
    ],
)
def test_a_label_of_the_files_own_then_its_number_is_read_by_its_number(text, level):
    reading = parse_level(text, SCALE)
    assert (reading.level, reading.error) == (level, "")
    assert "do not match the label" in reading.warning  # said, as "3 - Consolidado" is


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Mature (2)", "gives the label of level 4 but the number 2"),
        ("N/A - 3", ""),  # not assessed, or 3? never assumed
    ],
)
def test_a_label_that_contradicts_its_number_is_an_error(text, words):
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert words in reading.error


# A label with its translation, as a bilingual team's template writes it: (language's labels
# by level, how the two are set together).
ES = {0: "No existe", 1: "En construcción", 2: "En desarrollo", 3: "Establecido", 4: "Maduro"}
FR = {0: "Inexistant", 1: "En construction", 2: "En développement", 3: "Établi", 4: "Mature"}
PT = {0: "Inexistente", 1: "Em construção", 2: "Em desenvolvimento", 3: "Estabelecido", 4: "Maduro"}
TOGETHER = [
    lambda own, english: f"{own} ({english})",
    lambda own, english: f"{english} ({own})",
    lambda own, english: f"{english} - {own}",
    lambda own, english: f"{own} – {english}",
    lambda own, english: f"{english}: {own}",
    lambda own, english: f"{own} [{english}]",
]


@pytest.mark.parametrize("together", TOGETHER)
@pytest.mark.parametrize("language", [ES, FR, PT])
@pytest.mark.parametrize("level", range(5))
def test_a_label_with_its_translation_is_that_level_with_nothing_said(language, together, level):
    text = together(language[level], LABELS[level])
    assert parse_level(text, SCALE) == parse_level(str(level), SCALE), text


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("Establecido (Developing)", "two different levels, 3 (“Established”) and 2"),
        ("Developing - Établi", "two different levels, 2 (“Developing”) and 3 (“Established”)"),
        ("Em construção (Mature)", "two different levels, 1 (“Building”) and 4 (“Mature”)"),
        ("Not in place – Maduro", "two different levels, 0 (“Not in place”) and 4"),
        ("3 - En desarrollo (Developing)", "gives the number 3 but the label of level 2"),
    ],
)
def test_a_label_and_another_levels_translation_is_refused_naming_both(text, said):
    reading = parse_level(text, SCALE)
    assert reading.level is None
    assert said in reading.error


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("Established (in place nationally)", 3),  # its descriptor: read silently
        ("2 - En desarrollo (Developing)", 2),  # a number, then the label twice
        ("Établi – Established", 3),
    ],
)
def test_a_number_or_descriptor_beside_a_translated_label_still_reads(text, level):
    reading = parse_level(text, SCALE)
    assert (reading.level, reading.error, reading.warning) == (level, "", "")


@pytest.mark.parametrize(
    "text", ["Established (not yet mature)", "Establecido (pero no maduro)", "Developing - Mature"]
)
def test_a_remark_naming_another_level_is_never_read_as_a_translation(text):
    assert parse_level(text, SCALE).level is None


@pytest.mark.parametrize("together", TOGETHER[:3])
def test_a_sheet_of_labels_with_their_translations_reads_every_level(together):
    rows = [["Country", "Honduras"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], together(ES[n % 5], LABELS[n % 5])] for n in range(1, 22)]
    result = read("honduras.xlsx", xlsx({"MNR": rows}))
    assert by_assessment(result) == {("Honduras", 2024, None): {n: n % 5 for n in range(1, 22)}}
    assert not [p for p in result.problems if p.severity == "error"]
