"""Sample data the export tests share (their fixtures are in ``conftest.py``)."""

from __future__ import annotations

import pandas as pd

from components.framework.model import default_framework
from tests.factories import capability_rows, enabler_rows

FRAMEWORK = default_framework()
SCRIPT = "<script>alert(1)</script>"


def hostile_frames() -> tuple[pd.DataFrame, pd.DataFrame]:
    """One assessment with hostile text; capability 7 and all of Media and Communications
    (20, 21) not assessed, so that domain has no score."""
    levels = {n: (n % 5) for n in range(1, 20) if n != 7}
    frame = capability_rows("hostile-1", "Testland & <Co>", 2022, levels, round_label="Baseline")
    frame["evidence"] = frame["evidence"].astype("object")
    frame.loc[frame["capability"] == 1, "evidence"] = SCRIPT + " & <b>bold</b>"
    frame.loc[frame["capability"] == 2, "evidence"] = "=1+1"
    frame.loc[frame["capability"] == 3, "evidence"] = ("A long note. " * 400) + "x" * 600
    frame.loc[frame["capability"] == 4, "evidence"] = "Line one\nLine two\x0b with a control char"
    frame.loc[frame["capability"] == 5, "evidence"] = "Plain evidence that must appear"
    frame["confidence"] = "high"
    enablers = enabler_rows("hostile-1", "Testland & <Co>", 2022)
    enablers["level"] = pd.array([2, None, 1, None, None, 3, None], dtype="Int64")
    return frame, enablers
