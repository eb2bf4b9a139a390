"""Uploading through the real file input in Chromium, and what the page reports."""

import gzip

import pytest
from playwright.sync_api import expect

from components.framework.model import default_framework
from components.ingest.template import AssessmentInput, write_template
from tests.conftest import ARTIFACTS, choose_option, open_page, screenshot, wait_until_idle
from tests.ingest.numbers_support import NSheet, NTable, numbers_file
from tests.ingest.odf_support import Sheet as OdfSheet
from tests.ingest.odf_support import fods
from tests.ingest.old_support import Field, OldSheet, biff_workbook, dbf, lotus
from tests.ingest.web_support import excel_mht, form_rows, sheet_page, sheet_table
from tests.ingest.xlsb_support import BSheet, xlsb

pytestmark = pytest.mark.browser
FW = default_framework()

UPLOAD_INPUT = '[data-testid="stFileUploaderDropzoneInput"]'


@pytest.fixture
def files(tmp_path):
    framework = default_framework()
    good = tmp_path / "zembla-2024.xlsx"
    good.write_bytes(
        write_template(
            framework,
            AssessmentInput(
                country="Zembla",
                year=2024,
                levels={n: (n % 5 if n != 9 else None) for n in range(1, 22)},
                evidence={3: "Law passed in 2023"},
            ),
        )
    )
    table = tmp_path / "hand-made.csv"
    table.write_text(
        "country,year,capability,level\n"
        "Quentra,2023,Leadership,2\n"
        "Quentra,2023,Child Helpine,3\n"
        "Quentra,2023,Capability 99,1\n"
        "Quentra,2023,Legislation,seven\n",
        encoding="utf-8",
    )
    broken = tmp_path / "minutes.xlsx"
    broken.write_bytes(b"%PDF-1.7\n% not a spreadsheet at all\n")
    return good, table, broken


def test_upload_good_and_broken_files(page, app_url, files):
    good, table, broken = files
    open_page(page, app_url + "/upload")
    assert page.locator("h1").first.inner_text() == "Upload assessments"
    page.locator(UPLOAD_INPUT).set_input_files([str(good), str(table), str(broken)])
    page.wait_for_selector(".st-key-upload-result-2", timeout=60_000)
    page.wait_for_selector("text=Keep them")  # the last section: the run has finished
    wait_until_idle(page)

    # Auto-waiting checks first: the report tables are drawn a moment after the headings.
    expect(page.locator(".st-key-upload-result-1")).to_contain_text("Child Helpine")
    expect(page.locator(".st-key-upload-result-2")).to_contain_text("not a spreadsheet")
    good_block = page.locator(".st-key-upload-result-0").inner_text()
    assert "zembla-2024.xlsx" in good_block
    assert "Read completely" in good_block
    assert "20" in good_block  # capability levels read: 21 minus the blank one

    table_block = page.locator(".st-key-upload-result-1").inner_text()
    assert "Partly read" in table_block
    assert "Child Helpine" in table_block  # the typo is reported as a warning...
    assert "99" in table_block  # ...the unknown capability as an error...
    assert "seven" in table_block  # ...and the unreadable level too, with its cell
    assert "C4" in table_block or "D5" in table_block

    broken_block = page.locator(".st-key-upload-result-2").inner_text()
    assert "Nothing could be used" in broken_block
    assert "not a spreadsheet" in broken_block.lower()
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "upload-report")

    page.get_by_role("button", name="Add 2 assessments to this session").click()
    expect(
        page.get_by_text("Every assessment read from these files is in this session")
    ).to_be_visible()
    sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
    assert "2 uploaded" in sidebar
    session_table = page.locator('[data-testid="stDataFrame"]').last
    session_table.scroll_into_view_if_needed()
    screenshot(page, "upload-added")
    assert (ARTIFACTS / "screenshots" / "upload-added.png").exists()


