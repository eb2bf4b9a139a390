"""A csv's separator is the one that splits its lines alike, whatever its text cells hold."""

from __future__ import annotations

import pytest

from components.ingest.csv_delimiter import sniff_delimiter
from tests.ingest.reader_support import TITLES, by_assessment, csv_bytes, errors, read

ALL = range(1, 22)
LEVELS = {n: n % 5 for n in ALL}
# Text cells people write, holding the other separators, apostrophes and quotes.
NOTES = [
    "x; see 'Leadership' note.",
    'x; see "a, b" note.',
    "x; see 'a, b' note.",
    "Situational analysis 2019 (UNICEF); see also 'Research, Analysis and Monitoring' note.",
    "Loi relative à l'enfance (2019); décret d'application en cours",
    "L'État a adopté la loi; voir 'Cadre juridique'",
    "Ley de 2019; el 'Comité' se reúne, a veces",
    "Lei de 2019; o 'Comitê' não se reúne | ver nota",
    "it's done, mostly; 'mostly' being the word",
    "MoJ | MoH; 'joint' plan, 2021",
    "a\tb; 'c'",
]


def _rows(note: str, on: tuple[int, ...] = (2,)) -> list[list[object]]:
    return [["Country", "Year", "No.", "Capability", "Level", "Evidence"]] + [
        ["Kenya", 2023, n, TITLES[n], LEVELS[n], note if n in on else "x"] for n in ALL
    ]


def _evidence(result) -> dict[int, str]:
    frame = result.capabilities
    return dict(zip(frame["capability"].astype(int), frame["evidence"], strict=True))


@pytest.mark.parametrize("sep", [",", ";", "\t", "|"])
@pytest.mark.parametrize("note", NOTES)
def test_a_note_holding_other_separators_and_quotes_does_not_lose_the_file(sep, note):
    for on in ((2,), tuple(ALL)):
        result = read("notes.csv", csv_bytes(_rows(note, on), sep=sep))
        assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}, (sep, on)
        assert _evidence(result)[2] == note
        assert not errors(result)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # unquoted apostrophes and commas in a semicolon file, as people type them
        (["Pays;Année;No.;Niveau;Commentaire",
          *(f"Kenya;2023;{n};{n % 5};l'État l'a fait, en 2019" for n in ALL)], ";"),
        # decimal commas in a semicolon file (Excel in French, Spanish, Portuguese, German)
        (["Country;Year;No.;Level;Score", *(f"Kenya;2023;{n};{n % 5};{n % 5},5" for n in ALL)],
         ";"),
        # Excel's "sep=" line names it, even when every note holds commas
        (["sep=;", "Country;Year;No.;Level;Note",
          *(f"Kenya;2023;{n};{n % 5};a, b, c" for n in ALL)], ";"),
        (["sep=|", "Country|Year|No.|Level", *(f"Kenya|2023|{n};x|{n % 5}" for n in ALL)], "|"),
        (["sep=,", "Country,Year,No.,Level", *(f"Kenya,2023,{n},{n % 5}" for n in ALL)], ","),
        # a meta block above the table, shorter than its lines
        (["Country;Kenya", "Year;2023", "", "No.;Capability;Level;Evidence",
          *(f"{n};{TITLES[n]};{n % 5};see 'p. {n}', it's there" for n in ALL)], ";"),
        # a comma file whose notes hold one semicolon each: more fields on each line win
        (["Country,Year,No.,Level,Note", *(f"Kenya,2023,{n},{n % 5},a; b" for n in ALL)], ","),
        # tab file with commas and semicolons in its notes
        (["Country\tYear\tNo.\tLevel\tNote",
          *(f"Kenya\t2023\t{n}\t{n % 5}\tx, y; z 'w'" for n in ALL)], "\t"),
        # a quoted field across two lines
        (['Country;No.;Level;Note', *(f'Kenya;{n};{n % 5};"a; b\nc, d \'e\'"' for n in ALL)],
         ";"),
        # a one-column list: no separator, so a comma
        (["Country", "Kenya", "Côte d'Ivoire", "Korea; Republic of"], ","),
        # a single line
        (["Kenya;2023;3"], ";"),
        ([], ","),
    ],
)  # fmt: skip
def test_the_separator_is_the_one_splitting_lines_alike(lines, expected):
    text = "\n".join(lines) + "\n"
    assert sniff_delimiter(text) == expected
    assert sniff_delimiter(text.replace("\n", "\r\n")) == expected
    assert sniff_delimiter(text.replace("\n", "\r")) == expected


def test_a_semicolon_file_with_quoted_words_and_decimal_commas_reads_every_level():
    lines = ["sep=;", "Country;Year;No.;Capability;Level;Score;Evidence"] + [
        f"Kenya;2023;{n};{TITLES[n]};{LEVELS[n]};{LEVELS[n]},0;"
        + ("\"Étude (2019); voir la note 'Leadership'.\"" if n == 2 else "rapport d'étape")
        for n in ALL
    ]
    result = read("fr.csv", "\n".join(lines).encode("utf-8-sig"))
    assert by_assessment(result) == {("Kenya", 2023, None): LEVELS}
    assert _evidence(result)[2] == "Étude (2019); voir la note 'Leadership'."
