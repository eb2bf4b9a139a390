"""The assessment library: assessments kept between visits, in SQLite or PostgreSQL. No Streamlit.

Modules, lowest first: ``database`` (engines, transactions, plain-language errors,
``LibraryUnavailable``), ``tables`` (the current layout), ``identity`` (which country an
entry is of, and filing older libraries by it), ``records`` (one assessment as the library
keeps it, its action plan included, to and from tidy frames), ``schema`` (schema version and
migrations),
``store`` (saving, listing, filtering, opening, renaming, deleting), ``transfer`` (export to
and import from a workbook), ``drafts`` (assessments being entered in the app, kept between
visits under their link's token, with their limits); ``access`` (settings and the editor
passphrase).

May import: ``base``, ``framework``, ``ingest``, ``scoring``, ``charts``, ``exports``.
"""
