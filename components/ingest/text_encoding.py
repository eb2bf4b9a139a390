"""A text table's bytes as text: UTF-8, or else the legacy code page its characters fit best.

Excel's plain "CSV" is written in the computer's code page: Windows-1252 in Western Europe and
the Americas, Windows-1251 with Russian settings, Windows-1256 with Arabic ones, Mac Roman
from Excel for Mac's "CSV (Macintosh)". Nothing in the file says which. Decoding every such
file as Windows-1252 turns "Кыргызстан" into "Êûðãûçñòàí" without a single error, so the code
page is chosen by what its text looks like: names are letters of one script, in the cases
words have ("Sénégal", not "SÈnÈgal"), with few symbols ("Côte", not "C™te"), made of the
letters, and pairs of letters, of the names and words the reader knows (``name_letters``:
Excel's "CSV (MS-DOS)" "Moçambique" is not Mac Roman's "Moáambique"). Only the characters
outside ASCII are looked at; ASCII is the same in all of these code pages.

A file is decoded line by line: a line that is valid UTF-8 stays UTF-8, so that two exports
pasted together (one UTF-8, one Windows-1252) both read right. When two code pages fit equally
well but give different text (Turkish and Western European differ in a few letters only), the
guess is marked uncertain (judged on the distinct words: a name repeated down a long table is
one piece of evidence), and ``doubtful_text`` tells which decoded names could read
differently: the reader refuses such a country name unless it is a known country.

UTF-16 (Excel's "Unicode Text", with or without its byte-order mark) is read whole as what it
is (``unicode_text`` tells it and decodes it): it holds every script's letters, so there is no
code page to choose.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from components.base.text import shorten
from components.ingest.name_letters import known_words, pair_cost
from components.ingest.unicode_text import utf16_codec, utf16_text

# The code pages tried, most common first (the first wins a tie that gives the same text).
# Latin-1 files read the same as Windows-1252, which only adds characters to it.
CODE_PAGES: dict[str, str] = {
    "cp1252": "Windows-1252 (Western European)",
    "cp1250": "Windows-1250 (Central European)",
    "cp1251": "Windows-1251 (Cyrillic)",
    "cp1256": "Windows-1256 (Arabic)",
    "cp1253": "Windows-1253 (Greek)",
    "cp1254": "Windows-1254 (Turkish)",
    "cp1255": "Windows-1255 (Hebrew)",
    "cp1257": "Windows-1257 (Baltic)",
    "mac_roman": "Mac Roman (Excel for Mac)",
    # Excel's "CSV (MS-DOS)" writes the DOS code page: 437 in the US, 850 in Western Europe.
    "cp437": "DOS code page 437 (Excel “CSV (MS-DOS)”)",
    "cp850": "DOS code page 850 (Excel “CSV (MS-DOS)”)",
    "cp857": "DOS code page 857 (Turkish)",
    "cp852": "DOS code page 852 (Central European)",
    "cp866": "DOS code page 866 (Cyrillic)",
}

_PAGES = tuple(CODE_PAGES)

# Punctuation people type in tables: dashes, quotes, the degree and section signs, currency.
_COMMON_MARKS = frozenset("–—‘’‚“”„«»…•·°§€£¡¿ ½¼¾²³№")
# How much is scored: enough lines for the names of a long table, bounded for a large file.
_SAMPLE_BYTES = 256 * 1024
# Marks that open a quote or a sentence, so never follow a letter; and marks a word may hold.
_OPENING_MARKS = frozenset("‚„¡¿")
_WORD_MARKS = frozenset("–—‘’·")
# The DOS code pages, whose bytes from 0xB0 up are box drawing and letters rare in names.
_DOS_CODE_PAGES = frozenset({"cp437", "cp850", "cp857", "cp852", "cp866"})
_DOS_RARE_FROM = 0xB0
# Cost per character outside ASCII above which no code page fits: the text is not a language.
_MAX_FITTING_COST = 1.0
# How much better than a code page giving other text the best must be to be taken as certain.
_CERTAIN_MARGIN = 2.0

# The scripts of the code pages' letters besides Latin (ª, º and µ count as Latin).
_OTHER_SCRIPTS = frozenset({"CYRILLIC", "GREEK", "ARABIC", "HEBREW"})

_CASED_SCRIPTS = frozenset({"CYRILLIC", "GREEK"})
# Accented letters that are words on their own (French "à", Italian "è", Portuguese "é").
_ONE_LETTER_WORDS = frozenset("àèéòóùÀ")
# Icelandic letters, which in tables are other code pages' letters read as Western: "Ðakovo".
_RARE_LATIN = frozenset("ÐðÞþ")

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD_OUTSIDE_ASCII = re.compile(r"\w*[^\x00-\x7f]\w*")
# A word as the file's bytes hold it: what lies between spaces and separators.
_RAW_WORD_OUTSIDE_ASCII = re.compile(rb"[^\s,;|\t\"]*[\x80-\xff][^\s,;|\t\"]*")
_RAW_NON_ASCII = re.compile(rb"[\x80-\xff]")
# What a known word ("Côte", "São", "Türkiye") takes off a code page's cost.
_KNOWN_WORD_BONUS = 2.0


@dataclass(frozen=True)
class DecodedText:
    """A file's text, and how it was decoded."""

    text: str
    # None when the whole file is UTF-8; else the code page the other lines were read in.
    encoding: str | None = None
    # 1-based numbers of the lines read in ``encoding`` while the rest of the file is UTF-8.
    legacy_lines: tuple[int, ...] = ()
    # Code pages that fit as well but give other text: the guess is uncertain when any.
    rivals: tuple[str, ...] = ()
    # False when no code page gives text that looks like names and words (binary, say).
    fits: bool = True
    # The text of the legacy lines, when the rest is UTF-8 and the code page is uncertain.
    legacy_text: str = ""

    @property
    def label(self) -> str:
        return CODE_PAGES.get(self.encoding or "", "UTF-8")

    @property
    def certain(self) -> bool:
        return not self.rivals

    def doubtful_text(self, text: str) -> bool:
        """Whether ``text`` (decoded here) would read differently in a rival code page."""
        if self.certain or self.encoding is None or not _NON_ASCII.search(text):
            return False
        if self.legacy_lines and text not in self.legacy_text:
            return False  # from a UTF-8 line
        try:
            raw = text.encode(self.encoding)
        except UnicodeEncodeError:
            return False  # not from a legacy line: from a UTF-8 one
        return any(raw.decode(rival, errors="replace") != text for rival in self.rivals)

    def legacy(self, text: str) -> bool:
        """Whether ``text`` (decoded here) holds characters read in the legacy code page."""
        if self.encoding is None or not _NON_ASCII.search(text):
            return False
        return not self.legacy_lines or text in self.legacy_text

    def other_readings(self, text: str) -> dict[str, str]:
        """How ``text`` (decoded here) reads in each other code page, where it reads otherwise."""
        if not self.legacy(text):
            return {}
        try:
            raw = text.encode(self.encoding or "")
        except UnicodeEncodeError:
            return {}  # not from a legacy line: from a UTF-8 one
        readings: dict[str, str] = {}
        for encoding in CODE_PAGES:
            try:
                other = raw.decode(encoding)
            except UnicodeDecodeError:
                continue
            if other != text and other not in readings.values():
                readings[encoding] = other
        return readings

    def readings(self, text: str) -> list[str]:
        """How ``text`` (decoded here) reads in the rival code pages, where it reads otherwise."""
        if self.encoding is None:
            return []
        raw = text.encode(self.encoding, errors="replace")
        other = (raw.decode(rival, errors="replace") for rival in self.rivals)
        return list(dict.fromkeys(t for t in other if t != text))


