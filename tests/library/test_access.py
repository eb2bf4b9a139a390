"""Editor passphrases (scrypt hashes) and the library's settings, without a running app."""

from __future__ import annotations

from pathlib import Path

import pytest

from components.library import access

FAST = 2**10  # a low scrypt cost keeps these tests quick; real hashes use access.SCRYPT_N


def test_a_passphrase_verifies_against_its_own_hash_only():
    hashed = access.hash_passphrase("correct horse battery staple", n=FAST)
    assert hashed.startswith("scrypt$1024$8$1$")
    assert access.verify_passphrase("correct horse battery staple", hashed)
    assert not access.verify_passphrase("correct horse battery stapler", hashed)
    assert not access.verify_passphrase("", hashed)
    assert access.is_valid_hash(hashed)


def test_hashes_are_salted():
    first = access.hash_passphrase("same words twice", n=FAST)
    second = access.hash_passphrase("same words twice", n=FAST)
    assert first != second
    assert access.verify_passphrase("same words twice", first)
    assert access.verify_passphrase("same words twice", second)


def test_the_default_cost_is_the_one_documented():
    hashed = access.hash_passphrase("a real passphrase here")
    assert hashed.split("$")[1:4] == [str(access.SCRYPT_N), str(access.SCRYPT_R), "1"]


@pytest.mark.parametrize(
    "stored",
    [
        None,
        "",
        "plain text passphrase",
        "sha256$abc",
        "scrypt$1024$8$1$!!notbase64$AAAA",
        "scrypt$1000$8$1$c2FsdHNhbHQ=$" + "A" * 44,  # n not a power of two
        "scrypt$1073741824$8$1$c2FsdHNhbHQ=$" + "A" * 44,  # a cost that would exhaust memory
        "scrypt$1024$8$1$c2FsdA==$" + "A" * 44,  # salt too short
    ],
)
def test_a_missing_or_malformed_hash_never_lets_anyone_in(stored):
    assert not access.verify_passphrase("anything at all", stored)
    assert not access.is_valid_hash(stored)


def test_settings_come_from_the_environment_first_then_secrets(tmp_path: Path):
    hashed = access.hash_passphrase("twelve chars+", n=FAST)
    secrets = {
        "url": "postgresql+psycopg://from-secrets/db",
        "mode": "read-only",
        "editor_passphrase_hash": hashed,
    }
    from_secrets = access.library_config(env={}, secrets_section=secrets)
    assert from_secrets.url == "postgresql+psycopg://from-secrets/db"
    assert from_secrets.mode == "read-only"
    assert not from_secrets.can_sign_in  # read-only: nobody signs in, whatever the hash

    env = {"MNR_LIBRARY_URL": "postgresql+psycopg://from-env/db", "MNR_LIBRARY_MODE": "editor"}
    from_env = access.library_config(env=env, secrets_section=secrets)
    assert from_env.url == "postgresql+psycopg://from-env/db"
    assert from_env.mode == "editor"
    assert from_env.can_sign_in


def test_without_settings_the_library_is_a_local_file_and_nobody_can_edit(tmp_path: Path):
    config = access.library_config(env={"XDG_DATA_HOME": str(tmp_path)}, secrets_section={})
    assert config.url == f"sqlite:///{tmp_path}/mnr-dashboard/library.sqlite3"
    assert config.from_default_path
    assert config.mode == "editor"
    assert not config.can_sign_in
    assert "No editor passphrase is set up" in access.passphrase_problem(config)


def test_a_library_path_setting_chooses_the_sqlite_file(tmp_path: Path):
    config = access.library_config(env={"MNR_LIBRARY_PATH": str(tmp_path / "lib.db")})
    assert config.url == f"sqlite:///{tmp_path / 'lib.db'}"
    assert not config.from_default_path


@pytest.mark.parametrize("spelling", ["read-only", "READ_ONLY", "readonly", " read only "])
def test_read_only_is_understood_however_it_is_written(spelling):
    assert access.library_config(env={"MNR_LIBRARY_MODE": spelling}).mode == "read-only"


def test_an_unknown_mode_is_a_clear_error():
    with pytest.raises(access.ConfigError, match="read-only or editor"):
        access.library_config(env={"MNR_LIBRARY_MODE": "admin"})


def test_a_hash_the_app_did_not_make_is_reported():
    config = access.library_config(env={"MNR_EDITOR_PASSPHRASE_HASH": "letmein"})
    assert not config.can_sign_in
    assert "not one this app made" in access.passphrase_problem(config)


def test_the_hash_command_prints_a_hash_of_what_was_typed(monkeypatch, capsys):
    answers = iter(["a long enough passphrase", "a long enough passphrase"])
    monkeypatch.setattr(access.getpass, "getpass", lambda prompt: next(answers))
    assert access.main(["hash"]) == 0
    out, err = capsys.readouterr()
    printed = out.strip()
    assert access.verify_passphrase("a long enough passphrase", printed)
    assert "a long enough passphrase" not in out + err
    assert "editor_passphrase_hash" in err


@pytest.mark.parametrize(
    ("typed", "message"),
    [(["short", "short"], "at least 12"), (["long enough one", "other long one"], "differ")],
)
def test_the_hash_command_refuses_short_or_mistyped_passphrases(
    monkeypatch, capsys, typed, message
):
    answers = iter(typed)
    monkeypatch.setattr(access.getpass, "getpass", lambda prompt: next(answers))
    assert access.main(["hash"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert message in err


def test_the_command_says_how_to_use_it(capsys):
    assert access.main([]) == 2
    assert "python -m components.library.access hash" in capsys.readouterr().err
