"""The assessment library: the database (SQLite, or PostgreSQL when shared), its schema and
migrations, saving, listing, opening, renaming, deleting, export and import; ``access``
(settings and the editor passphrase). No Streamlit.

May import: ``base``, ``framework``, ``ingest``, ``scoring``, ``charts``, ``exports``.
"""