def decode_text(data: bytes) -> DecodedText:
    """The text of ``data``: UTF-16 when it is (``unicode_text``), else UTF-8 (with or without
    its byte-order mark) where it is valid, the best-fitting legacy code page for the lines
    where it is not."""
    codec = utf16_codec(data)
    unicode = utf16_text(data, codec) if codec is not None else None
    if unicode is not None:
        return DecodedText(unicode)
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return DecodedText(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    lines = data.splitlines(keepends=True)
    texts: list[str | None] = []
    legacy: list[int] = []
    for number, line in enumerate(lines, start=1):
        try:
            texts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            texts.append(None)
            legacy.append(number - 1)
    legacy_set = set(legacy)
    sample = b"".join(lines[i] for i in legacy)[:_SAMPLE_BYTES]
    encoding, rivals, fits = _best_code_page(sample)
    for i in legacy:
        texts[i] = lines[i].decode(encoding, errors="replace")
    # Every line with text outside ASCII was legacy: the whole file is in that code page.
    utf8 = (t for i, t in enumerate(texts) if i not in legacy_set)
    mixed = any(_NON_ASCII.search(t) for t in utf8 if t)
    return DecodedText(
        "".join(t or "" for t in texts),
        encoding,
        tuple(i + 1 for i in legacy) if mixed else (),
        rivals,
        fits,
        "".join(texts[i] or "" for i in legacy) if mixed else "",
    )


def _best_code_page(sample: bytes) -> tuple[str, tuple[str, ...], bool]:
    """The code page whose text looks most like names and words, those that fit as well with
    other text (or every other one, when none fits), and whether any fits at all."""
    # Each distinct word with bytes outside ASCII is scored once: a long table repeats a few.
    words = Counter(_RAW_WORD_OUTSIDE_ASCII.findall(sample))
    outside = sum(len(_RAW_NON_ASCII.findall(word)) * count for word, count in words.items())
    # (cost, cost of each distinct word once, cost of the shapes alone, code page, texts)
    scored: list[tuple[float, float, float, str, tuple[str, ...]]] = []
    for encoding in CODE_PAGES:
        try:
            texts = tuple(word.decode(encoding) for word in words)
        except UnicodeDecodeError:
            continue
        cost = once = shapes = 0.0
        for text, word, count in zip(texts, words, words.values(), strict=True):
            shape = _cost(text) + _rare_bytes_cost(word, encoding)
            both = shape + pair_cost(text, _PAGES)
            cost, once, shapes = cost + both * count, once + both, shapes + shape * count
        scored.append((cost, once, shapes, encoding, texts))
    if not scored:
        return "cp1252", ("cp1251",), False
    _, best_once, _, best, best_texts = min(scored, key=lambda s: s[0])  # the first of ties
    # Whether any reading is a language at all is judged by shapes: a rare but real name
    # ("Łódź") must not make a file binary.
    if min(s[2] for s in scored) / max(1, outside) > _MAX_FITTING_COST:
        return best, tuple(s[3] for s in scored if s[3] != best and s[4] != best_texts), False
    # Sure only by what the distinct words say: a name repeated on every row of a long table
    # is one piece of evidence, not twenty-one.
    rivals = tuple(
        e for _, once, _, e, t in scored if t != best_texts and once - best_once < _CERTAIN_MARGIN
    )
    return best, rivals, True


def reading_cost(text: str, encoding: str) -> float:
    """How unlike names and words ``text``, read in ``encoding``, looks (lower is likelier)."""
    raw = text.encode(encoding, errors="replace")
    return _cost(text) + _rare_bytes_cost(raw, encoding) + pair_cost(text, _PAGES)


def _rare_bytes_cost(raw: bytes, encoding: str) -> float:
    """What the DOS code pages' upper half costs where it is no letter: box drawing and signs
    ("╬", "≡", "÷"), where Windows-1252 has letters. Its letters ("ß", "ã", "Ê") are judged by
    the names the reader knows, as every code page's are (``name_letters``)."""
    if encoding not in _DOS_CODE_PAGES:
        return 0.0
    high = bytes(byte for byte in raw if byte >= _DOS_RARE_FROM)
    return 2.0 * sum(not char.isalpha() for char in high.decode(encoding)) if high else 0.0


def _cost(text: str) -> float:
    """How unlike names and words the characters outside ASCII are (0 for a good fit, less
    for words the app knows: country names, the headers and levels of ``headers.toml``)."""
    known = _known_words()
    cost = -_KNOWN_WORD_BONUS * sum(w.lower() in known for w in _WORD_OUTSIDE_ASCII.findall(text))
    for match in _NON_ASCII.finditer(text):
        index = match.start()
        char = match.group()
        kind = unicodedata.category(char)
        if kind[0] == "L" and kind != "Lm":  # a modifier letter ("ˇ", "ˆ") is a sign in names
            cost += _letter_cost(text, index, char)
        elif char in _COMMON_MARKS:
            before, after = text[index - 1 : index], text[index + 1 : index + 2]
            if char in "€£№" and after.isalpha():
                cost += 2.0  # a currency sign stuck to a word: "£Ûdü" for "Łódź"
            elif (
                before.isalpha()
                and (char in _OPENING_MARKS or after.isalpha())
                and char not in _WORD_MARKS
            ):
                cost += 2.0  # a mark inside a word: "Br‚sil", "C“te" for DOS "Brésil"
            elif char == "·" and after.isalpha() and (before + after).lower() != "ll":
                cost += 2.0  # a middle dot only Catalan puts in a word ("l·l"): "Gro·britannien"
        elif kind[0] == "C":
            cost += 10.0  # a control character or a byte the code page does not define
        else:
            cost += 2.0  # a symbol in a name: ™ ‹ ¤ √ ‰ ...
    return cost


def _letter_cost(text: str, index: int, char: str) -> float:
    before = text[index - 1] if index else " "
    after = text[index + 1] if index + 1 < len(text) else " "
    script = _script(char)
    cost = 0.0
    for neighbour in (before, after):
        if neighbour.isalpha() and _script(neighbour) != script:
            cost += 3.0  # two scripts in one word: "Sйnйgal"
    if char.isupper() and before.isalpha() and before.islower():
        cost += 3.0  # a capital inside a word: "SÈnÈgal", "TomŽ"
    elif char.isupper() and before.isalpha() and after.islower():
        cost += 2.0  # a capital between a capital and small letters: "SÆo" for DOS "São"
    elif char.islower() and before.isupper() and index > 1 and text[index - 2].isupper():
        cost += 2.0  # capitals, then small letters: "ЃЌЏђќ"
    if script == "LATIN":
        return cost + _latin_cost(before, char, after)
    if char == "ς" and after.isalpha():
        cost += 3.0  # Greek's final sigma inside a word: Cyrillic "т" read as Greek
    elif script in _CASED_SCRIPTS and not before.isalpha():
        if char.islower():
            cost += 0.5  # names start with a capital; caseless Hebrew read as Cyrillic does not
        elif not after.isalpha():
            cost += 1.0  # a lone capital, as the euro sign becomes in Cyrillic: "Ђ 100"
    return cost


def _latin_cost(before: str, char: str, after: str) -> float:
    """What is unlike a word in a Latin-script letter outside ASCII."""
    cost = 0.0
    if not before.isascii() and before.isalpha() and not after.isascii() and after.isalpha():
        cost += 2.0  # runs of accented letters: "Êûðãûçñòàí"
    elif not before.isalpha() and not after.isalpha() and char not in _ONE_LETTER_WORDS:
        cost += 1.0  # a lone accented letter, as dashes and quotes become: "ñ 3 ìxî"
    if char in _RARE_LATIN:
        cost += 1.5
    if char in "ªº" and after.isalpha():
        cost += 3.0  # an ordinal sign inside a word: "Bucureºti"
    return cost


def _script(char: str) -> str:
    if char.isascii():
        return "LATIN"
    script = unicodedata.name(char, "").split(" ", 1)[0]
    return script if script in _OTHER_SCRIPTS else "LATIN"


FIX_SAVE_UTF8 = (
    "If a name looks wrong, open the file in Excel, choose File > Save As, pick “CSV UTF-8 "
    "(Comma delimited) (*.csv)”, and upload that file: its letters are then read for sure."
)
# How many cells a note quotes as read, and how much of each.
_CELLS_SHOWN = 3
_CELL_CHARS = 40
# A cell of a text table with a character outside ASCII: what lies between separators.
_CELL_OUTSIDE_ASCII = re.compile(r'[^,;\t|"\r\n]*[^\x00-\x7f][^,;\t|"\r\n]*')


def encoding_note(decoded: DecodedText) -> str | None:
    """What a person is told about how the file's text was read, when it was not all UTF-8:
    the code page, and the first names with accents as they were read (when the code page is
    in doubt, as the other one would read them too), for the person to check."""
    if decoded.encoding is None:
        return None
    check = "Check that names with accents or in other alphabets look right."
    shown = _cells_as_read(decoded)
    gives = f", which gives {_quoted(shown)}" if shown else ""
    if decoded.legacy_lines:
        return (
            f"{_lines(decoded.legacy_lines)} of the file {_is_are(decoded.legacy_lines)} not "
            f"UTF-8 text like the rest of it (were two files joined?); "
            f"{'it was' if len(decoded.legacy_lines) == 1 else 'they were'} read as "
            f"{decoded.label}{gives}. {check}"
        )
    if decoded.certain:
        return f"The file is not UTF-8 text; it was read as {decoded.label}{gives}. {check}"
    others = " or ".join(CODE_PAGES[rival] for rival in decoded.rivals)
    if not shown:
        return (
            f"The file is not UTF-8 text, and which encoding it is could not be told for sure: "
            f"it was read as {decoded.label}, but it could also be {others}, which give other "
            f"letters. {check}"
        )
    rival = next(r for r in decoded.rivals if any(_in(cell, decoded, r) != cell for cell in shown))
    rest = _and([CODE_PAGES[r] for r in decoded.rivals if r != rival])
    return (
        f"The file is not UTF-8 text, and which encoding it is could not be told for sure: it "
        f"was read as {decoded.label}{gives}; {CODE_PAGES[rival]} would give "
        f"{_quoted([_in(cell, decoded, rival) for cell in shown])}"
        f"{f' ({rest} give other letters too)' if rest else ''}. Check which is right: names "
        "with accents or in other alphabets may be garbled."
    )


def _cells_as_read(decoded: DecodedText) -> list[str]:
    """The first cells with characters outside ASCII as read (names first: short ones), those
    a rival code page reads otherwise when there is one."""
    text = (decoded.legacy_text or decoded.text)[:_SAMPLE_BYTES]
    cells = dict.fromkeys(c.strip() for c in _CELL_OUTSIDE_ASCII.findall(text) if c.strip())
    if decoded.rivals:
        cells = dict.fromkeys(c for c in cells if decoded.readings(c))
    ordered = sorted(cells, key=lambda c: len(c) > _CELL_CHARS)  # stable: by appearance
    return ordered[:_CELLS_SHOWN]


def _in(cell: str, decoded: DecodedText, code_page: str) -> str:
    """``cell`` as ``code_page`` reads the bytes it was read from."""
    raw = cell.encode(decoded.encoding or "", errors="replace")
    return raw.decode(code_page, errors="replace")


def _quoted(cells: list[str]) -> str:
    return _and([f"“{shorten(cell, _CELL_CHARS)}”" for cell in cells])


def _and(items: list[str]) -> str:
    """ "a", "a and b", "a, b and c"; "" for none."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _is_are(lines: tuple[int, ...]) -> str:
    return "is" if len(lines) == 1 else "are"


def _lines(numbers: tuple[int, ...]) -> str:
    """ "Line 4", "Lines 23 to 44", "Lines 3, 9 and 12", "Lines 3, 9, 12 and 40 more"."""
    if len(numbers) == 1:
        return f"Line {numbers[0]}"
    if numbers[-1] - numbers[0] == len(numbers) - 1:
        return f"Lines {numbers[0]} to {numbers[-1]}"
    if len(numbers) <= 4:
        return f"Lines {', '.join(map(str, numbers[:-1]))} and {numbers[-1]}"
    return f"Lines {', '.join(map(str, numbers[:3]))} and {len(numbers) - 3} more"


def _known_words() -> frozenset[str]:
    """Words with letters outside ASCII that the app knows, lower-case: countries' names in the
    languages these code pages write ("côte", "são", "türkiye", "россия") and the words of
    ``mnr_data`` (see ``name_letters``)."""
    return known_words(_PAGES)
