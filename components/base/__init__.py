"""Shared helpers: text (normalising words for matching, plurals, shortening, escaping) and
the process's memory.

Owns: ``text``, ``memory``. May import: nothing else of ``components`` (everything may import
this).
"""
