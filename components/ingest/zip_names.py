"""A workbook's zip part names as other writers store them: backslashes, another letter case.

An .xlsx is a zip package whose parts refer to each other by name: ``[Content_Types].xml``
lists them, and each ``_rels/*.rels`` part names the parts its part uses ("worksheets/
sheet1.xml" beside ``xl/workbook.xml``). Some writers store the names otherwise than those
references say, and Excel opens the file all the same, as the package's names are compared
case-insensitively and either slash separates folders:

* .NET Framework 4.5's ``ZipFile.CreateFromDirectory`` (and tools built on it) stores
  ``xl\\worksheets\\sheet1.xml``, with backslashes;
* some generators store ``XL/Worksheets/Sheet1.xml`` while the references say
  ``xl/worksheets/sheet1.xml``.

The guard, openpyxl and calamine look parts up by their exact names, so such a file was
refused as damaged. ``normalised_package`` gives the package with each part under the name
its references use (slashes, and the case of the reference that names it, matched
case-insensitively; a part nothing names keeps its name, with slashes), before the guard's
checks. It unpacks nothing until the guard's own limits allow it: the number of parts (from
the end record, before listing them), the unpacked size and the compression ratio (from the
central directory), and each part is read no further than the size it declares. Two parts
whose names become one are a damaged package, refused so. Every other file, and a package
whose names need nothing, is given back as it is, with no copy made.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from urllib.parse import unquote

from components.ingest.file_guard import check_upload
from components.ingest.limits import MB, ReadLimits
from components.ingest.refusals import ZIP_ERRORS
from components.ingest.zip_guard import (
    _check_expansion,
    _damaged,
    _precheck_entry_count,
)

_ZIP_MAGIC = b"PK\x03\x04"
_CONTENT_TYPES = "[Content_Types].xml"
_ROOT_RELS = "_rels/.rels"
# A package's index parts are a few kilobytes; a bigger one is not read here (the guard says).
_MAX_INDEX_BYTES = 4 * MB
_PART_NAME = re.compile(rb'\bPartName\s*=\s*"([^"]+)"')
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b([^>]*)>")
_TARGET = re.compile(rb'\bTarget\s*=\s*"([^"]*)"')
_EXTERNAL = re.compile(rb'\bTargetMode\s*=\s*"External"')


def checked_upload(name: str, data: bytes, limits: ReadLimits) -> tuple[bytes, str]:
    """The file as the reader reads it (its zip parts under their references' names) and
    what the guard says it is (``file_guard.check_upload``, which raises ``FileRejected``)."""
    data = normalised_package(data, limits)
    return data, check_upload(name, data, limits)


def normalised_package(data: bytes, limits: ReadLimits) -> bytes:
    """The zip package with its parts under the names its references use (see the module);
    ``data`` itself when it is no zip, or its names need nothing. ``FileRejected`` when two
    parts would have one name, or the package passes the guard's limits."""
    if not data.startswith(_ZIP_MAGIC) or len(data) > limits.max_file_bytes:
        return data  # no zip, or one the guard refuses for its size
    _precheck_entry_count(data, limits)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except ZIP_ERRORS:
        return data  # the guard says it is damaged
    with archive:
        slashed = [info.filename.replace("\\", "/").lstrip("/") for info in infos]
        if "mimetype" in slashed:
            return data  # OpenDocument: not a package of references
        names = _canonical_names(archive, infos, slashed)
        if names is None or names == [info.filename for info in infos]:
            return data
        if len({name.lower() for name in names}) < len(names):
            raise _damaged()
        _check_expansion(infos, limits)
        return _repacked(archive, infos, names)


def _canonical_names(
    archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], slashed: list[str]
) -> list[str] | None:
    """Each part's name as the package's references write it (``slashed`` where none does);
    ``None`` when an index part is too big to look at."""
    by_folded = {name.lower(): (info, name) for info, name in zip(infos, slashed, strict=True)}
    named = {_CONTENT_TYPES.lower(): _CONTENT_TYPES, _ROOT_RELS: _ROOT_RELS}
    types = by_folded.get(_CONTENT_TYPES.lower())
    if types is not None:
        raw = _index_part(archive, types[0])
        if raw is None:
            return None
        for found in _PART_NAME.finditer(raw):
            name = unquote(found[1].decode("utf-8", "replace")).lstrip("/")
            named.setdefault(name.lower(), name)
    # A part's relationships are in "<its folder>/_rels/<its name>.rels": the outer ones first,
    # so that each part's own name is known before the names it gives its targets.
    rels = sorted((n for n in by_folded if n.endswith(".rels")), key=lambda n: n.count("/"))
    for folded in rels:
        folder, _, file = folded.rpartition("/")
        if folder != "_rels" and not folder.endswith("/_rels"):
            continue
        source = posixpath.join(folder[: -len("_rels")].rstrip("/"), file[: -len(".rels")])
        source = named.get(source.lower(), by_folded.get(source.lower(), (None, source))[1])
        here = posixpath.dirname(source)
        named.setdefault(
            folded, posixpath.join(here, "_rels", posixpath.basename(source) + ".rels")
        )
        raw = _index_part(archive, by_folded[folded][0])
        if raw is None:
            return None
        for relationship in _RELATIONSHIP.finditer(raw):
            attributes = relationship[1]
            target = _TARGET.search(attributes)
            if target is None or _EXTERNAL.search(attributes):
                continue
            path = unquote(target[1].decode("utf-8", "replace")).replace("\\", "/")
            path = path[1:] if path.startswith("/") else posixpath.join(here, path)
            path = posixpath.normpath(path)
            named.setdefault(path.lower(), path)
    return [named.get(name.lower(), name) for name in slashed]


def _index_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | None:
    """An index part's bytes, or ``None`` when it is too big to be one (or damaged)."""
    if info.file_size > _MAX_INDEX_BYTES:
        return None
    try:
        with archive.open(info) as member:
            raw = member.read(_MAX_INDEX_BYTES + 1)
    except ZIP_ERRORS:
        return None
    return raw if len(raw) <= _MAX_INDEX_BYTES else None


def _repacked(archive: zipfile.ZipFile, infos: list[zipfile.ZipInfo], names: list[str]) -> bytes:
    """A new package of the same parts under ``names``; each read no further than its size."""
    buffer = io.BytesIO()
    try:
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
            for info, name in zip(infos, names, strict=True):
                with archive.open(info) as member:
                    raw = member.read(info.file_size + 1)
                if len(raw) > info.file_size:
                    raise _damaged()  # more than it declares: no part of a real workbook
                copy.writestr(zipfile.ZipInfo(name, info.date_time), raw, zipfile.ZIP_DEFLATED)
    except ZIP_ERRORS:
        raise _damaged() from None
    return buffer.getvalue()