def test_template_download(page, app_url):
    open_page(page, app_url + "/upload")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Download the Excel template").click()
    download = download_info.value
    assert download.suggested_filename == "mnr-assessment-template.xlsx"
    from io import BytesIO

    from openpyxl import load_workbook

    workbook = load_workbook(BytesIO(download.path().read_bytes()))
    assert {"Instructions", "Assessment", "Enablers"} <= set(workbook.sheetnames)


@pytest.fixture
def unknown_headers(tmp_path):
    """A long table under a title line, headed in words the app does not know (Finnish)."""
    import csv

    path = tmp_path / "elbonia-itsearviointi.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Elbonia self-assessment", "", "", ""])
        writer.writerow(["Valtio", "Jakso", "Teema", "Taso"])
        for capability in default_framework().capabilities:
            writer.writerow(["Elbonia", 2024, capability.title, capability.number % 5])
    return path


def _choose(block, label: str, option: str) -> None:
    """Pick ``option`` in the drop-down labelled ``label`` inside ``block``, and wait until the
    page has taken it (the run it starts has finished)."""
    combo = block.get_by_label(label, exact=True)
    choose_option(block.page, combo, option)
    expect(combo).to_have_value(option)
    wait_until_idle(block.page)


@pytest.mark.parametrize(("width", "height"), [(1400, 900), (390, 844)])
def test_mapping_step_reads_an_unknown_layout_in_a_few_clicks(
    page, app_url, unknown_headers, width, height
):
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, app_url + "/upload")
    page.locator(UPLOAD_INPUT).set_input_files([str(unknown_headers)])
    block = page.locator(".st-key-upload-result-0")
    expect(block).to_contain_text("Fix how this file is read")
    wait_until_idle(page)
    expect(block).to_contain_text("Nothing could be used")
    switch = block.get_by_text("Read this sheet with the layout below", exact=True)
    expect(switch).to_be_visible()
    expect(block.get_by_label("Level", exact=True)).to_be_visible()
    screenshot(page, f"upload-mapping-before-{width}")

    # As the step says: check the header row and the columns, then switch the layout on.
    rows = block.get_by_label("Row with the headers")
    rows.fill("2")
    rows.press("Enter")
    # The pickers name the columns by the new header row once the page has taken it.
    expect(block.get_by_label("Capability", exact=True)).to_have_value("C · Teema", timeout=30_000)
    wait_until_idle(page)
    for label, option in (
        ("Country", "A · Valtio"),
        ("Year or date", "B · Jakso"),
        ("Level", "D · Taso"),
    ):
        _choose(block, label, option)
    expect(block).to_contain_text("Nothing could be used")  # nothing applied before the switch
    switch.click()
    expect(block).to_contain_text("Read completely")
    wait_until_idle(page)
    assert "21" in block.inner_text()  # the 21 levels read
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, f"upload-mapping-after-{width}")

    page.get_by_role("button", name="Add 1 assessment to this session").click()
    # Adding reruns the page with the session's tables: slow on a busy machine.
    expect(
        page.get_by_text("Every assessment read from these files is in this session")
    ).to_be_visible(timeout=30_000)
    expect(page.locator('[data-testid="stSidebar"]')).to_contain_text("1 uploaded")


def test_a_single_round_upload_greys_the_round_picker_with_why(page, app_url, files):
    """The greyed "Compare with another round" picker says there is no other round, whether the
    profile is drawn once or rerun (Streamlit showed "None" on a first draw and its generic
    "Choose an option" after a rerun)."""
    good, _, _ = files
    open_page(page, app_url + "/upload")
    page.locator(UPLOAD_INPUT).set_input_files([str(good)])
    page.get_by_role("button", name="Add 1 assessment to this session").click()
    wait_until_idle(page)
    for title in ("Heatmap", "Country profile"):
        page.locator('[data-testid="stSidebarNav"]').get_by_text(title, exact=True).click()
        page.wait_for_selector(".js-plotly-plot")
        wait_until_idle(page)
    picker = page.get_by_role("combobox", name="Compare with another round")
    expect(picker).to_be_disabled()
    expect(picker).to_have_value("")  # no option shown ("None" before) ...
    # ... so the box reads its placeholder, not Streamlit's generic "Choose an option".
    expect(picker).to_have_attribute("placeholder", "No other round of this country")
    assert page.locator('[data-testid="stException"]').count() == 0
    screenshot(page, "profile-single-round")


