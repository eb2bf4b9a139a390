"""Everything between the pages and the pure packages: the only Streamlit code below pages/.

Owns: ``markdown`` (the one way text reaches Streamlit's Markdown: user text escaped), ``state``
(the session's keys and what they hold), ``navigation`` (the one workaround for Streamlit's
legacy ``pages/`` folder), ``page_frame`` (the sidebar's state decided in one place, back to the
top, the phone layout and its switch, the shared heading style), ``render`` (small drawing
helpers every page uses), ``selection`` and ``links`` (what is chosen, and the address that
reopens it), ``present`` and ``slides`` (the projector deck and its Previous/Next state),
``uploads`` (what an upload adds, in words), ``upload_files`` (uploaded bytes read once and let
go, the session's budget), ``captions``, ``export_buttons``, ``library`` and ``library_page``
(the Library page's sections), ``assess`` (the assessment editor's state: its entry, draft and
link), ``assess_form``, ``assess_start`` and ``assess_session`` (the editor's sections),
``plan_page`` (the action plan page: the suggestion, the plan grid, its download) and
``plan_views`` (plans on the profile, trends and portfolio pages), ``mapping_step`` (the upload
page's "Fix how this file is read"), ``peers`` (the peer-group picker), and the live workshop:
``workshop_open`` and ``workshop_host`` (the facilitator's page, put together by
``workshop_facilitator``), ``workshop_join`` (the participants' page), ``workshop_link``
(addresses and the QR code) and ``workshop_session`` (the room's result as a session
assessment). Pure functions here are tested without a running app; the ``render*``-style ones
draw. May import: every other package.
"""
