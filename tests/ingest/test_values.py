"""Reading cell values: round words in wide headers, years written as two, the app's own level
format, not-assessed marks, and notes that read as one sentence once the caller completes them.
"""

import dataclasses
import io

import pytest
from openpyxl import Workbook

from components.framework.model import default_framework
from components.ingest.values import parse_level, parse_when, split_assessment_header
from components.ingest.vocabulary import default_vocabulary, parse_vocabulary
from tests.ingest.reader_support import by_assessment, read

SCALE = default_framework().scale


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        # W1: a round and a year, no country (the caller takes it from the title)
        ("Baseline (2021)", (None, "2021", "Baseline")),
        ("Follow-up (2023)", (None, "2023", "Follow-up")),
        ("Midline 2022", (None, "2022", "Midline")),
        ("Endline - 2024", (None, "2024", "Endline")),
        ("Mid-term review 2022", (None, "2022", "Mid-term review")),
        ("Reassessment 2025", (None, "2025", "Reassessment")),
        ("Round 2 (2023)", (None, "2023", "Round 2")),
        ("Phase II 2023", (None, "2023", "Phase II")),
        ("[Baseline] 2020", (None, "2020", "Baseline")),
        ("Référence 2019", (None, "2019", "Référence")),
        ("Ligne de base (2019)", (None, "2019", "Ligne de base")),
        ("Suivi 2023", (None, "2023", "Suivi")),
        ("Mi-parcours 2022", (None, "2022", "Mi-parcours")),
        ("Línea de base 2020", (None, "2020", "Línea de base")),
        ("Seguimiento 2022", (None, "2022", "Seguimiento")),
        ("Medio término 2021", (None, "2021", "Medio término")),
        ("Linha de base 2020", (None, "2020", "Linha de base")),
        ("Acompanhamento 2023", (None, "2023", "Acompanhamento")),
        # W2: the round between the country and the year
        ("Elbonia – Baseline 2019", ("Elbonia", "2019", "Baseline")),
        ("Elbonia – Review 2022", ("Elbonia", "2022", "Review")),
        ("Elbonia Final 2024", ("Elbonia", "2024", "Final")),
        ("Elbonie - Suivi 2023", ("Elbonie", "2023", "Suivi")),
        ("Baseline Elbonia 2019", ("Elbonia", "2019", "Baseline")),
        ("Elbonia – Baseline 2019 (draft)", ("Elbonia", "2019", "Baseline draft")),
        # without a year: the round words still are not the country
        ("Baseline", (None, None, "Baseline")),
        ("Elbonia Follow-up", ("Elbonia", None, "Follow-up")),
        # W3: two years as one period; parse_when reads them (no junk round)
        ("Elbonia 2023/24", ("Elbonia", "2023/24", None)),
        ("Freedonia 2023-24", ("Freedonia", "2023-24", None)),
        ("Elbonia 2023/2024", ("Elbonia", "2023/2024", None)),
        ("Elbonia 2023-2024", ("Elbonia", "2023-2024", None)),
        ("Elbonia FY2023/24", ("Elbonia", "FY2023/24", None)),
        ("Elbonia (FY 2023-24) baseline", ("Elbonia", "FY 2023-24", "baseline")),
        # unchanged
        ("Arvenia", ("Arvenia", None, None)),
        ("Arvenia 2021", ("Arvenia", "2021", None)),
        ("Arvenia 2019 (Baseline)", ("Arvenia", "2019", "Baseline")),
        ("Arvenia - 2021-03-31 - review", ("Arvenia", "2021-03-31", "review")),
        ("Côte Verte 2019", ("Côte Verte", "2019", None)),
        ("Elbonia (North) 2020", ("Elbonia (North)", "2020", None)),
        ("Elbonia (North)", ("Elbonia (North)", None, None)),
        (2023, (None, "2023", None)),
    ],
)
def test_split_assessment_header(header, expected):
    assert split_assessment_header(header) == expected


def test_round_words_come_from_the_vocabulary():
    own = parse_vocabulary({"format_version": 1, "xx": {"round_words": ["ronde nulle"]}})
    assert split_assessment_header("Elbonia Ronde nulle 2020", own) == (
        "Elbonia",
        "2020",
        "Ronde nulle",
    )
    assert split_assessment_header("Baseline 2020", own) == ("Baseline", "2020", None)
    assert "baseline" in default_vocabulary().round_words


