"""Who may change the assessment library, and where it lives: pure configuration and hashing.

Two modes:

- ``read-only``: the library is shown and can be opened and exported; nobody can save,
  rename, delete or import. Uploads still work, in the uploader's own session.
- ``editor`` (the default): the same, plus editing for a person who signs in with the editor
  passphrase. Without a configured passphrase hash nobody can sign in, so a deployment that
  forgot to configure access fails closed (read-only), never open.

The passphrase itself is never stored: only a salted scrypt hash, made with
``python -m components.library.access hash`` and kept in ``.streamlit/secrets.toml`` or the
environment.

Settings come from the environment first, then from the ``[library]`` table of Streamlit's
secrets (passed in here as a plain mapping, so this module stays free of Streamlit):

- ``MNR_LIBRARY_URL`` / ``url``: a PostgreSQL (or SQLite) database URL;
- ``MNR_LIBRARY_PATH`` / ``path``: the SQLite file when no URL is given;
- ``MNR_LIBRARY_MODE`` / ``mode``: ``read-only`` or ``editor``;
- ``MNR_EDITOR_PASSPHRASE_HASH`` / ``editor_passphrase_hash``: the passphrase's scrypt hash;
- ``MNR_LIBRARY_PRIVATE`` / ``private``: ``true`` shows nothing of the library before sign-in;
- ``MNR_LIBRARY_DEFAULT_VISIBILITY`` / ``default_visibility``: who may see a new save
  (``editors``, the default, ``aggregates`` or ``everyone``; see
  ``components.library.visibility``).
"""

from __future__ import annotations

import base64
import binascii
import getpass
import hashlib
import hmac
import os
import secrets
import sys
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from components.library.visibility import (
    DEFAULT_VISIBILITY,
    Viewer,
    Visibility,
    parse_visibility,
)

Mode = Literal["read-only", "editor"]
MODES: tuple[Mode, ...] = ("read-only", "editor")
DEFAULT_MODE: Mode = "editor"
DEFAULT_FILE_NAME = "library.sqlite3"

# scrypt with 2**15 x 8 x 1 costs about 32 MiB and ~0.1 s per try: cheap for one sign-in,
# expensive for guessing. Hashes name their parameters, so they can be raised later; parameters
# read from a hash are bounded, so a mistyped secret cannot make a sign-in exhaust the server.
SCRYPT_N = 2**15
SCRYPT_R = 8
SCRYPT_P = 1
_MAX_N = 2**20
_MAX_R = 32
_MAX_P = 16
_SALT_BYTES = 16
_KEY_BYTES = 32
HASH_PREFIX = "scrypt"
MIN_PASSPHRASE_CHARS = 12


class ConfigError(ValueError):
    """A setting that cannot be used; the message says which and how to fix it."""


def hash_passphrase(passphrase: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R) -> str:
    """``scrypt$n$r$p$salt$key`` (salt and key in base64) for the passphrase."""
    if not passphrase:
        raise ValueError("The passphrase is empty.")
    salt = secrets.token_bytes(_SALT_BYTES)
    key = _scrypt(passphrase, salt, n=n, r=r, p=SCRYPT_P)
    return "$".join(
        (HASH_PREFIX, str(n), str(r), str(SCRYPT_P), _b64(salt), _b64(key)),
    )


def verify_passphrase(passphrase: str, stored_hash: str | None) -> bool:
    """Whether ``passphrase`` matches ``stored_hash``; False for a missing or malformed hash.

    The comparison takes the same time wherever the first difference is.
    """
    if not passphrase or not stored_hash:
        return False
    parsed = _parse_hash(stored_hash)
    if parsed is None:
        return False
    n, r, p, salt, expected = parsed
    try:
        actual = _scrypt(passphrase, salt, n=n, r=r, p=p, length=len(expected))
    except (ValueError, MemoryError):
        return False
    return hmac.compare_digest(actual, expected)


def is_valid_hash(stored_hash: str | None) -> bool:
    """Whether the text has the shape of a hash this module made (it is not checked further)."""
    return bool(stored_hash) and _parse_hash(str(stored_hash)) is not None


def _scrypt(
    passphrase: str, salt: bytes, *, n: int, r: int, p: int, length: int = _KEY_BYTES
) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=256 * n * r * p + (1 << 20),
        dklen=length,
    )


def _parse_hash(stored_hash: str) -> tuple[int, int, int, bytes, bytes] | None:
    parts = stored_hash.strip().split("$")
    if len(parts) != 6 or parts[0] != HASH_PREFIX:
        return None
    try:
        n, r, p = int(parts[1]), int(parts[2]), int(parts[3])
        salt = base64.b64decode(parts[4], validate=True)
        key = base64.b64decode(parts[5], validate=True)
    except (ValueError, binascii.Error):
        return None
    power_of_two = n > 1 and n & (n - 1) == 0
    if not (power_of_two and n <= _MAX_N and 1 <= r <= _MAX_R and 1 <= p <= _MAX_P):
        return None
    if len(salt) < 8 or not 16 <= len(key) <= 64:
        return None
    return n, r, p, salt, key


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


