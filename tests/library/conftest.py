"""Fixtures of the SQLite library tests: a library file in a fresh folder, its engine, the demo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from components.framework.model import default_framework
from components.ingest.demo import load_demo
from components.library.access import sqlite_url
from components.library.database import create_library_engine


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "library.sqlite3"


@pytest.fixture
def engine(library_path: Path) -> Iterator[Engine]:
    engine = create_library_engine(sqlite_url(library_path))
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def demo():
    return load_demo(default_framework())
