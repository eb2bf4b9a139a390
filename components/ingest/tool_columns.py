"""A survey tool's own bookkeeping columns, left unread without a word.

ODK Collect and Central, SurveyCTO and KoboToolbox add their own columns around the answers:
the form's start and end, the device, the submission's ids and time, its review status and
version ("start", "end", "today", "deviceid", "SubmissionDate", "KEY", "meta/instanceID",
"meta-instanceID", "_uuid", "_submission_time", "_index", "_status", "__version__"). They are
never levels nor a capability, so a warning for each would only bury the ones that matter.

A header is the tool's when, with a question's group path taken off (Kobo's "/", ODK
Central's and SurveyCTO's "-"), it is one of the vocabulary's ``form_columns`` or
``form_dates``; when it is in ODK's ``meta`` group; or when it is one of Kobo's system
columns, which all begin with "_"; or one of the other tools' columns below (Typeform,
Alchemer, LimeSurvey, Qualtrics' fraud scores), which the vocabulary does not list.
"""

from __future__ import annotations

import re
from typing import Any

from components.ingest.vocabulary import default_vocabulary, key_of

# "meta/instanceID", "group_caps/cap_07", "meta-instanceID": the last part names the column.
_PATH = re.compile(r"(?P<groups>(?:[A-Za-z][\w.]*[/-])+)(?P<last>[A-Za-z_][\w.]*)")
# Kobo's system columns: "_uuid", "_submission_time", "__version__", "_validation_status".
_SYSTEM = re.compile(r"_{1,2}[a-z][a-z0-9_]*_{0,2}")
# Other tools' own columns, as ``key_of`` gives them: Typeform ("Network ID", "Submit Date
# (UTC)", "Stage Date (UTC)"), Alchemer ("Time Started", "Contact ID", "Referer", "SessionID",
# "User Agent"), LimeSurvey ("Last page", "Seed", "Date started", "Date last action", "Start
# language", "Token", "Referrer URL", "Total time") and Qualtrics' fraud checks.
TOOL_KEYS = frozenset(
    key_of(text)
    for text in (
        "Network ID",
        "Submit Date (UTC)",
        "Stage Date (UTC)",
        "Time Started",
        "Contact ID",
        "Referer",
        "Extended Referer",
        "SessionID",
        "Session ID",
        "User Agent",
        "Link Type",
        "Last page",
        "Seed",
        "Date started",
        "Date last action",
        "Start language",
        "Token",
        "Referrer URL",
        "Total time",
        "Q_RecaptchaScore",
        "Q_RelevantIDDuplicate",
        "Q_RelevantIDDuplicateScore",
        "Q_RelevantIDFraudScore",
        "Q_RelevantIDLastStartDate",
        "Q_TotalDuration",
        "Q_BallotBoxStuffing",
    )
)


def is_tool_column(value: Any) -> bool:
    """Whether a header is a survey tool's own column that the vocabulary does not list: one
    of ``TOOL_KEYS`` or a KoboToolbox system column ("_validation_status", "_notes")."""
    if not isinstance(value, str):
        return False
    return key_of(value) in TOOL_KEYS or bool(_SYSTEM.fullmatch(value.strip()))


def is_system_column(text: str) -> bool:
    """Whether a header is one of KoboToolbox's system columns ("_id", "_uuid", "_index",
    "__version__"): a submission's bookkeeping, never a capability, a country or a level."""
    return text[:1] == "_" and bool(_SYSTEM.fullmatch(text.strip()))


def is_bookkeeping(value: Any) -> bool:
    """Whether a header is one of a form tool's own columns (see the module's docstring)."""
    if not isinstance(value, str):
        return False
    text = value.strip()
    words = default_vocabulary()
    keys = {key_of(text)}
    path = _PATH.fullmatch(text)
    if path:
        if path["groups"][:-1].casefold() == "meta":
            return True  # ODK's meta group: instanceID, instanceName, deprecatedID
        keys.add(key_of(path["last"]))
    if any(k in words.form_columns or k in words.form_dates or k in TOOL_KEYS for k in keys):
        return True
    return bool(_SYSTEM.fullmatch(text))
