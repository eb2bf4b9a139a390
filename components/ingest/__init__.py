"""Files in: from an uploaded spreadsheet to tidy frames of assessments, with a report.

Owns, in the order a file goes through them:

- the guard, before any parser: ``file_guard`` (``check_upload``: old Office files, known
  binaries, text tables), ``zip_guard`` (xlsx packages and their look-alikes), ``ods_guard``
  and ``xls_guard`` (how far an .ods or .xls sheet reaches), ``flat_ods`` (a LibreOffice flat
  XML spreadsheet, checked and read as the .ods it is), ``spreadsheet_xml`` (Excel's XML
  Spreadsheet 2003), ``html_tables`` with ``html_page`` and ``html_styles`` (a web page's
  tables under an Excel name, its CSS classes' number formats and hiding), ``web_archive`` (a
  .mht: Excel's "Single File Web Page", a browser's saved page) and ``xlsb_books`` with
  ``xlsb_records`` (an Excel Binary Workbook, .xlsb), all made an .xlsx in memory by
  ``markup_books`` (from ``book_sheets``), as is an Apple Numbers spreadsheet (``numbers_guard``
  checks its parts, ``numbers_books`` reads its sheets and tables with numbers-parser),
  ``strict_xlsx`` (a Strict Open XML workbook renamed into the .xlsx it is), ``old_formats``
  (old programs' files told by their bytes: Excel 2.x-4.0 read by ``biff_books`` with
  ``biff_records``, dBase tables by ``dbase_tables``, an add-in and a Works spreadsheet by
  ``old_books``, an OpenOffice.org 1 spreadsheet as an .ods by ``sxc_books``; Lotus 1-2-3,
  Quattro Pro, KSpread and others refused by name), ``limits``
  (``ReadLimits``, from the environment too) and ``refusals`` (``FileRejected`` and its
  shared wording);
- the reader: ``reader`` (``read_assessment_file``, the entry; joins enablers to their
  assessments and builds the frames), ``sheets`` (cells into grids, within the limits),
  ``xlsx_extent`` (how far an xlsx sheet reaches), ``layout`` (finding the table on a
  sheet), ``parse`` (a layout's rows into drafts), ``quick_rows`` (the rows that read cleanly,
  each distinct value once), ``context`` (country and year from around the table),
  ``joined_meta`` (a column of "Ghana 2022" cells: country and year together),
  ``country_sources`` (a Country label against a column's country, a table stacked below,
  an ISO3 code alone, a summary row among countries, an empty template), ``periods``
  (months and quarters: "Mar-22", "Q1 2024"), ``stacked`` (blocks one under another on a
  sheet), ``level_header`` (a level column whose header was typed over), ``repeats`` (hidden
  and formula sheets repeating another sheet's assessment), ``nothing_read`` (assessments
  with no level at all),
  ``drafts`` (an assessment being assembled, cell by cell), ``formulas`` (formulas without a
  saved result), ``matching`` (labels, headers), ``values`` (levels, dates), ``vocabulary``
  (the words of ``mnr_data/headers.toml``) and ``mapping`` (a person's decisions);
- ``report`` (the data contract's columns, ``Problem``, ``ReadResult``, duplicates) and
  ``template`` (the workbook the app hands out);
- ``collection`` (the set of assessments a session works with), ``labels`` (how assessments
  are named) and ``demo`` (the fictional demo, read through the reader);
- ``editing``: an assessment entered in the app (the editor's model), as the same tidy
  frames an upload gives;
- ``plans``: an assessment's action plan (priority, target, lead, actions, status per
  capability) as a tidy frame, checked with problems like the reader's, and the app's plan
  editor rows; ``plan_sheet``: an "Action plan" sheet found and joined to its assessment.

May import: ``base``, ``framework``.
"""
