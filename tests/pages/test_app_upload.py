"""AppTest: the upload page driven like a person would, and the demo switch."""

import io
import re
from pathlib import Path

from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from components.framework.model import default_framework
from components.ingest.template import AssessmentInput, write_template
from tests.ingest.numbers_support import NSheet, NTable, numbers_file

ROOT = Path(__file__).resolve().parents[2]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload_page() -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/upload.py").run()
    return at


def template_for(country: str, year: int, level: int) -> bytes:
    return write_template(
        default_framework(),
        AssessmentInput(country=country, year=year, levels=dict.fromkeys(range(1, 22), level)),
    )


def metrics(at: AppTest, index: int) -> dict[str, int]:
    block = at.get_by_key(f"upload-result-{index}")
    return {metric.label: int(metric.value) for metric in block.metric}


def test_no_files_says_what_to_do():
    at = upload_page()
    assert not at.exception
    assert "No file yet" in at.info[0].value
    # Worded for a phone too, which has an Upload button and nothing to drop a file on.
    assert "upload it here" in at.info[0].value
    kinds = next(e for e in at.expander if e.label == "Which files can I upload?")
    assert "Apple Numbers" in kinds.markdown[0].value
    assert "drop" not in at.info[0].value
    assert not [b for b in at.button if b.key == "add_uploads"]


def test_good_and_bad_files_are_reported_and_the_good_ones_kept():
    at = upload_page()
    at.file_uploader(key="mnr_uploader").set_value(
        [
            ("ours.xlsx", template_for("Zembla", 2024, 2), XLSX),
            (
                "old.xls",
                b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600,
                "application/vnd.ms-excel",
            ),
            ("empty.csv", b"", "text/csv"),
        ]
    ).run()
    assert not at.exception
    assert metrics(at, 0) == {"Assessments found": 1, "Levels read": 21, "Errors": 0, "Warnings": 0}
    assert metrics(at, 1)["Assessments found"] == 0
    assert metrics(at, 2)["Errors"] == 1
    old_report = at.get_by_key("upload-result-1").table[0].value
    assert ".xlsx" in " ".join(old_report["How to fix it"])
    add = next(b for b in at.button if b.key == "add_uploads")
    assert add.label == "Add 1 assessment to this session"
    add.click().run()
    assert not at.exception
    assert "Every assessment read from these files is in this session" in at.success[0].value
    session = at.dataframe[-1].value
    assert list(session["Assessment"]) == ["Zembla 2024"]
    assert list(session["Origin"]) == ["Uploaded"]


def test_duplicates_let_the_person_choose():
    at = upload_page()
    at.file_uploader(key="mnr_uploader").set_value(
        [
            ("first.xlsx", template_for("Zembla", 2024, 1), XLSX),
            ("second.xlsx", template_for("zembla ", 2024, 3), XLSX),
        ]
    ).run()
    assert not at.exception
    choice = at.radio[0]
    assert "Keep which copy of Zembla 2024" in choice.label
    # The radio's values are assessment ids; its options are what the person reads.
    # Options are Markdown-escaped ("second\\.xlsx"): radio labels render Markdown.
    assert any("first" in option for option in choice.options)
    second = next(i for i, option in enumerate(choice.options) if "second" in option)
    choice.set_value(choice.options and _value_at(at, second)).run()
    add = next(b for b in at.button if b.key == "add_uploads")
    assert add.label == "Add 1 assessment to this session"
    add.click().run()
    session = at.dataframe[-1].value
    assert len(session) == 1
    assert session["Source"].iloc[0].startswith("second.xlsx")
    assert session["Capabilities assessed (of 21)"].iloc[0] == 21


def _value_at(at: AppTest, index: int) -> str:
    """The value (an assessment id) behind the radio's option at ``index``."""
    from components.ui.state import upload_results

    del upload_results  # the ids are the pending assessments, in upload order
    ids = [
        result.capabilities["assessment_id"].iloc[0]
        for result in at.session_state["mnr_upload_results"].values()
    ]
    return ids[index]