def test_a_libreoffice_flat_xml_spreadsheet_is_taken_and_read(page, app_url, tmp_path):
    """The upload box takes a .fods (LibreOffice's "Flat XML ODF Spreadsheet") and reads it as
    the .ods it is."""
    rows = _form()
    flat = tmp_path / "zembla-2024.fods"
    flat.write_bytes(fods([OdfSheet("Assessment", rows)]))
    open_page(page, app_url + "/upload")
    page.locator(UPLOAD_INPUT).set_input_files([str(flat)])
    page.wait_for_selector(".st-key-upload-result-0", timeout=60_000)
    expect(page.locator(".st-key-upload-result-0")).to_contain_text("Read completely")
    block = page.locator(".st-key-upload-result-0").inner_text()
    assert "zembla-2024.fods" in block
    assert "not allowed" not in page.content()
    assert page.locator('[data-testid="stException"]').count() == 0


def test_an_apple_numbers_spreadsheet_is_taken_and_read(page, app_url, tmp_path):
    """The upload box takes a .numbers file (the form filled in Numbers on a Mac) and reads it
    as the .xlsx made of it."""
    rows = _form()
    made = tmp_path / "zembla-2024.numbers"
    made.write_bytes(numbers_file([NSheet("Assessment", [NTable("Table 1", rows)])]))
    open_page(page, app_url + "/upload")
    page.locator(UPLOAD_INPUT).set_input_files([str(made)])
    page.wait_for_selector(".st-key-upload-result-0", timeout=60_000)
    expect(page.locator(".st-key-upload-result-0")).to_contain_text("Read completely")
    assert "zembla-2024.numbers" in page.locator(".st-key-upload-result-0").inner_text()
    assert "not allowed" not in page.content()
    assert page.locator('[data-testid="stException"]').count() == 0


def _web_export() -> bytes:
    """A web system's "export to Excel": a page with a heading, Country and Year, the table."""
    rows = "".join(
        f"<tr><td>{n}</td><td>{capability.title}</td><td>{n % 5}</td></tr>"
        for n, capability in enumerate(FW.capabilities, 1)
    )
    return (
        '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8">'
        "</head><body><h2>MNR self-assessment</h2><p>Country: Zembla</p><p>Year: 2024</p>"
        f"<table border='1'><tr><th>No.</th><th>Capability</th><th>Level</th></tr>{rows}"
        "</table></body></html>"
    ).encode()


def _xml_2003() -> bytes:
    """The same form as Excel's "XML Spreadsheet 2003"."""

    def row(*cells: object) -> str:
        def cell(value: object) -> str:
            kind = "Number" if isinstance(value, int) else "String"
            return f'<Cell><Data ss:Type="{kind}">{value}</Data></Cell>'

        return f"<Row>{''.join(map(cell, cells))}</Row>"

    rows = [row("Country", "Zembla"), row("Year", 2024), row("No.", "Capability", "Level")]
    rows += [row(n, c.title, n % 5) for n, c in enumerate(FW.capabilities, 1)]
    return (
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook '
        'xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Assessment">'
        f"<Table>{''.join(rows)}</Table></Worksheet></Workbook>"
    ).encode()


def _xlsb() -> bytes:
    """The same form as an Excel Binary Workbook."""
    return xlsb([BSheet("Assessment", _form())])