# --- guessing -----------------------------------------------------------------------------

#: Wrong passphrases a client may send before it has to wait, and the first wait in seconds;
#: each further wrong one doubles the wait, up to ``MAX_WAIT_SECONDS``.
FREE_FAILURES = 3
FIRST_WAIT_SECONDS = 2.0
MAX_WAIT_SECONDS = 900.0
#: An address (many sessions) gets more room, so that colleagues behind one proxy do not slow
#: each other down early; past it, new sessions from there cannot buy fresh guesses.
FREE_FAILURES_PER_ADDRESS = 10
_MAX_TRACKED = 10_000  # clients remembered; the oldest are forgotten first


@dataclass
class _Record:
    failures: int = 0
    last: float = 0.0


@dataclass(frozen=True)
class Attempt:
    """A reserved sign-in attempt: say how it went with ``SignInLimiter.settle``."""

    keys: tuple[str, ...]
    at: float


class SignInLimiter:
    """Slows guessing per client, never the editors elsewhere.

    A client is its address and its browser session. Each attempt is *reserved* under the
    lock before the (slow, scrypt) passphrase check and counts as a failure until it is
    settled, so six guesses sent at the same moment count as six. After ``free`` failures a
    client waits ``first_wait`` seconds, then twice as long after each further failure (up to
    ``max_wait``); a right passphrase clears its record. The address has its own, roomier
    count, so a guesser who opens new sessions is slowed all the same. One instance serves
    every session of a process (see ``components.ui.library.sign_in_limiter``).
    """

    def __init__(
        self,
        *,
        free: int = FREE_FAILURES,
        free_per_address: int = FREE_FAILURES_PER_ADDRESS,
        first_wait: float = FIRST_WAIT_SECONDS,
        max_wait: float = MAX_WAIT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._free = {"session": free, "address": free_per_address}
        self._first_wait = first_wait
        self._max_wait = max_wait
        self._clock = clock
        self._records: OrderedDict[str, _Record] = OrderedDict()
        self._lock = threading.Lock()

    def _wait_for(self, kind: str, record: _Record, now: float) -> float:
        over = record.failures - self._free[kind]
        if over < 0:
            return 0.0
        wait = min(self._first_wait * 2.0**over, self._max_wait)
        return max(0.0, record.last + wait - now)

    @staticmethod
    def _keys(address: str | None, session: str) -> tuple[tuple[str, str], ...]:
        return (("session", f"session:{session}"), ("address", f"address:{address or 'local'}"))

    def reserve(self, address: str | None, session: str) -> Attempt | float:
        """An ``Attempt`` to go ahead with, or the seconds this client must wait first."""
        now = self._clock()
        with self._lock:
            keyed = self._keys(address, session)
            records = [(kind, self._records.get(key, _Record())) for kind, key in keyed]
            wait = max(self._wait_for(kind, record, now) for kind, record in records)
            if wait > 0:
                return wait
            for (_, key), (_, record) in zip(keyed, records, strict=True):
                record.failures += 1  # counted now; a right passphrase takes it back
                record.last = now
                self._records[key] = record
                self._records.move_to_end(key)
            while len(self._records) > _MAX_TRACKED:
                self._records.popitem(last=False)
            return Attempt(tuple(key for _, key in keyed), now)

    def settle(self, attempt: Attempt, *, succeeded: bool) -> None:
        """A right passphrase clears the client's record; a wrong one stays counted."""
        if not succeeded:
            return
        with self._lock:
            for key in attempt.keys:
                self._records.pop(key, None)

    def seconds_to_wait(self, address: str | None, session: str) -> float:
        """How long this client must wait before its next attempt (0: it may try now)."""
        now = self._clock()
        with self._lock:
            return max(
                self._wait_for(kind, self._records.get(key, _Record()), now)
                for kind, key in self._keys(address, session)
            )


def attempt_sign_in(
    limiter: SignInLimiter,
    address: str | None,
    session: str,
    passphrase: str,
    stored_hash: str | None,
) -> bool | float:
    """True or False for the passphrase, or the seconds to wait when this client must wait.

    The attempt is reserved before the passphrase is checked.
    """
    attempt = limiter.reserve(address, session)
    if not isinstance(attempt, Attempt):
        return attempt
    ok = verify_passphrase(passphrase, stored_hash)
    limiter.settle(attempt, succeeded=ok)
    return ok


# --- configuration ------------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryConfig:
    """Where the library is and who may change it. ``url`` is never shown as is (passwords)."""

    url: str
    mode: Mode
    passphrase_hash: str | None
    from_default_path: bool
    private: bool = False
    default_visibility: Visibility = DEFAULT_VISIBILITY

    @property
    def can_sign_in(self) -> bool:
        """Whether editors can sign in at all (editor mode with a usable passphrase hash)."""
        return self.mode == "editor" and is_valid_hash(self.passphrase_hash)

    def viewer(self, *, signed_in: bool) -> Viewer:
        """Who is looking: an editor only when signed in where signing in is possible."""
        return Viewer(editor=signed_in and self.can_sign_in, private=self.private)


def default_library_path(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME/mnr-dashboard/library.sqlite3`` (``~/.local/share/...`` by default).

    Outside the code's folder on purpose: a fresh clone or an update keeps the library.
    """
    env = os.environ if env is None else env
    base = env.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "mnr-dashboard" / DEFAULT_FILE_NAME


def sqlite_url(path: Path | str) -> str:
    """The SQLAlchemy URL of a SQLite file (absolute, so the working folder does not matter)."""
    return f"sqlite:///{Path(path).expanduser().resolve()}"


def library_config(
    env: Mapping[str, str] | None = None, secrets_section: Mapping[str, Any] | None = None
) -> LibraryConfig:
    """Read the library's settings: environment first, then the secrets' ``[library]`` table.

    Raises ``ConfigError`` for a mode that is neither ``read-only`` nor ``editor``; a missing
    or malformed passphrase hash is not an error here (editing is then simply unavailable, and
    ``passphrase_problem`` says why).
    """
    env = os.environ if env is None else env
    section = secrets_section or {}

    def setting(variable: str, key: str) -> str | None:
        value = env.get(variable)
        if value is None or not str(value).strip():
            value = section.get(key)
        if value is None or not str(value).strip():
            return None
        return str(value).strip()

    url = setting("MNR_LIBRARY_URL", "url")
    from_default = False
    if url is None:
        path = setting("MNR_LIBRARY_PATH", "path")
        from_default = path is None
        url = sqlite_url(path if path is not None else default_library_path(env))
    raw_private = (setting("MNR_LIBRARY_PRIVATE", "private") or "false").casefold()
    if raw_private not in {"1", "true", "yes", "on", "0", "false", "no", "off"}:
        raise ConfigError(
            f"The library setting private={raw_private!r} is not true or false: set "
            "MNR_LIBRARY_PRIVATE (or [library] private in secrets.toml) to true or false."
        )
    raw_visibility = setting("MNR_LIBRARY_DEFAULT_VISIBILITY", "default_visibility")
    default_visibility = (
        DEFAULT_VISIBILITY if raw_visibility is None else parse_visibility(raw_visibility)
    )
    if default_visibility is None:
        raise ConfigError(
            f"The default visibility {raw_visibility!r} is not known: set "
            "MNR_LIBRARY_DEFAULT_VISIBILITY (or [library] default_visibility in secrets.toml) "
            "to editors, aggregates or everyone."
        )
    raw_mode = (setting("MNR_LIBRARY_MODE", "mode") or DEFAULT_MODE).casefold()
    mode = raw_mode.replace("_", "-").replace(" ", "-")
    if mode in {"readonly", "read"}:
        mode = "read-only"
    if mode not in MODES:
        raise ConfigError(
            f"The library mode {raw_mode!r} is not known: set MNR_LIBRARY_MODE (or [library] "
            "mode in secrets.toml) to read-only or editor."
        )
    return LibraryConfig(
        url=url,
        mode=mode,  # type: ignore[arg-type]
        passphrase_hash=setting("MNR_EDITOR_PASSPHRASE_HASH", "editor_passphrase_hash"),
        from_default_path=from_default,
        private=raw_private in {"1", "true", "yes", "on"},
        default_visibility=default_visibility,
    )


def passphrase_problem(config: LibraryConfig) -> str | None:
    """Why editors cannot sign in, in plain words; None when they can (or in read-only mode)."""
    if config.mode == "read-only" or config.can_sign_in:
        return None
    if not config.passphrase_hash:
        return (
            "No editor passphrase is set up, so the library cannot be changed here. To set one, "
            "run `python -m components.library.access hash` and put the hash it prints in "
            "`.streamlit/secrets.toml` under `[library]` as `editor_passphrase_hash`, or in the "
            "environment variable `MNR_EDITOR_PASSPHRASE_HASH`; then restart the app."
        )
    return (
        "The editor passphrase hash that is set up is not one this app made, so nobody can "
        "sign in. Make a new one with `python -m components.library.access hash`."
    )


# --- the command line -----------------------------------------------------------------------

_USAGE = "usage: python -m components.library.access hash"


def main(argv: list[str] | None = None) -> int:
    """``python -m components.library.access hash``: ask for a passphrase twice, print its hash."""
    args = sys.argv[1:] if argv is None else argv
    if args != ["hash"]:
        print(_USAGE, file=sys.stderr)
        return 2
    passphrase = getpass.getpass("Editor passphrase: ")
    if len(passphrase) < MIN_PASSPHRASE_CHARS:
        print(
            f"Use at least {MIN_PASSPHRASE_CHARS} characters (a few unrelated words work well).",
            file=sys.stderr,
        )
        return 1
    if getpass.getpass("The same again: ") != passphrase:
        print("The two passphrases differ; nothing was made.", file=sys.stderr)
        return 1
    print(hash_passphrase(passphrase))
    print(
        "Put this line in .streamlit/secrets.toml under [library] as\n"
        '  editor_passphrase_hash = "<the hash above>"\n'
        "or set MNR_EDITOR_PASSPHRASE_HASH to it, then restart the app.",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