def test_demo_loads_from_the_sidebar_and_is_labelled_fictional():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.sidebar.button(key="sidebar_load_demo").click().run()
    assert not at.exception
    assert "20 fictional demo" in at.sidebar.caption[0].value
    at.switch_page("pages/upload.py").run()
    assert "Fictional demo data" in at.warning[0].value
    session = at.dataframe[-1].value
    assert len(session) == 20
    assert set(session["Origin"]) == {"Fictional demo"}
    assert session["Assessment"].str.contains("Arvenia 2019").any()


def test_demo_can_be_removed_again():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.button(key="home_load_demo").click().run()
    assert "20 fictional demo" in at.sidebar.caption[0].value
    assert at.button(key="home_load_demo").disabled
    at.sidebar.button(key="sidebar_unload_demo").click().run()
    assert "None yet" in at.sidebar.caption[0].value


def test_a_corrected_file_uploaded_again_replaces_the_old_reading():
    at = upload_page()
    at.file_uploader(key="mnr_uploader").set_value(
        ("zembla.xlsx", template_for("Zembla", 2024, 1), XLSX)
    ).run()
    next(b for b in at.button if b.key == "add_uploads").click().run()
    # The same file name, corrected: all levels now 3.
    at.file_uploader(key="mnr_uploader").set_value(
        ("zembla.xlsx", template_for("Zembla", 2024, 3), XLSX)
    ).run()
    assert not at.exception
    choice = at.radio[0]
    assert "new upload" in choice.options[0]  # the new copy is offered first
    add = next(b for b in at.button if b.key == "add_uploads")
    assert "replacing 1 copy already there" in add.label
    add.click().run()
    session = at.dataframe[-1].value
    assert len(session) == 1
    levels = at.session_state["mnr_collection"].capabilities["level"]
    assert set(levels.dropna()) == {3}


def test_mapping_step_maps_an_unknown_label_and_applies_to_the_next_file_of_that_shape():
    rows = ["country,year,capability,level", "Quentra,2023,Leadership,2"]
    rows.append("Quentra,2023,Lead agency coordination,3")  # names no capability
    data = ("\n".join(rows) + "\n").encode()
    at = upload_page()
    at.file_uploader(key="mnr_uploader").set_value(("quentra.csv", data, "text/csv")).run()
    assert not at.exception
    assert metrics(at, 0)["Levels read"] == 1
    label = next(s for s in at.selectbox if "Lead agency coordination" in s.label)
    label.set_value(2).run()  # capability 2, chosen by the person
    assert not at.exception
    assert metrics(at, 0)["Levels read"] == 2
    assert metrics(at, 0)["Errors"] == 0
    mapping = at.session_state["mnr_upload_mapping"]
    assert mapping.labels == {"lead agency coordination": 2}
    # The same label in another file is read with the same decision.
    other = data.replace(b"Quentra", b"Ostravia")
    at.file_uploader(key="mnr_uploader").set_value(
        [("quentra.csv", data, "text/csv"), ("ostravia.csv", other, "text/csv")]
    ).run()
    assert not at.exception
    assert metrics(at, 1)["Levels read"] == 2


def _unknown_headers(country: str) -> bytes:
    """A long table under a title line, headed in words the app does not know (Finnish)."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([f"{country} self-assessment", "", "", ""])
    writer.writerow(["Valtio", "Jakso", "Teema", "Taso"])
    for capability in default_framework().capabilities:
        writer.writerow([country, 2024, capability.title, capability.number % 5])
    return buffer.getvalue().encode()


def _layout_widget(at: AppTest, suffix: str):
    """The mapping step's widget whose key ends with ``suffix`` (the file id comes before; a
    column picker's key ends with the header row it names columns by, which is left out)."""
    for widget in (*at.toggle, *at.number_input, *at.selectbox):
        key = re.sub(r"-row\d+$", "", widget.key or "")
        if key.startswith("mnr_map_") and key.endswith(suffix):
            return widget
    raise AssertionError(f"no mapping widget ending {suffix!r}")


