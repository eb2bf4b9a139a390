"""A title that begins with a country's name and goes on in other words names that country.

"Zimbabwe National Response to CSEA – Self-assessment 2024", "Sierra Leone Child Protection
Assessment 2023", "Ministry of Interior – Kenya National Response": a report's title, as a PDF
or a Word document gives it, names the country first and then what the document is, in words
no list of title words can hold ("to", "Child Protection"). ``title_head`` finds that name:

- it begins the title, or one of its parts (after a dash, a colon, a bar), once the title's
  own words ("MNR", "National", "Self-assessment") are set aside;
- it is the longest run of words there that is a country's exact name, in English or another
  language the reader reads ("Côte d'Ivoire"), or another name of one in
  ``mnr_data/country_aliases.toml`` ("Lao PDR"): the longest known name wins, so "Papua New
  Guinea", "Guinea-Bissau", "South Sudan", "Dominican Republic" and "Congo, The Democratic
  Republic of the" are never "Guinea", "Sudan", "Dominica" or "Congo" (and "Nigeria" is one
  word, never "Niger");
- its ISO code alone ("KEN", and "and", Andorra's in small letters) begins no title here, nor a
  word that names a country only in a language the reader does not read ("Island"), nor
  "Réunion", a meeting in French;
- no other word of the title names another country ("Kenya and Uganda joint review"): a title
  naming two countries names no one country;
- a name followed by one capitalised word alone in its part ("Jordan Smith", "Georgia Brown")
  is a person's name, not a country's.

What ``context`` does with the name (and the warning saying it came from the title) is as for
any title naming a country.
"""

from __future__ import annotations

import re
from functools import lru_cache

from components.base.text import normalise
from components.ingest.countries import country_of_code, iso3_in_any_language, word_abroad
from components.ingest.country_aliases import alias_of

# A word of a title, with its apostrophes ("d'Ivoire") and without its hyphens ("Guinea-Bissau"
# is two words, and the name is the text that spans them).
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# What parts a title: a dash or a hyphen between spaces, a colon, a bar, a slash, brackets.
_PART = re.compile(r"\s[-–—]\s|[–—|:/()\[\]]|\s-|-\s")
# A country's name is at most this many words ("Federal Democratic Republic of Ethiopia" and
# "Congo, The Democratic Republic of the" are the longest).
_MAX_NAME_WORDS = 8
# Another country is looked for in runs of at most this many words of the rest of the title.
_MAX_OTHER_WORDS = 4
# Names that are also a word a title begins with: "Réunion de validation – …" is a meeting
# (French, Spanish "Reunión"), not the island.
_WORDS = frozenset({"reunion"})


def title_head(text: str, title_words: frozenset[str]) -> str | None:
    """The country's name ``text`` (a title, its years left out) begins with, as written, when
    it goes on in other words; ``None`` when it begins with none, or names two countries, or
    the name is a person's (see the module)."""
    words = list(_WORD.finditer(text))
    starts = _part_starts(text, words)
    ends = [*sorted(starts - {0}), len(words)]  # a name never goes on past its part's end
    for first in range(len(words)):
        if first not in starts:
            continue
        found = _longest_name(text, words, first, next(e for e in ends if e > first))
        if found is None:
            if normalise(words[first].group()) in title_words:
                starts.add(first + 1)  # "MNR Zimbabwe": a title word before the name
            continue
        last, code = found
        if _persons_name(text, words, last, title_words) or _another_country(
            text, words, (first, last), code
        ):
            return None
        return text[words[first].start() : words[last].end()]
    return None


def _part_starts(text: str, words: list[re.Match[str]]) -> set[int]:
    """The indexes of the words that begin the title or one of its parts."""
    starts = {0}
    for index in range(1, len(words)):
        if _PART.search(text, words[index - 1].end(), words[index].start()):
            starts.add(index)
    return starts


def _longest_name(
    text: str, words: list[re.Match[str]], first: int, end: int
) -> tuple[int, str] | None:
    """(index of its last word, ISO3) of the longest country's name from word ``first``, in
    the words before ``end`` (a bilingual title's "Republic of Tunisia / République
    tunisienne" is two names)."""
    for last in range(min(end, first + _MAX_NAME_WORDS) - 1, first - 1, -1):
        code = _country(text[words[first].start() : words[last].end()])
        if code is not None:
            return last, code
    return None


@lru_cache(maxsize=4096)
def _country(name: str) -> str | None:
    """The ISO3 of the country ``name`` is the name of (not its code alone), else ``None``."""
    if country_of_code(name) is not None or word_abroad(name) is not None:
        return None
    if normalise(name) in _WORDS:
        return None
    code = iso3_in_any_language(name)
    if code is None and (alias := alias_of(name)) is not None:
        code = alias[1]
    return code


def _persons_name(
    text: str, words: list[re.Match[str]], last: int, title_words: frozenset[str]
) -> bool:
    """Whether the name is followed, in its part, by one capitalised word alone that is no
    title word: a person's surname ("Jordan Smith")."""
    after = [
        index
        for index in range(last + 1, len(words))
        if not _PART.search(text, words[last].end(), words[index].start())
    ]
    if len(after) != 1:
        return False
    word = words[after[0]].group()
    return word[:1].isupper() and normalise(word) not in title_words


def _another_country(
    text: str, words: list[re.Match[str]], head: tuple[int, int], code: str
) -> bool:
    """Whether a run of the other words of the title names a country other than ``code``."""
    runs = [range(0, head[0]), range(head[1] + 1, len(words))]
    for run in runs:
        for first in run:
            for last in range(first, min(run.stop, first + _MAX_OTHER_WORDS)):
                other = _country(text[words[first].start() : words[last].end()])
                if other is not None and other != code:
                    return True
    return False
