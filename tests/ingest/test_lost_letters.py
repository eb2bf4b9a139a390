"""A text file whose letters were replaced by "?" when saved: said so, and never read as names."""

from __future__ import annotations

import pytest

from components.ingest.lost_letters import lost_letters
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read, xlsx

CAPS = range(1, 22)
RUSSIAN_LEVELS = ["Отсутствует", "Начальный", "Развивающийся", "Установленный", "Зрелый"]


def _lost(text: str) -> str:
    """``text`` as a code page without its letters writes it: each one a "?"."""
    return text.encode("cp1252", errors="replace").decode("cp1252")


def _saved(rows: list[list[object]], sep: str = ";") -> bytes:
    return csv_bytes([[_lost(str(v)) if isinstance(v, str) else v for v in r] for r in rows], sep)


@pytest.mark.parametrize(
    ("text", "lost"),
    [
        ("??????????", True),
        ("??????????? (?????????)", True),
        ("Vi?t Nam", True),  # Vietnamese in Windows-1252
        ("?ód?", True),  # Polish "Łódź"
        ("T?rkiye", True),
        ("Kenya", False),
        ("Is there a national strategy?", False),
        ("?", False),  # a doubt, or not known
        ("??", False),
        ("2?", False),
        ("Unknown (?)", False),
        ("¿Qué nivel?", False),
        ("https://example.org/page.php?id=3&lang=en", False),
    ],
)
def test_a_word_whose_letters_became_question_marks_is_told(text, lost):
    assert lost_letters(text) is lost


def test_a_file_whose_every_letter_was_lost_says_so_instead_of_no_table():
    # Russian headers, country and level words, saved as "CSV" on an English Windows.
    rows = [["Страна", "Год", "№", "Возможность", "Уровень"]]
    rows += [["Кыргызстан", 2023, n, f"Возможность {n}", RUSSIAN_LEVELS[n % 5]] for n in CAPS]
    result = read("kg.csv", _saved(rows))
    assert result.capabilities.empty
    [error] = errors(result)
    assert error.message.startswith("Letters of this file were replaced by “?” when it was saved")
    assert "“??????” in A1" in error.message
    assert "CSV UTF-8" in error.fix
    assert not [p for p in result.problems if "No assessment was found" in p.message]


# (what a person wrote, the assessments read, the cells said)
PARTLY_LOST = {
    "a country name lost, the rest in English": (
        [["Country", "Year", "No.", "Capability", "Level"]]
        + [["Кыргызстан", 2023, n, TITLES[n], n % 5] for n in CAPS]
        + [["Kenya", 2023, n, TITLES[n], 2] for n in CAPS],
        {("Kenya", 2023, None): dict.fromkeys(CAPS, 2)},
        "A2",
    ),
    "a Vietnamese name with one letter lost": (
        [["Country", "Year", "Capability", "Level"]]
        + [["Việt Nam", 2023, TITLES[n], n % 5] for n in CAPS],
        {},
        "A2",
    ),
}


@pytest.mark.parametrize(("rows", "read_as", "cell"), PARTLY_LOST.values(), ids=PARTLY_LOST.keys())
def test_a_country_whose_letters_were_lost_is_no_country(rows, read_as, cell):
    result = read("export.csv", _saved(rows, ","))
    assert by_assessment(result) == read_as
    refused = [p for p in errors(result) if "has lost letters" in p.message]
    assert [p.cell for p in refused] == [cell]
    assert "replaced by “?” when the file was saved" in refused[0].message
    assert "CSV UTF-8" in refused[0].fix


def test_titles_lost_beside_numbers_and_levels_are_read_with_a_warning():
    rows = [["Country", "Year", "No.", "Capability", "Level"]]
    rows += [["Kyrgyzstan", 2023, n, f"Возможность {n}", n % 5] for n in CAPS]
    result = read("kg.csv", _saved(rows))
    assert by_assessment(result) == {("Kyrgyzstan", 2023, None): {n: n % 5 for n in CAPS}}
    said = [p for p in result.problems if "Letters of this file" in p.message]
    assert [p.severity for p in said] == ["warning"]
    assert "What could be read without them was read." in said[0].message


QUIET = {
    "questions and doubts in notes": [
        ["Country", "Year", "Capability", "Level", "Notes"],
        *[["Kenya", 2023, TITLES[n], n % 5, f"Is {n} done? (?)"] for n in CAPS],
    ],
    "links with queries": [
        ["Country", "Year", "Capability", "Level", "Source"],
        *[["Kenya", 2023, TITLES[n], n % 5, f"https://x.org/d.php?id={n}&l=en"] for n in CAPS],
    ],
}


@pytest.mark.parametrize("rows", QUIET.values(), ids=QUIET.keys())
def test_question_marks_people_type_say_nothing(rows):
    result = read("kenya.csv", csv_bytes(rows))
    assert by_assessment(result) == {("Kenya", 2023, None): {n: n % 5 for n in CAPS}}
    assert not [p for p in result.problems if "replaced by" in p.message]


def test_a_workbooks_country_with_lost_letters_is_refused_too():
    rows = [["Country", "Kyrgyzstan"], ["Year", 2023], [], ["No.", "Capability", "Level"]]
    rows += [[n, TITLES[n], 2] for n in CAPS]
    lost = [["Country", "??????????"], *rows[1:]]
    result = read("kg.xlsx", xlsx({"Assessment": lost}))
    assert by_assessment(result) == {}
    assert [p.cell for p in errors(result) if "has lost letters" in p.message] == ["B1"]