def _single_file_web_page() -> bytes:
    """The same form saved by Excel as "Single File Web Page" (.mht)."""
    levels = {n: n % 5 for n in range(1, len(FW.capabilities) + 1)}
    return excel_mht([("Assessment", sheet_page(sheet_table(form_rows("Zembla", 2024, levels))))])


def _form() -> list[list[object]]:
    """The form every format here is written from: Zembla 2024, every capability's level."""
    rows: list[list[object]] = [["Country", "Zembla"], ["Year", 2024], [], ["No", "Capability"]]
    rows[3].append("Level")
    return rows + [[n, c.title, n % 5] for n, c in enumerate(FW.capabilities, 1)]


def _prn() -> bytes:
    """The same form saved by Excel as "Formatted Text (Space delimited)" (.prn)."""
    lines = []
    for row in _form():
        cells = [*row, None, None, None][:3]
        line = "".join(
            str(v).rjust(w) if isinstance(v, int) else ("" if v is None else str(v)).ljust(w)
            for v, w in zip(cells, (9, 52, 6), strict=True)
        )
        lines.append(line.rstrip())
    return ("\r\n".join(lines) + "\r\n").encode("cp1252")


def _sylk() -> bytes:
    """The same form saved by Excel as "SYLK (Symbolic Link)" (.slk)."""
    lines = ["ID;PWXL;N;E"]
    for r, row in enumerate(_form(), 1):
        for c, v in enumerate(row, 1):
            shown = f'"{v}"' if isinstance(v, str) else v
            lines.append(f"C;Y{r};X{c};K{shown}")
    return ("\r\n".join([*lines, "E"]) + "\r\n").encode("cp1252")


def _dif() -> bytes:
    """The same form saved by Excel as "DIF (Data Interchange Format)" (.dif)."""
    lines = ["TABLE", "0,1", '"EXCEL"', "VECTORS", "0,3", '""', "TUPLES", "0,25", '""']
    lines += ["DATA", "0,0", '""']
    for row in _form():
        lines += ["-1,0", "BOT"]
        for v in [*row, "", "", ""][:3]:
            lines += [f"0,{v}", "V"] if isinstance(v, int) else ["1,0", f'"{v}"']
    return ("\r\n".join([*lines, "-1,0", "EOD"]) + "\r\n").encode("cp1252")


def _gnumeric() -> bytes:
    """The same form saved by Gnumeric (.gnumeric: gzip'd XML)."""
    cells = "".join(
        f'<gnm:Cell Row="{r}" Col="{c}" ValueType="{40 if isinstance(v, int) else 60}">{v}'
        "</gnm:Cell>"
        for r, row in enumerate(_form())
        for c, v in enumerate(row)
    )
    return gzip.compress(
        b'<?xml version="1.0" encoding="UTF-8"?>\n<gnm:Workbook '
        b'xmlns:gnm="http://www.gnumeric.org/v10.dtd"><gnm:Sheets><gnm:Sheet><gnm:Name>Zembla'
        + f"</gnm:Name><gnm:Cells>{cells}</gnm:Cells>".encode()
        + b"</gnm:Sheet></gnm:Sheets></gnm:Workbook>"
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("zembla-2024.prn", _prn),
        ("zembla-2024.slk", _sylk),
        ("zembla-2024.dif", _dif),
        ("zembla-2024.gnumeric", _gnumeric),
    ],
    ids=["Excel's Formatted Text", "SYLK", "DIF", "Gnumeric"],
)
def test_an_older_program_s_file_is_taken_and_read(page, app_url, tmp_path, name, data):
    """The upload box takes the formats older programs save (Excel's space-aligned .prn,
    SYLK, DIF, a Gnumeric workbook) and reads them."""
    upload = tmp_path / name
    upload.write_bytes(data())
    open_page(page, app_url + "/upload")
    page.locator(UPLOAD_INPUT).set_input_files([str(upload)])
    page.wait_for_selector(".st-key-upload-result-0", timeout=60_000)
    result = page.locator(".st-key-upload-result-0")
    expect(result).to_contain_text("21")
    assert name in result.inner_text()
    assert "not allowed" not in page.content()
    assert page.locator('[data-testid="stException"]').count() == 0


