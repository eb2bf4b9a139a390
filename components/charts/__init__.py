"""Pictures: tidy frames to plotly figures (radar, heatmap, bars, trends), and the views
that pair each figure with its caption and table alternative. Pure: no Streamlit.

May import: ``base``, ``framework``, ``ingest``, ``scoring``.
"""
