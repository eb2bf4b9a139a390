"""Files out: the PDF brief, the PowerPoint decks, xlsx and csv data tables, chart images
(kaleido with the system Chromium), and the safe text every export passes through.
Pure: data in, bytes out.

- ``brief``: what the PDF brief and the country deck are both built from (one assessment's
  brief, titles, the fictional and learning notes, download file names).
- ``pdf``: the country brief as an A4 PDF; ``pdf_layout``: its page, styles and tables.
- ``decks``: the country and comparison PowerPoint decks; ``deck_layout``: their slides,
  native charts and tables.
- ``tables``: every assessment as long tables, an xlsx workbook and a csv the reader reads back;
  ``plan_tables``: the action plans as a table (the workbook's Action plan sheet, a csv).
- ``plan_pages``: the action plan page of the brief and slide of the deck.
- ``images``: charts as PNG or SVG, a batch per browser start, and file-safe names.
- ``safe_text``: text cleaned of what XML cannot hold, and formulas neutralised.

Rules every export follows: user text is shown, never interpreted (escaped in the PDF,
plain text in decks, formulas neutralised in every spreadsheet cell); offline (built-in
fonts, plotly.js from the plotly package); missing is missing ("Not assessed", a blank point,
never 0); fictional data says so on the cover or title slide and in every footer.

May import: ``base``, ``framework``, ``ingest``, ``scoring``, ``charts``.
"""