def test_a_lotus_file_is_taken_and_said_what_it_is(page, app_url, tmp_path):
    """A format the app only names (Lotus 1-2-3) is taken by the box, so that the page says
    what the file is and how to save it as .xlsx, rather than the box's bare "not allowed"."""
    upload = tmp_path / "zembla-budget.wk1"
    upload.write_bytes(lotus(0x0406, [["Country", "Capability", "Level"], ["Zembla", "x", "3"]]))
    open_page(page, app_url + "/upload")
    page.locator(UPLOAD_INPUT).set_input_files([str(upload)])
    page.wait_for_selector(".st-key-upload-result-0", timeout=60_000)
    result = page.locator(".st-key-upload-result-0")
    expect(result).to_contain_text("Lotus 1-2-3")
    expect(result).to_contain_text("LibreOffice")
    assert "not allowed" not in page.content()
    assert page.locator('[data-testid="stException"]').count() == 0


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("zembla-2024.xls", _web_export),
        ("zembla-2024.html", _web_export),
        ("zembla.xml", _xml_2003),
        ("zembla-2024.xlsb", _xlsb),
        ("zembla-2024.mht", _single_file_web_page),
    ],
    ids=[
        "web page named .xls",
        "web page",
        "XML Spreadsheet 2003",
        "Excel Binary Workbook",
        "Single File Web Page",
    ],
)
def test_an_export_to_excel_is_taken_and_read(page, app_url, tmp_path, name, data):
    """The upload box takes a web page of tables, Excel's XML Spreadsheet 2003, an Excel
    Binary Workbook and a web archive (.mht), and reads them (as the .xlsx made of them)."""
    upload = tmp_path / name
    upload.write_bytes(data())
    open_page(page, app_url + "/upload")
    page.locator(UPLOAD_INPUT).set_input_files([str(upload)])
    page.wait_for_selector(".st-key-upload-result-0", timeout=60_000)
    expect(page.locator(".st-key-upload-result-0")).to_contain_text("Read completely")
    assert name in page.locator(".st-key-upload-result-0").inner_text()
    assert "not allowed" not in page.content()
    assert page.locator('[data-testid="stException"]').count() == 0


def _dbase() -> bytes:
    """A long table as a statistics office's dBase export writes it (.dbf)."""
    fields = [
        Field("COUNTRY", "C", 20),
        Field("YEAR", "N", 4),
        Field("CAPABILITY", "N", 2),
        Field("LEVEL", "N", 1),
    ]
    return dbf(fields, [["Zembla", 2024, n, n % 5] for n in range(1, len(FW.capabilities) + 1)])


def _excel4() -> bytes:
    """The form as an Excel 4.0 workbook (.xlw) saves it."""
    return biff_workbook([OldSheet("Assessment", _form())])


@pytest.mark.parametrize(
    ("name", "data"),
    [("zembla-2024.dbf", _dbase), ("zembla-2024.xlw", _excel4)],
    ids=["dBase table", "Excel 4.0 workbook"],
)
def test_an_old_format_is_taken_and_read(page, app_url, tmp_path, name, data):
    """The upload box takes a dBase table and an Excel 4.0 workbook, and reads them."""
    upload = tmp_path / name
    upload.write_bytes(data())
    open_page(page, app_url + "/upload")
    page.locator(UPLOAD_INPUT).set_input_files([str(upload)])
    page.wait_for_selector(".st-key-upload-result-0", timeout=60_000)
    expect(page.locator(".st-key-upload-result-0")).to_contain_text("Read completely")
    assert name in page.locator(".st-key-upload-result-0").inner_text()
    assert "not allowed" not in page.content()
    assert page.locator('[data-testid="stException"]').count() == 0
