"""The MNR Dashboard's product code, importable and testable without a running app.

Packages by concern, in layers. A package may import the packages listed before it, never
one listed after it (``tests/test_architecture.py`` keeps this):

1. ``base``: text helpers every package shares.
2. ``framework``: the Model National Response as data (model, loader, explorer, palette).
3. ``ingest``: files in (file guard, matching, reader, template, report) and the
   collection of assessments they become.
4. ``scoring``: pure pandas numbers (scores, coverage, gaps, change, peers) and tables.
5. ``charts``: tidy frames to plotly figures, with their captions and table alternatives.
6. ``exports``: PDF brief, PowerPoint deck, xlsx/csv tables, chart images, safe text.
7. ``library``: the database of saved assessments, its schema and migrations, access.
8. ``ui``: the only Streamlit code below ``pages/``: session state, render helpers,
   selection, links, present, the navigation workaround.
"""
