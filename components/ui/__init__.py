"""Everything between the pages and the pure packages: the only Streamlit code below pages/.

Owns: ``state`` (the session's keys), ``render`` and the other ``render``-style helpers that
draw, ``selection`` and ``links`` (what is chosen, and the address that reopens it),
``present`` (slides), ``uploads`` (planning what an upload adds), ``navigation`` (the one
workaround for Streamlit's legacy ``pages/`` folder), and the page-level helpers that keep
``pages/`` thin. May import: every other package.
"""
