"""The numbers: domain and overall scores, coverage, strengths and gaps, change between
rounds, peer statistics, and the tables people read them in. Pure pandas.

- ``scores``: domain and overall scores, what they rest on, one assessment's capabilities,
  strengths and gaps, and ``METHOD_NOTE`` (how the numbers are made, in words).
- ``change``: each capability's level and each domain's score between two rounds.
- ``rounds``: countries and their rounds in time order, the latest assessment of each
  country, a country's domain scores across rounds.
- ``peers``: median and quartiles of a group's domain scores, anonymised peer labels.
- ``heatmap``: the assessments x capabilities matrix and the order of its rows.
- ``tables``: the frames reshaped for people to read, with plain labels.
- ``plans``: action plans against the levels (a weighted suggestion of where to start, one
  assessment's plan with what is overdue, the follow-up of targets in the next round);
  ``plan_portfolio``: plans across countries, per domain and per country, never ranked.
- ``_grid``: the common ground of the modules above (every capability of every assessment).

A capability not assessed is missing, never 0: it is left out of every mean, and every score
says what it rests on (``assessed`` of ``total``). Functions take the collection's tidy
capabilities frame (``components.ingest.report.CAPABILITY_COLUMNS``, with or without
``origin``) and return new frames; inputs are never modified. Capabilities and domains come
from the framework, never from the frame's spelling. Scores are unrounded: rounding is for
display only.

May import: ``base``, ``framework``, ``ingest``.
"""
