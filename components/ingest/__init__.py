"""Files in: from an uploaded spreadsheet to tidy frames of assessments, with a report.

Owns: ``file_guard`` (checks before any parser), ``matching`` (labels, headers, levels),
the reader and the template writer, the validation report, ``collection`` (the set of
assessments a session works with), ``labels`` (how assessments are named) and ``demo`` (the
fictional demo, read through the reader). May import: ``base``, ``framework``.
"""
