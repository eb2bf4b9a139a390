"""Guessing the editor passphrase slows the guesser, never an editor signing in elsewhere."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from components.library.access import (
    Attempt,
    SignInLimiter,
    attempt_sign_in,
    hash_passphrase,
)

FAST = 2**10
RIGHT = "correct horse battery staple"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def fail(
    limiter: SignInLimiter, clock: Clock, address: str | None, session: str, times: int
) -> None:
    """``times`` wrong passphrases, each as soon as the client may send it."""
    for _ in range(times):
        attempt = limiter.reserve(address, session)
        if not isinstance(attempt, Attempt):
            clock.now += attempt
            attempt = limiter.reserve(address, session)
        assert isinstance(attempt, Attempt)
        limiter.settle(attempt, succeeded=False)


@pytest.mark.parametrize(
    ("failures", "later", "waits"),
    [
        (2, 0.0, False),  # within the free attempts
        (3, 0.0, True),  # the first wait: 2 s
        (3, 2.1, False),
        (5, 2.1, True),  # two more failures: 8 s
        (5, 8.1, False),
        (30, 800.0, True),  # capped at 15 minutes, not days
        (30, 900.1, False),
    ],
)
def test_the_wait_grows_with_each_wrong_passphrase(failures, later, waits):
    clock = Clock()
    limiter = SignInLimiter(clock=clock)
    fail(limiter, clock, "10.0.0.9", "guesser", failures)
    clock.now += later
    assert (limiter.seconds_to_wait("10.0.0.9", "guesser") > 0) is waits


def test_a_guesser_does_not_slow_an_editor_elsewhere():
    clock = Clock()
    limiter = SignInLimiter(clock=clock)
    fail(limiter, clock, "10.0.0.9", "guesser", 20)
    assert limiter.seconds_to_wait("10.0.0.9", "guesser") > 60
    assert limiter.seconds_to_wait("10.0.0.7", "editor") == 0


def test_new_sessions_from_one_address_buy_no_fresh_guesses():
    clock = Clock()
    limiter = SignInLimiter(clock=clock)
    for index in range(10):
        fail(limiter, clock, "10.0.0.9", f"session-{index}", 1)
    assert limiter.seconds_to_wait("10.0.0.9", "session-new") > 0


def test_a_right_passphrase_clears_the_record():
    clock = Clock()
    limiter = SignInLimiter(clock=clock)
    fail(limiter, clock, None, "editor", 2)
    attempt = limiter.reserve(None, "editor")
    assert isinstance(attempt, Attempt)
    limiter.settle(attempt, succeeded=True)
    fail(limiter, clock, None, "editor", 2)
    assert limiter.seconds_to_wait(None, "editor") == 0


def test_parallel_guesses_are_each_counted_before_the_check():
    """Six guesses at the same moment: only the free ones reach the passphrase check."""
    hashed = hash_passphrase(RIGHT, n=FAST)
    limiter = SignInLimiter(free=3)
    start = threading.Barrier(6)
    checked = []

    def guess(index: int) -> bool | float:
        start.wait()
        outcome = attempt_sign_in(limiter, "10.0.0.9", "guesser", f"wrong {index}", hashed)
        if isinstance(outcome, bool):
            checked.append(index)
        return outcome

    with ThreadPoolExecutor(6) as pool:
        outcomes = list(pool.map(guess, range(6)))
    assert len(checked) == 3
    assert sorted(o for o in outcomes if not isinstance(o, bool)) != []
    assert all(o is False or (not isinstance(o, bool) and o > 0) for o in outcomes)


def test_an_editor_signs_in_while_guessers_hammer_the_app():
    """Parallel guessers from several addresses; the editor signs in at once, every time."""
    hashed = hash_passphrase(RIGHT, n=FAST)
    limiter = SignInLimiter()
    stop = time.monotonic() + 1.5
    guesses = []

    def guesser(index: int) -> None:
        while time.monotonic() < stop:
            guesses.append(
                attempt_sign_in(limiter, f"10.0.1.{index}", f"g{index}", "wrong guess", hashed)
            )

    threads = [threading.Thread(target=guesser, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    signed_in = []
    while time.monotonic() < stop:
        signed_in.append(attempt_sign_in(limiter, "10.0.0.7", "editor", RIGHT, hashed))
    for thread in threads:
        thread.join()
    assert signed_in
    assert all(outcome is True for outcome in signed_in)
    # The guessers got only their free attempts each; the rest were told to wait.
    assert sum(1 for g in guesses if g is False) == 4 * 3
    assert any(not isinstance(g, bool) for g in guesses)