@pytest.mark.parametrize(
    ("value", "year", "note"),
    [
        # R8 and W3: a period over two consecutive years is its first year, with a note
        ("2022-2023", 2022, "“2022-2023” spans two years, of which the first is 2022"),
        ("2023/24", 2023, "“2023/24” spans two years, of which the first is 2023"),
        ("2023-24", 2023, "“2023-24” spans two years, of which the first is 2023"),
        ("2023/2024", 2023, "“2023/2024” spans two years, of which the first is 2023"),
        ("2023 – 24", 2023, "“2023 – 24” spans two years, of which the first is 2023"),
        ("FY2023/24", 2023, "“FY2023/24” spans two years, of which the first is 2023"),
        ("fy 2023-2024", 2023, "“fy 2023-2024” spans two years, of which the first is 2023"),
        ("1999/00", 1999, "“1999/00” spans two years, of which the first is 1999"),
        # years further apart are a range: ambiguous, nothing kept
        ("2019-2023", None, "“2019-2023” is a range of years, not the year the assessment"),
        ("2019-22", None, "“2019-22” is a range of years"),
        ("2024-2023", None, "is a range of years"),
        # a year and a month stays what it was: the year, with a note
        ("2023-05", 2023, "“2023-05” is not a date in the form YYYY-MM-DD but holds the year"),
        # C1: the note says which year it holds, not that it was used (the caller says so)
        ("FY2023", 2023, "“FY2023” is not a date in the form YYYY-MM-DD but holds the year 2023"),
        ("May 2023", 2023, "but holds the year 2023"),
        ("2023", 2023, ""),
        ("2023-05-01", 2023, ""),
        # a date as Excel's day count (a date column exported as numbers, or their text)
        (44470, 2021, "“44470” is Excel's number for the date 2021-10-01"),
        ("45170", 2023, "is Excel's number for the date 2023-09-01"),
        ("12345", None, "is not a year or a date"),  # 1933: not an assessment's date
        # a date with the time a form or an export adds to it
        ("2023/05/12 10:15:32 AM GMT+1", 2023, ""),
        ("2023-05-12T10:15:32", 2023, ""),
        ("2023-05-12 4:02:11 pm", 2023, ""),
        ("2023-13-01", None, "is not a real date"),
        ("soon", None, "“soon” is not a year or a date"),
    ],
)
def test_parse_when(value, year, note):
    when = parse_when(value)
    assert when.year == year
    assert note in when.note
    assert bool(note) == bool(when.note)


@pytest.mark.parametrize("value", ["FY2023", "May 2023", "2023/24", "2019-2023", "soon"])
def test_a_when_note_reads_once_as_the_callers_sentence(value):
    """drafts.MetaReader.when writes "Date or year {note}; it was used." (or "left empty")."""
    when = parse_when(value)
    kept = "it was used" if when.year is not None else "it was left empty"
    sentence = f"Date or year {when.note}; {kept}."
    assert sentence.count("used") + sentence.count("left empty") == 1, sentence


@pytest.mark.parametrize(
    ("value", "level", "error", "warning"),
    [
        # R7: the app's own pickers write "2 · Developing"
        ("2 · Developing", 2, "", ""),
        # the level's label in another language (the framework's aliases)
        ("3 - Établi", 3, "", ""),
        ("En desarrollo", 2, "", ""),
        # level 0 as French, Spanish and Portuguese forms write it, in any case
        ("Pas en place", 0, "", ""),
        ("PAS EN PLACE", 0, "", ""),
        ("Pas mis en place", 0, "", ""),
        ("Non en place", 0, "", ""),
        ("0 - Inexistant", 0, "", ""),
        ("No existe", 0, "", ""),
        ("NO IMPLEMENTADO", 0, "", ""),
        ("Não existe", 0, "", ""),
        ("Nao implementado", 0, "", ""),
        ("1 - Pas en place", None, "gives the number 1 but the label of level 0", ""),
        # letters that look like a number: said, never read as one
        ("O", None, "the letter O — did you mean 0?", ""),
        ("o", None, "the letter O — did you mean 0?", ""),
        ("III", None, "“III” is a Roman numeral (3)", ""),
        ("iv", None, "is a Roman numeral (4)", ""),
        ("I.", None, "is a Roman numeral (1)", ""),
        ("Oui", None, "is not a level on the scale", ""),
        ("3 - Maduro", None, "gives the number 3 but the label of level 4", ""),
        # the label first, then its number: read when they agree
        ("Established (3)", 3, "", ""),
        ("Mature(4)", 4, "", ""),
        ("Building - 1", 1, "", ""),
        ("Established (2)", None, "gives the label of level 3 but the number 2", ""),
        ("0 · Not in place", 0, "", ""),
        ("4·Mature", 4, "", ""),
        ("3 • Established", 3, "", ""),
        ("1 | Building", 1, "", ""),
        ("2 · developing", 2, "", ""),
        ("2 · Building", None, "label of level 1", ""),
        ("2 · mostly there", 2, "", "do not match the label"),
        ("2 · 3", None, "not a level", ""),
        ("2: 3", None, "not a level", ""),
        ("2 - Developing", 2, "", ""),
        # C4: marks and words for "not known yet" are not assessed, no error
        ("?", None, "", ""),
        ("??", None, "", ""),
        ("TBC", None, "", ""),
        ("tbd", None, "", ""),
        ("N/R", None, "", ""),
        ("n.r.", None, "", ""),
        ("Pending", None, "", ""),
        ("not yet assessed", None, "", ""),
        ("Unknown", None, "", ""),
        ("To be confirmed", None, "", ""),
        ("à confirmer", None, "", ""),
        ("Inconnu", None, "", ""),
        ("por confirmar", None, "", ""),
        ("Desconocido", None, "", ""),
        ("a confirmar", None, "", ""),
        ("desconhecido", None, "", ""),
        # still errors
        ("2?", None, "not a level", ""),
        ("#NAME?", None, "Excel error", ""),
    ],
)
def test_parse_level(value, level, error, warning):
    reading = parse_level(value, SCALE)
    assert reading.level == level
    assert error in reading.error
    assert bool(error) == bool(reading.error)
    assert warning in reading.warning
    assert bool(warning) == bool(reading.warning)


