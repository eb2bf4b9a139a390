"""Pictures: tidy frames to plotly figures, and the views that pair each figure with its caption
and table alternative. Pure: no Streamlit.

- ``common``: what every chart shares (fonts, ui revision, neutral grey, layout, hover text).
- ``radar``: the domain radar and the capability radar of one domain.
- ``heatmap``: assessments x capabilities, one colour a level, grouped by domain.
- ``row_names``: the heatmap's row names whole, wrapped at their spaces where the margin is
  too narrow for one line.
- ``bars``: domain scores of several assessments side by side.
- ``trends``: domain scores across rounds, and each capability between two rounds.
- ``views``: what each picture page draws (figure, caption, table), from scoring's numbers.

Rules every figure follows, because they make the pictures honest and legible:

- A missing level or score is *missing*, never drawn as 0: radars and lines leave a gap, bars
  leave no bar and say "n/a", the heatmap paints the cell ``NOT_ASSESSED_COLOUR``; hover and
  legend say "Not assessed".
- Colours come from ``components.framework.palette`` only, so a level or a domain has the same
  colour on every chart; series of one kind also differ by dash, marker or pattern, so the
  charts still read in greyscale and in print.
- Scales are fixed (the framework's ``scale.minimum`` to ``scale.maximum``), so charts of
  different assessments compare by their shapes.
- Text is sized for a 1280x720 projector (15 px body, 14 px ticks, 16 px axis titles), and no
  figure carries a title: the page gives the heading and the caption.
- Text that may come from people (labels, series names, evidence) is HTML-escaped: plotly
  renders a subset of HTML in labels and hover boxes.

May import: ``base``, ``framework``, ``ingest``, ``scoring``.
"""
