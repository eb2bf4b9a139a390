"""Write the peer-group classifications in ``mnr_data/groups/`` from the publishers' own files.

    python scripts/build_country_groups.py \\
        --m49 m49_overview.csv --m49-retrieved 2025-11-29 \\
        --income CLASS.xlsx --income-retrieved 2025-01-15

- ``--m49``: the UN Statistics Division's M49 overview as CSV ("Standard country or area
  codes for statistical use", https://unstats.un.org/unsd/methodology/m49/overview/, the
  "Copy" / "CSV" download), comma- or semicolon-separated.
- ``--income``: the World Bank's ``CLASS.xlsx`` ("World Bank Country and Lending Groups",
  https://datahelpdesk.worldbank.org/knowledgebase/articles/906519). The fiscal year and the
  GNI thresholds are read from its Notes sheet.

Each output file records its publisher, title, URL, the date the input was retrieved and, for
the income groups, the fiscal year, so the app can say what a group rests on. The World
Bank reclassifies every 1 July: run this again with the current ``CLASS.xlsx`` to update.
Nothing here is fetched from the internet: download the two files by hand.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import io
import json
import re
import sys
from pathlib import Path

from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mnr_data" / "groups"


def _toml_string(value: str) -> str:
    # JSON's string escapes are valid in TOML basic strings.
    return json.dumps(value, ensure_ascii=False)


def _header(lines: list[str], source: dict[str, str]) -> None:
    lines.append("[source]")
    for key, value in source.items():
        lines.append(f"{key} = {_toml_string(value)}")
    lines.append("")
    lines.append("[countries]")


def read_m49(path: Path) -> list[dict[str, str]]:
    """The rows of the UNSD M49 overview: ISO3, name, region, sub-region."""
    text = path.read_text(encoding="utf-8-sig")
    dialect = ";" if text.splitlines()[0].count(";") > text.splitlines()[0].count(",") else ","
    rows = []
    for row in csv.DictReader(io.StringIO(text), delimiter=dialect):
        iso3 = (row.get("ISO-alpha3 Code") or "").strip()
        if not iso3:
            continue
        rows.append(
            {
                "iso3": iso3,
                "name": row["Country or Area"].strip(),
                "region": (row.get("Region Name") or "").strip(),
                "sub_region": (row.get("Sub-region Name") or "").strip(),
            }
        )
    return sorted(rows, key=lambda r: r["iso3"])


def read_income(path: Path) -> tuple[list[dict[str, str]], str, str]:
    """The economies of CLASS.xlsx with an income group, the fiscal year and the note."""
    workbook = load_workbook(path, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    rows_iter = sheet.iter_rows(values_only=True)
    header = [str(v).strip() if v is not None else "" for v in next(rows_iter)]
    at = {name: header.index(name) for name in ("Economy", "Code", "Income group")}
    rows = []
    for values in rows_iter:
        code, group = values[at["Code"]], values[at["Income group"]]
        if not code or not group:
            continue  # aggregates (regions, "High income", …) and unclassified economies
        rows.append(
            {"iso3": str(code).strip(), "name": str(values[at["Economy"]]).strip()}
            | {"income": str(group).strip()}
        )
    note = ""
    if "Notes" in workbook.sheetnames:
        for (value,) in workbook["Notes"].iter_rows(values_only=True, max_col=1):
            if value and "income groups according to" in str(value):
                note = " ".join(str(value).split())
                break
    workbook.close()
    match = re.search(r"according to (\d{4}) gross national income", note)
    fiscal = f"FY{int(match.group(1)) + 2}" if match else "unknown"
    return sorted(rows, key=lambda r: r["iso3"]), fiscal, note


def write_m49(rows: list[dict[str, str]], retrieved: str) -> Path:
    lines = [
        "# UN M49 geographic regions by ISO 3166 alpha-3 code, for peer groups.",
        "# Written by scripts/build_country_groups.py from the UN Statistics Division's M49",
        "# overview (CSV); do not edit by hand: run the script on a newer download instead.",
        "",
    ]
    _header(
        lines,
        {
            "publisher": "United Nations Statistics Division",
            "title": "Standard country or area codes for statistical use (M49)",
            "url": "https://unstats.un.org/unsd/methodology/m49/overview/",
            "retrieved": retrieved,
            "written": datetime.date.today().isoformat(),
        },
    )
    for row in rows:
        fields = ", ".join(
            f"{key} = {_toml_string(row[key])}" for key in ("name", "region", "sub_region")
        )
        lines.append(f"{row['iso3']} = {{ {fields} }}")
    path = OUT / "un_m49.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_income(rows: list[dict[str, str]], fiscal: str, note: str, retrieved: str) -> Path:
    lines = [
        "# World Bank income groups by economy code (ISO 3166 alpha-3, and the World Bank's own",
        "# XKX for Kosovo and CHI for the Channel Islands), for peer groups. Written by",
        "# scripts/build_country_groups.py from the World Bank's CLASS.xlsx; do not edit by",
        "# hand. The World Bank reclassifies every 1 July: run the script on the current file.",
        "",
    ]
    _header(
        lines,
        {
            "publisher": "World Bank",
            "title": "World Bank Country and Lending Groups (CLASS.xlsx)",
            "url": "https://datahelpdesk.worldbank.org/knowledgebase/articles/"
            "906519-world-bank-country-and-lending-groups",
            "fiscal_year": fiscal,
            "note": note,
            "retrieved": retrieved,
            "written": datetime.date.today().isoformat(),
        },
    )
    for row in rows:
        fields = ", ".join(f"{key} = {_toml_string(row[key])}" for key in ("name", "income"))
        lines.append(f"{row['iso3']} = {{ {fields} }}")
    path = OUT / "world_bank_income.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--m49", type=Path, required=True)
    parser.add_argument("--m49-retrieved", required=True, help="YYYY-MM-DD")
    parser.add_argument("--income", type=Path, required=True)
    parser.add_argument("--income-retrieved", required=True, help="YYYY-MM-DD")
    args = parser.parse_args(argv)
    for date in (args.m49_retrieved, args.income_retrieved):
        datetime.date.fromisoformat(date)
    OUT.mkdir(parents=True, exist_ok=True)
    m49 = write_m49(read_m49(args.m49), args.m49_retrieved)
    rows, fiscal, note = read_income(args.income)
    income = write_income(rows, fiscal, note, args.income_retrieved)
    print(f"Wrote {m49.relative_to(ROOT)} and {income.relative_to(ROOT)} ({fiscal}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