def _wide(header: list[str], title: str | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Progress"
    if title:
        sheet.append([title])
        sheet.append([])
    sheet.append(["No.", "Capability", *header])
    for capability in default_framework().capabilities:
        sheet.append([capability.number, capability.title, *([2] * len(header))])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("header", "title", "key", "cell", "words"),
    [
        # W1: the country is the title's, and the reader says where it came from
        (
            ["Baseline (2021)", "Follow-up (2023)"],
            "Elbonia – MNR progress review",
            ("Elbonia", 2021, "Baseline"),
            "A1",
            "The country “Elbonia” was taken from the title.",
        ),
        # W3: the split year is the first, with a warning on the header cell
        (
            ["Elbonia 2023/24"],
            None,
            ("Elbonia", 2023, None),
            "C1",
            "Date or year “2023/24” spans two years, of which the first is 2023; it was used.",
        ),
        (
            ["Elbonia FY2023-2024"],
            None,
            ("Elbonia", 2023, None),
            "C1",
            "“FY2023-2024” spans two years, of which the first is 2023; it was used.",
        ),
        # a range of years is not read: the column's year is left empty, and said so
        (
            ["Elbonia 2019-2023"],
            None,
            ("Elbonia", None, None),
            "C1",
            "“2019-2023” is a range of years, not the year the assessment was made; it was "
            "left empty.",
        ),
    ],
)
def test_wide_headers_end_to_end(header, title, key, cell, words):
    result = read("progress.xlsx", _wide(header, title))
    assert key in by_assessment(result)
    assert [p for p in result.problems if p.cell == cell and words in p.message], result.problems
    assert not [p for p in result.problems if p.severity == "error"]


