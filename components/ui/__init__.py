"""Everything between the pages and the pure packages: the only Streamlit code below pages/.

Owns: ``markdown`` (the one way text reaches Streamlit's Markdown: user text escaped),
``state`` (the session's keys and what they hold), ``navigation`` (the one workaround
for Streamlit's legacy ``pages/`` folder), ``render`` (small drawing helpers every page uses),
``selection`` and ``links`` (what is chosen, and the address that reopens it), ``present`` and
``slides`` (the projector deck and its Previous/Next state), ``uploads`` (what an upload adds,
in words), ``upload_files`` (uploaded bytes read once and let go, the session's budget),
``captions``, ``export_buttons``, ``library`` and ``library_page`` (the Library page's
sections), ``assess`` (the assessment editor's state: its entry, draft and link),
``assess_form``, ``assess_start`` and ``assess_session`` (the editor's sections),
``plan_page`` (the action plan page: the suggestion, the plan grid, its download) and
``plan_views`` (plans on the profile, trends and portfolio pages). Pure
functions here are tested without a running app; the ``render*``-style ones draw. May
import: every other package.
"""
