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
from collections.abc import Mapping
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
