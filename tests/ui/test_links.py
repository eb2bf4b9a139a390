"""Shareable links: reading a link's parameters safely against what the session has."""

import pytest

from components.ui.links import (
    LinkedSelection,
    LinkNames,
    LinkState,
    first_value,
    gone_from_library,
    hide_names,
    linked_parts,
    pick,
    pick_flag,
    pick_int,
    pick_many,
    read_selection,
    reveal_names,
    unknown_params,
    unknown_parts,
    without_parts,
)

ROUNDS = {
    "Arvenia": {"a1": "2019 (Baseline)", "a2": "2021 (First review)"},
    "Belmora": {"b1": "2020"},
}


@pytest.mark.parametrize(
    ("params", "demo_loaded", "country", "assessment", "wants_demo", "missing", "notice"),
    [
        ({}, False, None, None, False, False, None),
        ({"source": "demo"}, False, None, None, True, False, None),
        ({"source": "demo"}, True, None, None, False, False, None),
        ({"country": "Arvenia"}, True, "Arvenia", None, False, False, None),
        ({"country": " arvenia "}, True, "Arvenia", None, False, False, None),
        (
            {"country": "Arvenia", "round": "2019 (baseline)"},
            True,
            "Arvenia",
            "a1",
            False,
            False,
            None,
        ),
        (
            {"country": "Arvenia", "round": "1999"},
            True,
            "Arvenia",
            None,
            False,
            False,
            "round “1999” of Arvenia, which this session does not have; showing the latest, "
            "2021 \\(First review\\), instead",
        ),
        ({"country": "Zembla", "source": "demo"}, False, None, None, True, False, None),
        (
            {"country": "Zembla", "source": "demo"},
            True,
            "Arvenia",  # named, so the notice can say what is shown
            None,
            False,
            False,
            "“Zembla”, which is not one of the fictional demo countries; showing Arvenia, "
            "2021 \\(First review\\), instead",
        ),
        (
            {"country": "Zembla", "source": "demo", "round": "1999"},
            True,
            "Arvenia",
            None,
            False,
            False,
            "“Zembla” (round “1999”), which is not one",
        ),
        ({"country": "Zembla"}, True, None, None, False, True, "upload the same file"),
        ({"country": ["Belmora", "Arvenia"]}, False, "Belmora", None, False, False, None),
        ({"country": "[x](http://evil)"}, False, None, None, False, True, "\\[x\\]"),
    ],
)
def test_read_selection(params, demo_loaded, country, assessment, wants_demo, missing, notice):
    selection = read_selection(params, ROUNDS, demo_loaded=demo_loaded)
    assert (selection.country, selection.assessment_id) == (country, assessment)
    assert (selection.wants_demo, selection.missing_upload) == (wants_demo, missing)
    if notice is None:
        assert selection.notices == ()
    else:
        assert notice in " ".join(selection.notices)


@pytest.mark.parametrize(
    ("raw", "value", "has_notice"),
    [
        (None, None, False),
        ("overall", "overall", False),
        ("OVERALL", "overall", False),
        ("rank", None, True),
        ("", None, True),
    ],
)
def test_pick(raw, value, has_notice):
    params = {} if raw is None else {"sort": raw}
    chosen, notice = pick(params, "sort", ["name", "overall"], "row order")
    assert chosen == value
    assert (notice is not None) == has_notice


@pytest.mark.parametrize(
    ("raw", "chosen", "notice_words"),
    [
        ("Arvenia,Belmora", ["Arvenia", "Belmora"], None),
        ("belmora, ARVENIA ,belmora", ["Belmora", "Arvenia"], None),
        ("Arvenia,Atlantis", ["Arvenia"], "“Atlantis”"),
        (",,", [], None),
    ],
)
def test_pick_many(raw, chosen, notice_words):
    values, notice = pick_many({"countries": raw}, "countries", ["Arvenia", "Belmora"], "countries")
    assert values == chosen
    if notice_words is None:
        assert notice is None
    else:
        assert notice_words in notice


@pytest.mark.parametrize(
    ("raw", "flag"),
    [("1", True), ("true", True), ("yes", True), ("0", False), ("no", False), ("maybe", None)],
)
def test_pick_flag(raw, flag):
    assert pick_flag({"anon": raw}, "anon") is flag


@pytest.mark.parametrize(
    ("raw", "value"),
    [("3", 3), ("0", None), ("11", None), ("-1", None), ("x", None), ("9" * 50, None)],
)
def test_pick_int(raw, value):
    assert pick_int({"slide": raw}, "slide", 1, 10) == value


def test_unknown_params_ignore_the_shared_ones():
    assert unknown_params({"country": "A", "round": "2020", "sort": "name"}, ["sort"]) is None
    assert "“utm\\_source”" in unknown_params({"utm_source": "x"}, [])