def test_mapping_step_header_row_and_columns_read_the_file_and_the_next_of_its_shape():
    at = upload_page()
    elbonia = _unknown_headers("Elbonia")
    at.file_uploader(key="mnr_uploader").set_value(("elbonia.csv", elbonia, "text/csv")).run()
    assert not at.exception
    assert metrics(at, 0)["Assessments found"] == 0
    # Nothing read: the step is open; the guess is the title line, no column known but the
    # one naming capabilities.
    header = _layout_widget(at, "-0-header")
    assert header.value == 1
    assert _layout_widget(at, "-0-capability").value == 2
    # The person picks row 2; the column pickers then name the columns by it.
    header.set_value(2).run()
    assert "D · Taso" in _layout_widget(at, "-0-level").options
    assert _layout_widget(at, "-0-capability").value == 2
    # Says what each column is, and switches the layout on.
    for role, column in (("country", 0), ("year", 1), ("level", 3)):
        _layout_widget(at, f"-0-{role}").set_value(column)
    _layout_widget(at, "-0-use").set_value(True)
    at.run()
    assert not at.exception
    assert metrics(at, 0) == {
        "Assessments found": 1,
        "Levels read": 21,
        "Errors": 0,
        "Warnings": 0,
    }
    # The preview shows what was read: Elbonia 2024, every capability.
    preview = at.get_by_key("upload-result-0").dataframe[-1].value
    assert "Elbonia 2024" in " ".join(map(str, [*preview.columns, *preview.index]))
    mapping = at.session_state["mnr_upload_mapping"]
    assert [dict(m.columns) for m in mapping.sheets] == [
        {"country": 0, "year": 1, "capability": 2, "level": 3}
    ]
    # A second file of the same shape is read with the same layout, without a click.
    ruritania = _unknown_headers("Ruritania")
    at.file_uploader(key="mnr_uploader").set_value(
        [("elbonia.csv", elbonia, "text/csv"), ("ruritania.csv", ruritania, "text/csv")]
    ).run()
    assert not at.exception
    assert metrics(at, 1) == {
        "Assessments found": 1,
        "Levels read": 21,
        "Errors": 0,
        "Warnings": 0,
    }
    add = next(b for b in at.button if b.key == "add_uploads")
    assert add.label == "Add 2 assessments to this session"
    add.click().run()
    session = at.dataframe[-1].value
    assert sorted(session["Assessment"]) == ["Elbonia 2024", "Ruritania 2024"]


def test_mapping_step_switched_off_again_reads_the_file_as_before():
    at = upload_page()
    at.file_uploader(key="mnr_uploader").set_value(
        ("elbonia.csv", _unknown_headers("Elbonia"), "text/csv")
    ).run()
    _layout_widget(at, "-0-header").set_value(2).run()
    for role, column in (("country", 0), ("year", 1), ("level", 3)):
        _layout_widget(at, f"-0-{role}").set_value(column)
    _layout_widget(at, "-0-use").set_value(True)
    at.run()
    assert metrics(at, 0)["Levels read"] == 21
    _layout_widget(at, "-0-use").set_value(False).run()
    assert not at.exception
    assert metrics(at, 0)["Assessments found"] == 0
    assert at.session_state["mnr_upload_mapping"].sheets == ()


def test_the_empty_upload_box_suggests_the_demo_only_when_it_is_not_loaded():
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    at.switch_page("pages/upload.py").run()
    assert "load the fictional demo" in at.info[0].value
    at.button(key="sidebar_load_demo").click().run()
    assert "No file yet" in at.info[0].value
    assert "load the fictional demo" not in at.info[0].value


