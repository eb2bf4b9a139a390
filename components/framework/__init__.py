"""The Model National Response as data: domains, capabilities, enablers and the scale.

Owns: ``model`` (the typed, frozen framework and its loader from ``mnr_data/``), ``explorer``
(searching and deep links into the framework), ``palette`` (the one set of colours for
domains and levels). May import: ``base``.
"""