def test_first_value_and_link_state():
    assert first_value(["a", "b"]) == "a"
    assert first_value([]) is None
    state = LinkState()
    state.set("sort", "name")
    state.set("anon", None)
    state.set("sort", "")
    assert state.values == {}


NAMES = LinkNames(
    {
        "Arvenia": {"a1": "2019 (Baseline)", "a2": "2021 (First review)"},
        "Zembla": {"z1": "2023", "z2": "2024 (Confidential)"},
    },
    public=frozenset({"a1", "a2"}),
)


@pytest.mark.parametrize(
    ("page", "country", "hidden"),
    [
        ({"countries": "Arvenia,Zembla"}, "Arvenia", {"countries": "Arvenia,z2"}),
        ({"compare_country": "Zembla"}, "Arvenia", {"compare_country": "z2"}),
        ({"from": "2023", "to": "2024 (Confidential)"}, "Zembla", {"from": "z1", "to": "z2"}),
        ({"compare_round": "2019 (Baseline)"}, "Arvenia", {"compare_round": "2019 (Baseline)"}),
        (
            {"rows": "all", "sort": "domain:victim"},
            "Zembla",
            {"rows": "all", "sort": "domain:victim"},
        ),
    ],
    ids=["uploaded country", "overlay country", "uploaded rounds", "demo round", "no names"],
)
def test_links_to_uploaded_data_carry_ids_not_names(page, country, hidden):
    assert hide_names(page, NAMES, country) == hidden
    assert reveal_names(hidden, NAMES) == page


def test_an_id_this_session_lacks_stays_an_id():
    assert reveal_names({"countries": "Arvenia,ffffffffffff"}, NAMES) == {
        "countries": "Arvenia,ffffffffffff"
    }


@pytest.mark.parametrize(
    ("params", "country", "assessment", "missing"),
    [
        ({"a": "z2"}, "Zembla", "z2", False),
        ({"a": " z1 "}, "Zembla", "z1", False),
        ({"a": "ffffffffffff"}, None, None, True),
        # Old links with names keep working (demo links are made that way).
        (
            {"country": "Arvenia", "round": "2019 (Baseline)", "source": "demo"},
            "Arvenia",
            "a1",
            False,
        ),
    ],
)
def test_assessment_links(params, country, assessment, missing):
    selection = read_selection(params, NAMES.rounds_by_country, demo_loaded=True)
    assert (selection.country, selection.assessment_id) == (country, assessment)
    assert selection.missing_upload is missing
    if missing:
        (notice,) = selection.notices
        assert "not in this session" in notice
        assert "ffffffffffff" not in notice


def test_a_library_link_to_an_assessment_not_here_says_nothing_of_uploads():
    selection = read_selection(
        {"a": "ffffffffffff", "source": "library"}, NAMES.rounds_by_country, demo_loaded=True
    )
    assert selection == LinkedSelection()  # counted by gone_from_library instead


@pytest.mark.parametrize(
    ("params", "parts", "unknown", "kept"),
    [
        ({"a": "z2"}, ["z2"], [], {"a": "z2"}),
        (
            {"a": "gone", "countries": "gone,z1,hidden", "source": "library"},
            ["gone", "z1", "hidden"],
            ["gone", "hidden"],
            {"a": "gone", "countries": "z1", "source": "library"},
        ),
        # Names in older links are known by name, any case; a round by its label.
        (
            {"countries": "arvenia, Nowhere"},
            ["arvenia", "Nowhere"],
            ["Nowhere"],
            {"countries": "arvenia"},
        ),
        ({"from": "2023", "to": "x9"}, ["2023", "x9"], ["x9"], {"from": "2023"}),
        ({"countries": "x9,y9"}, ["x9", "y9"], ["x9", "y9"], {}),
    ],
)
def test_what_a_link_names_and_what_of_it_is_not_here(params, parts, unknown, kept):
    assert linked_parts(params) == parts
    assert unknown_parts(params, NAMES) == unknown
    assert without_parts(params, unknown) == kept


@pytest.mark.parametrize(
    ("count", "named", "words"),
    [
        (1, 1, "One assessment in this link is no longer in the library, or not shared with you. "),
        (
            1,
            3,
            "One assessment in this link is no longer in the library, or not shared with you; "
            "the rest of the link is shown. ",
        ),
        (
            2,
            4,
            "2 assessments in this link are no longer in the library, or not shared with you; "
            "the rest of the link is shown. ",
        ),
    ],
)
def test_gone_from_library_counts_in_plain_words(count, named, words):
    notice = gone_from_library(count, named)
    assert notice.startswith(words)
    assert notice.endswith("An editor may need to sign in, or to share it.")
