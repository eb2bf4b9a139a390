"""The numbers: domain and overall scores, coverage, strengths and gaps, change between
rounds, peer statistics, and the tables people read them in. Pure pandas.

A capability not assessed is missing, never 0, and every score says what it rests on.
May import: ``base``, ``framework``, ``ingest``.
"""
