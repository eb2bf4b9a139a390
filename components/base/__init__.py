"""Shared helpers: text (normalising words for matching, plurals, shortening, escaping), how a
score is shown (``numbers``: one decimal, halves up) and the process's memory.

Owns: ``text``, ``numbers``, ``memory``. May import: nothing else of ``components``
(everything may import this).
"""