def test_the_mapping_step_opens_on_the_sheet_that_needs_it():
    from openpyxl import load_workbook

    from components.ingest.template import AssessmentInput, write_template

    levels = {n: n % 5 for n in range(1, 22)}
    data = write_template(
        default_framework(), AssessmentInput(country="Zembla", year=2024, levels=levels)
    )
    book = load_workbook(io.BytesIO(data))
    sheet = book["Assessment"]
    header = next(r for r in sheet.iter_rows() if any(c.value == "Level" for c in r))
    level = next(c for c in header if c.value == "Level")
    level.value = "Self-assessed level"
    sheet.insert_cols(level.column + 1)
    sheet.cell(level.row, level.column + 1, "Reviewed level")
    for row in range(level.row + 1, level.row + 22):
        sheet.cell(row, level.column + 1, 4)  # the reviewers' level: not the self-assessed
    buffer = io.BytesIO()
    book.save(buffer)
    at = upload_page()
    upload = ("two.xlsx", buffer.getvalue(), XLSX)
    at.file_uploader(key="mnr_uploader").set_value(upload).run()
    assert not at.exception, [e.value for e in at.exception]
    problems = at.table[0].value.to_string()
    assert "Choose the level column" in problems
    sheets = next(s for s in at.selectbox if (s.key or "").endswith("-sheet"))
    assert sheets.options[sheets.value] == "Assessment"  # not the Instructions sheet before it


def test_on_a_phone_the_report_is_a_list_with_each_fix_in_view():
    at = upload_page()
    at.sidebar.toggle(key="layout_narrow").set_value(True).run()
    odd = b"Country,Year,Capability,Level\nKenya,2023,Leadership,9\n"
    at.file_uploader(key="mnr_uploader").set_value([("kenya.csv", odd, "text/csv")]).run()
    assert not at.exception
    block = at.get_by_key("upload-result-0")
    # No five-column table on a phone (the preview of what was read is a table of its own).
    assert not [t for t in block.table if "Severity" in t.value.columns]
    shown = " ".join(m.value for m in block.markdown)
    assert "**Error** · D2" in shown
    assert "“9” is" in shown
    assert "*How to fix it:* " in shown


def test_enabler_levels_read_are_said_beside_the_capabilities():
    framework = default_framework()
    workbook = write_template(
        framework,
        AssessmentInput(
            country="Zembla",
            year=2024,
            levels=dict.fromkeys(range(1, 22), 2),
            enabler_levels={1: 3, 2: 1, 5: 4},
        ),
    )
    at = upload_page()
    at.file_uploader(key="mnr_uploader").set_value(("zembla.xlsx", workbook, XLSX)).run()
    assert not at.exception
    assert metrics(at, 0)["Levels read"] == 21
    block = at.get_by_key("upload-result-0")
    shown = [c.value.replace("\\", "") for c in block.caption]  # as Markdown draws it
    assert "Also read: 3 enabler levels." in shown


