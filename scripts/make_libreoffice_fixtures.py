"""Re-create the test workbooks that LibreOffice wrote (tests/fixtures/libreoffice-*.xlsx).

The reader must accept workbooks written by other programs than openpyxl, which writes the
template. This script fills a template and writes a hand-made wide table as CSV, then has
LibreOffice Calc (Debian's libreoffice-calc) save both as .xlsx. The results are committed,
so the tests need no LibreOffice; run this again only to refresh them:

    apt-get install libreoffice-calc && python scripts/make_libreoffice_fixtures.py
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from components.framework.model import default_framework  # noqa: E402
from components.ingest.template import AssessmentInput, write_template  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"

# What the filled template holds; tests/ingest/test_reader_other_programs.py checks it reads back.
ZEMBLA = AssessmentInput(
    country="Zembla",
    year=2023,
    iso3="XZZ",
    round="Baseline",
    assessed_by="Workshop group B",
    levels={n: (None if n in (5, 18) else (n * 3) % 5) for n in range(1, 22)},
    evidence={
        1: "Committee chaired by the deputy minister",
        12: "Hotline reports 4,000 calls a year",
    },
    confidence={1: "high", 12: "medium"},
    enabler_levels={1: 2, 2: 1, 3: 3, 4: 2, 5: 1, 6: 2, 7: 0},
)


def wide_levels(number: int) -> tuple[int, int, int | None]:
    """Quentra 2021, Quentra 2023 and Ostravia 2023 in the wide table (Ostravia skips 4)."""
    return number % 4, (number + 1) % 5, None if number == 4 else number % 3


def main() -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("LibreOffice is not installed: apt-get install libreoffice-calc")
    framework = default_framework()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        (folder / "libreoffice-filled-template.xlsx").write_bytes(write_template(framework, ZEMBLA))
        with (folder / "libreoffice-wide-table.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["Capability", "Quentra 2021", "Quentra 2023", "Ostravia 2023"])
            for capability in framework.capabilities:
                writer.writerow([capability.title, *wide_levels(capability.number)])
        out = folder / "out"
        subprocess.run(
            [
                soffice,
                "--headless",
                "--convert-to",
                "xlsx:Calc MS Excel 2007 XML",
                "--outdir",
                str(out),
                str(folder / "libreoffice-filled-template.xlsx"),
                str(folder / "libreoffice-wide-table.csv"),
            ],
            check=True,
            timeout=180,
        )
        FIXTURES.mkdir(parents=True, exist_ok=True)
        for made in out.glob("*.xlsx"):
            shutil.copy(made, FIXTURES / made.name)
            print(f"wrote {FIXTURES / made.name}")


if __name__ == "__main__":
    main()
