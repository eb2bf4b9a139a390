"""Write the fictional demo assessments to mnr_data/demo/ as filled-in templates.

Run after changing the framework, the template or the demo profiles:

    python scripts/build_demo_data.py

The files are committed; tests check that they still read back to what this script writes.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from components.framework.model import default_framework
from components.ingest.demo import DEMO_DIR, demo_assessments, demo_file_name
from components.ingest.template import write_template


def main() -> None:
    framework = default_framework()
    DEMO_DIR.mkdir(parents=True, exist_ok=True)
    for old in DEMO_DIR.glob("*.xlsx"):
        old.unlink()
    assessments = demo_assessments(framework)
    for assessment in assessments:
        (DEMO_DIR / demo_file_name(assessment)).write_bytes(write_template(framework, assessment))
    print(f"Wrote {len(assessments)} fictional assessments to {DEMO_DIR}")


if __name__ == "__main__":
    main()
