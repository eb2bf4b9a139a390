"""Files out: the PDF brief, the PowerPoint decks, xlsx and csv data tables, chart images
(kaleido with the system Chromium), and the safe text every spreadsheet cell passes through.
Pure: data in, bytes out.

May import: ``base``, ``framework``, ``ingest``, ``scoring``, ``charts``.
"""
