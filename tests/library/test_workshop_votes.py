"""Which participant a visit to the join page is: the link's token, else this browser's cookie
for the same workshop, else a new one."""

from __future__ import annotations

import pytest

from components.library import workshop_votes as votes

CODE = "Wk3xAbCdEfGh"
OTHER = "ZZotherCode9"
LINK = "linkToken_1234567890"
KEPT = "keptToken-abcdefghij"
NEW = "freshTokenXYZ123456"


@pytest.mark.parametrize(
    ("code", "link", "cookies", "expected"),
    [
        # The token in the address wins, whatever the cookie says.
        (CODE, LINK, {f"mnr_join_{CODE}": KEPT}, LINK),
        (CODE, LINK, {}, LINK),
        # No token in the address: this browser's token for THIS workshop comes back.
        (CODE, None, {f"mnr_join_{CODE}": KEPT}, KEPT),
        (CODE, "", {f"mnr_join_{CODE}": KEPT}, KEPT),
        # A damaged token in the address is no token: the cookie's is taken.
        (CODE, "short", {f"mnr_join_{CODE}": KEPT}, KEPT),
        (CODE, "bad;token=1234567", {f"mnr_join_{CODE}": KEPT}, KEPT),
        # Nothing kept for this workshop: a new participant.
        (CODE, None, {}, NEW),
        (CODE, None, {f"mnr_join_{OTHER}": KEPT}, NEW),  # another workshop's seat
        (CODE, None, {"mnr_join_": KEPT, "_streamlit_xsrf": KEPT}, NEW),
        (CODE, None, {f"mnr_join_{CODE.lower()}": KEPT}, NEW),  # codes are case-sensitive
        # A malformed cookie is ignored, never used as given.
        (CODE, None, {f"mnr_join_{CODE}": ""}, NEW),
        (CODE, None, {f"mnr_join_{CODE}": "short"}, NEW),
        (CODE, None, {f"mnr_join_{CODE}": "x" * 65}, NEW),
        (CODE, None, {f"mnr_join_{CODE}": "token with spaces 12"}, NEW),
        (CODE, None, {f"mnr_join_{CODE}": "<script>alert(1)</script>"}, NEW),
        (CODE, None, {f"mnr_join_{CODE}": "abc;Path=/;Max-Age=9"}, NEW),
        # No workshop code (the page asks for one): nothing is looked up.
        ("", None, {"mnr_join_": KEPT}, NEW),
    ],
)
def test_the_participant_token_of_a_visit(code, link, cookies, expected):
    assert votes.participant_token(code, link, cookies, make=lambda: NEW) == expected


def test_a_new_token_is_new_each_time_and_has_a_token_form():
    first = votes.participant_token(CODE, None, {})
    second = votes.participant_token(CODE, None, {})
    assert first != second
    assert votes.participant_token(CODE, None, {votes.join_cookie_name(CODE): first}) == first


def test_the_cookie_is_named_after_the_workshop():
    assert votes.join_cookie_name(CODE) == f"mnr_join_{CODE}"
    assert votes.join_cookie_name(CODE) != votes.join_cookie_name(OTHER)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("  Ministry   of Justice ", "Ministry of Justice"),
        ("", None),
        ("   ", None),
        (None, None),
        ("x" * (votes.MAX_NAME_CHARS + 5), "x" * votes.MAX_NAME_CHARS),
    ],
)
def test_a_name_is_kept_with_its_spaces_collapsed_and_cut_to_the_limit(typed, kept):
    assert votes.clean_name(typed) == kept
