"""Where participants join: the address phones can reach, the links, the QR code."""

from __future__ import annotations

import pytest

from components.ui.workshop_link import (
    WILDCARDS,
    check_base,
    default_join_base,
    facilitator_url,
    is_loopback,
    join_url,
    listens_only_locally,
    qr_png,
    typed_code,
    unreachable_reason,
)

ANY_ADDRESS = next(address for address in WILDCARDS if "." in address)  # every interface


@pytest.mark.parametrize(
    ("browser_url", "server_address", "lan", "expected"),
    [
        # The facilitator already uses the network address: the phones use the same.
        ("http://192.168.1.20:8501/workshop", None, "10.0.0.5", "http://192.168.1.20:8501"),
        ("https://mnr.example.org/workshop", None, None, "https://mnr.example.org"),
        # On this computer's own address, phones get its address on the network instead.
        ("http://localhost:8501/workshop", None, "192.168.1.20", "http://192.168.1.20:8501"),
        ("http://127.0.0.1:8501/workshop", ANY_ADDRESS, "192.168.1.20", "http://192.168.1.20:8501"),
        # An address the server was told to listen on wins over a guess.
        ("http://localhost:8501/", "10.1.2.3", "192.168.1.20", "http://10.1.2.3:8501"),
        # Nothing better known: localhost, which the page then warns about.
        (None, None, None, "http://localhost:8501"),
    ],
)
def test_the_default_join_address(browser_url, server_address, lan, expected):
    assert default_join_base(browser_url, server_address, 8501, lan) == expected


def test_a_base_path_is_kept():
    assert default_join_base(None, "10.1.2.3", 80, None, "/mnr/") == "http://10.1.2.3:80/mnr"


@pytest.mark.parametrize(
    ("typed", "base", "problem"),
    [
        ("192.168.1.20:8501", "http://192.168.1.20:8501", None),
        ("http://room-laptop.local:8501/", "http://room-laptop.local:8501", None),
        ("https://mnr.example.org/app", "https://mnr.example.org/app", None),
        ("ftp://x", None, "Write an address such as"),
        ("http://x:port", None, "port that is not a number"),
        ("http://x/?w=1", None, "without ?, # or a user name"),
        ("http://user:pw@x", None, "without ?, # or a user name"),
        ("", None, "Write an address such as"),
    ],
)
def test_a_typed_address_is_checked(typed, base, problem):
    cleaned, message = check_base(typed)
    assert cleaned == base
    assert (message is None) if problem is None else problem in message


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("localhost", True),
        ("127.0.0.1", True),
        ("::1", True),
        ("[::1]", True),
        ("192.168.1.20", False),
        ("mnr.example.org", False),
        ("", True),
    ],
)
def test_loopback_hosts(host, loopback):
    assert is_loopback(host) is loopback


@pytest.mark.parametrize(
    ("address", "local"),
    [
        (None, False),
        ("", False),
        (ANY_ADDRESS, False),
        ("127.0.0.1", True),
        ("localhost", True),
        ("192.168.1.20", False),
    ],
)
def test_an_app_listening_only_locally_is_recognised(address, local):
    assert listens_only_locally(address) is local


@pytest.mark.parametrize(
    ("address", "join", "words"),
    [
        # Listening on this computer only: no address reaches it; restart on the network.
        ("127.0.0.1", "http://192.168.1.20:8501/join?w=abc", "--server.address 0.0.0.0"),
        ("localhost", "http://localhost:8501", "--server.address 0.0.0.0"),
        # Listening on the network, but the address shown names this computer itself.
        (ANY_ADDRESS, "http://localhost:8501/join?w=abc", "hostname -I"),
        (None, "http://127.0.0.1:8501", "hostname -I"),
        # Reachable: nothing to say.
        (ANY_ADDRESS, "http://192.168.1.20:8501/join?w=abc", None),
        ("192.168.1.20", "http://192.168.1.20:8501", None),
        (None, "https://mnr.example.org/join?w=abc", None),
    ],
)
def test_why_phones_cannot_reach_the_join_address(address, join, words):
    reason = unreachable_reason(address, join)
    assert (reason is None) if words is None else words in reason


def test_the_links_and_the_qr_code():
    join = join_url("http://192.168.1.20:8501/", "abc-DEF_123456")
    assert join == "http://192.168.1.20:8501/join?w=abc-DEF_123456"
    control = facilitator_url("http://192.168.1.20:8501", "abc", "k&y")
    assert control == "http://192.168.1.20:8501/workshop?w=abc&key=k%26y"
    picture = qr_png(join)
    assert picture.startswith(b"\x89PNG")
    assert qr_png(join) == picture  # the same link, the same picture
    assert qr_png(join.replace("abc", "abd")) != picture


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("ZrFX6ypyF-b5zkcu", "ZrFX6ypyF-b5zkcu"),
        (" ZrFX6ypy F-b5zkcu ", "ZrFX6ypyF-b5zkcu"),  # a phone keyboard's spaces
        ("http://192.168.1.20:8501/join?w=ZrFX6ypyF-b5zkcu", "ZrFX6ypyF-b5zkcu"),
        ("192.168.1.20:8501/join?w=ZrFX6ypyF-b5zkcu&p=abc", "ZrFX6ypyF-b5zkcu"),
        ("", ""),
        (None, ""),
    ],
)
def test_the_code_a_participant_types(typed, code):
    assert typed_code(typed) == code
