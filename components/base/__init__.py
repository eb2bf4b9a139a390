"""Shared text helpers: normalising words for matching, plurals, shortening, escaping.

Owns: ``text``. May import: nothing else of ``components`` (everything may import this).
"""