def test_a_year_in_another_calendar_says_how_to_give_it_and_offers_no_mapping_step():
    at = upload_page()
    hijri = b"Country,Year,Capability,Level\nJordan,1445 AH,Leadership,2\nJordan,1445 AH,2,3\n"
    at.file_uploader(key="mnr_uploader").set_value([("jordan.csv", hijri, "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    block = at.get_by_key("upload-result-0")
    assert "Gregorian calendar" in block.table[0].value.to_string()
    assert not [e for e in block.expander if e.label == "Fix how this file is read"]
    said = " ".join(i.value for i in block.info)
    assert "The report names a year written in the file" in said
    assert "upload the corrected file" in said


def test_the_same_assessment_from_another_file_is_said_to_be_loaded_not_replaced():
    at = upload_page()
    same = template_for("Zembla", 2024, 1)
    at.file_uploader(key="mnr_uploader").set_value([("zembla.xlsx", same, XLSX)]).run()
    next(b for b in at.button if b.key == "add_uploads").click().run()
    # Saved again under another name, and a new version of another assessment beside it.
    at.file_uploader(key="mnr_uploader").set_value(
        [("zembla (1).xlsx", same, XLSX), ("kenya.xlsx", template_for("Kenya", 2024, 2), XLSX)]
    ).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.radio, "no question about a copy that changes nothing"
    said = " ".join(i.value for i in at.info)
    assert "already in this session with the same levels" in said
    assert "nothing changes for it" in said
    add = next(b for b in at.button if b.key == "add_uploads")
    assert add.label == "Add 1 assessment to this session"


def test_on_a_phone_the_preview_shows_one_assessment_as_a_table_that_wraps():
    at = upload_page()
    at.sidebar.toggle(key="layout_narrow").set_value(True).run()
    table = b"Country,Year,Capability,Level\nKenya,2023,Leadership,2\nKenya,2024,Leadership,3\n"
    at.file_uploader(key="mnr_uploader").set_value([("kenya.csv", table, "text/csv")]).run()
    assert not at.exception, [e.value for e in at.exception]
    block = at.get_by_key("upload-result-0")
    assert not block.dataframe, "no grid cut at the screen's edge"
    picker = next(s for s in block.selectbox if s.label == "Assessment")
    assert picker.options == ["Kenya 2023", "Kenya 2024"]
    preview = block.table[-1].value
    assert list(preview.columns) == ["Capability", "Kenya 2023"]
    assert "2 · Developing" in preview.to_string()
    picker.set_value("Kenya 2024").run()
    preview = at.get_by_key("upload-result-0").table[-1].value
    assert list(preview.columns) == ["Capability", "Kenya 2024"]


def _unknown_labels_workbook() -> bytes:
    """One assessment whose 21 capability labels the reader does not know (as a team's own
    workstream names): an assessment found, no level read, until the person maps them."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Tanzania 2024"
    sheet.append(["Tanzania self-review 2024"])
    sheet.append([])
    sheet.append(["Ref", "Item", "Rating"])
    for number in range(1, 22):
        sheet.append([f"TZ-{number:02d}", f"Workstream {chr(64 + number)}", number % 5])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_file_with_no_level_read_says_nothing_usable_and_points_to_the_fix_step():
    at = upload_page()
    at.file_uploader(key="mnr_uploader").set_value(
        [
            ("ours.xlsx", template_for("Zembla", 2024, 2), XLSX),
            ("tanzania.xlsx", _unknown_labels_workbook(), XLSX),
        ]
    ).run()
    assert not at.exception
    assert metrics(at, 1)["Assessments found"] == 1
    assert metrics(at, 1)["Levels read"] == 0
    said = " ".join(m.value for m in at.get_by_key("upload-result-1").markdown)
    assert "Nothing usable was read from this file." in said
    assert 'Use "Fix how this file is read" below' in said
    assert "Partly read" not in said
    assert any(e.label == "Fix how this file is read" for e in at.expander)
    # The Add button and a warning above it say that one of the two has no level.
    button = next(b for b in at.button if b.key == "add_uploads")
    assert button.label == "Add 2 assessments to this session (1 with no level read)"
    assert any(
        "No level was read for this assessment: Tanzania 2024." in w.value for w in at.warning
    )
    # Mapped, the same file is read and summed up as usable.
    for number in range(1, 22):
        label = next(s for s in at.selectbox if s.label.endswith(f"Workstream {chr(64 + number)}"))
        label.set_value(number)
    at.run()
    assert not at.exception
    assert metrics(at, 1)["Levels read"] == 21
    said = " ".join(m.value for m in at.get_by_key("upload-result-1").markdown)
    assert "Nothing usable" not in said
    button = next(b for b in at.button if b.key == "add_uploads")
    assert button.label == "Add 2 assessments to this session"


def test_the_template_filled_in_numbers_is_read_like_the_template():
    # A person on a Mac opens the template in Numbers, fills it in and uploads the .numbers.
    workbook = load_workbook(io.BytesIO(template_for("Zembla", 2024, 3)))
    sheets = [
        NSheet(
            sheet.title, [NTable("Table 1", [list(r) for r in sheet.iter_rows(values_only=True)])]
        )
        for sheet in workbook.worksheets
    ]
    at = upload_page()
    at.file_uploader(key="mnr_uploader").set_value(
        [("zembla.numbers", numbers_file(sheets), "application/x-iwork-numbers-sffnumbers")]
    ).run()
    assert not at.exception
    assert metrics(at, 0) == {"Assessments found": 1, "Levels read": 21, "Errors": 0, "Warnings": 0}