@pytest.mark.parametrize(
    ("value", "level", "error", "warning"),
    [
        # C3: the number and its label with only white space (or a line break) between
        ("3 Established", 3, "", ""),
        ("3\nEstablished", 3, "", ""),
        ("2\r\nDeveloping", 2, "", ""),
        ("3  Established", 3, "", ""),
        ("0 Not in place", 0, "", ""),
        ("2 En desarrollo", 2, "", ""),
        ("3 Building", None, "gives the number 3 but the label of level 1", ""),
        ("3 years", None, "not a level", ""),  # a space alone needs the number's own label
        # C9: "=" and a bracketed number first
        ("3 = Established", 3, "", ""),
        ("(2) Developing", 2, "", ""),
        ("(4) Mature", 4, "", ""),
        ("(2)", 2, "", ""),
        ("(2) Mature", None, "label of level 4", ""),
        # numbers spelt out after a level word, in the vocabulary's languages
        ("Level two", 2, "", ""),
        ("Level zero", 0, "", ""),
        ("Niveau deux", 2, "", ""),
        ("Nivel tres", 3, "", ""),
        ("Nível dois", 2, "", ""),
        ("Level five", None, "outside the scale", ""),
        ("none", None, "not a level", ""),  # not "n" + "one"
        # words that only stress a label
        ("Not yet in place", 0, "", ""),
        ("Not in place yet", 0, "", ""),
        ("Fully mature", 4, "", ""),
        ("0 - Not yet in place", 0, "", ""),
        ("Not yet established", None, "not a level", ""),  # below 3, but which level?
        ("Partly mature", None, "not a level", ""),
        # small typos of one label: read, with a warning saying what was assumed
        ("Devloping", 2, "", "read as level 2 (“Developing”)"),
        ("develpoing", 2, "", "read as level 2"),
        ("developping", 2, "", "read as level 2"),
        ("Establised", 3, "", "read as level 3 (“Established”)"),
        ("Estbalished", 3, "", "read as level 3"),
        ("ESTABLSHED", 3, "", "read as level 3"),
        ("Buidling", 1, "", "read as level 1 (“Building”)"),
        ("BUILDNG", 1, "", "read as level 1"),
        ("Mautre", 4, "", "read as level 4 (“Mature”)"),
        ("not inplace", 0, "", "read as level 0 (“Not in place”)"),
        ("3 Establised", 3, "", "read as level 3"),
        ("3 - Devloping", None, "words close to the label of level 2", ""),
        # not typos: other words, too far, or closer to "not assessed"
        ("Emerging", None, "not a level", ""),
        ("Maturing", None, "not a level", ""),
        ("Estab", 3, "", "as short for “Established”"),  # ``level_abbreviations``
        ("not assesed", None, "not a level", ""),
        ("Done", None, "not a level", ""),
    ],
)
def test_parse_level_reads_the_words_people_write(value, level, error, warning):
    reading = parse_level(value, SCALE)
    assert reading.level == level
    assert error in reading.error
    assert bool(error) == bool(reading.error)
    assert warning in reading.warning
    assert bool(warning) == bool(reading.warning)


def test_level_typos_and_alt_enter_levels_in_a_form_read_with_one_warning_each():
    rows = [["Country", "Elbonia"], ["Year", 2024], [], ["No.", "Capability", "Level"]]
    written = {1: "Devloping", 2: "3\nEstablished", 3: "Level two", 4: "Not yet in place"}
    rows += [[number, None, value] for number, value in written.items()]
    result = read("form.xlsx", _book(rows))
    assert by_assessment(result) == {("Elbonia", 2024, None): {1: 2, 2: 3, 3: 2, 4: 0}}
    assert [(p.severity, p.cell) for p in result.problems] == [("warning", "C5")]
    assert "“Devloping”" in result.problems[0].message


def _book(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("value", "level", "error"),
    [
        (0.9999999999999998, 1, ""),  # what a formula's arithmetic leaves: Excel shows 1
        (1.0000000000000002, 1, ""),
        (2.9999999999999996, 3, ""),
        (3.0000000000000004, 3, ""),
        (5.551115123125783e-17, 0, ""),
        ("0.9999999999999998", 1, ""),
        (2.99999, None, "not a whole number"),  # written so: never rounded
        (3.0001, None, "not a whole number"),
        (2.5, None, "not a whole number"),
        (4.999999999999999, None, "outside the scale"),
        (float("inf"), None, "not a whole number"),
    ],
)
def test_float_artefacts_are_judged_alike_whatever_the_level(value, level, error):
    reading = parse_level(value, SCALE)
    assert reading.level == level
    assert error in reading.error
    assert bool(reading.error) is bool(error)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Elbonia – Mid-term review", ("Elbonia", "Mid-term review")),
        ("Baseline", ("", "Baseline")),
        ("Elbonia", ("Elbonia", "")),
        ("", ("", "")),
    ],
)
def test_round_words_come_off_with_the_vocabulary_s_set_built_once(text, expected):
    """``Vocabulary.round_set`` is built at first use and kept: the same words each call."""
    from components.ingest.values import without_round_words

    vocabulary = default_vocabulary()
    assert without_round_words(text, vocabulary) == expected
    assert vocabulary.round_set is vocabulary.round_set
    assert vocabulary.round_set[0] == frozenset(vocabulary.round_words)
    # A vocabulary without round words takes nothing off (its longest word: none).
    bare = dataclasses.replace(vocabulary, round_words=())
    assert bare.round_set == (frozenset(), 0)
    assert without_round_words(text, bare) == (text, "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("  Ｋｅｎｙａ   ２０２３ ", "Kenya 2023"), ("٢٠٢٣", "2023"), ("Kenya", "Kenya")],
)
def test_plain_text_is_the_same_asked_again(text, expected):
    from components.ingest.values import plain_text

    assert plain_text(text) == expected
    assert plain_text(text) == expected  # the second time from the cache: the same
