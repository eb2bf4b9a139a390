"""Web pages and web archives (.mht) written here as Excel and browsers write them, for the
tests of ``web_archive``, ``html_styles`` and ``html_tables``.

Excel's "Single File Web Page" (Excel 2016, File > Save As): a MIME message whose parts are
quoted-printable HTML labelled ``charset="us-ascii"`` (the page itself declares its code page),
the frameset page first (its ``<x:ExcelWorksheets>`` naming each sheet and its page), then
``stylesheet.css`` (the classes giving number formats), ``tabstrip.htm``, a page per sheet and
``filelist.xml``. A browser's "Web page, single file" (Chrome's "Saved by Blink"): one HTML part
and its pictures, base64.
"""

from __future__ import annotations

import base64
import quopri
from typing import Any

from tests.ingest.reader_support import FW

BOUNDARY = "----=_NextPart_01DA6B2C.4F3A1E90"
# Excel's own classes: the sheet pages name them, stylesheet.css says what they are.
EXCEL_CSS = (
    "tr\n\t{mso-height-source:auto;}\ncol\n\t{mso-width-source:auto;}\n"
    "br\n\t{mso-data-placement:same-cell;}\n"
    ".style0\n\t{mso-number-format:General;\n\ttext-align:general;\n\tmso-style-name:Normal;}\n"
    "td\n\t{mso-style-parent:style0;\n\tmso-number-format:General;\n\tborder:none;}\n"
    '.xl65\n\t{mso-style-parent:style0;\n\tmso-number-format:"\\@";}\n'
    ".xl66\n\t{mso-style-parent:style0;\n\tmso-number-format:yyyy;}\n"
    '.xl67\n\t{mso-style-parent:style0;\n\tmso-number-format:"Short Date";}\n'
    ".xl68\n\t{mso-style-parent:style0;\n\tmso-number-format:0%;}\n"
    '.xl69\n\t{mso-style-parent:style0;\n\tmso-number-format:"0\\.0";}\n'
)


def cell(value: Any) -> str:
    """A cell as Excel writes it: a number with ``x:num``, text as it is; a ``<td …>`` given
    is written as it is."""
    if value is None:
        return "  <td></td>\n"
    if isinstance(value, str) and value.startswith("<td"):
        return f"  {value}\n"
    if isinstance(value, int | float):
        return f"  <td align=right x:num>{value}</td>\n"
    return f"  <td>{value}</td>\n"


def sheet_table(
    rows: list[list[Any]], columns: str = "", row_attributes: dict[int, str] | None = None
) -> str:
    """A sheet's table as Excel writes it: ``<col>``s, a row per line of cells, and the hidden
    row Excel ends it with."""
    row_attributes = row_attributes or {}
    body = "".join(
        f"<tr height=20 style='height:15.0pt'{row_attributes.get(number, '')}>\n"
        + "".join(cell(value) for value in row)
        + " </tr>\n"
        for number, row in enumerate(rows)
    )
    return (
        "<table border=0 cellpadding=0 cellspacing=0 width=448 style='border-collapse:\n"
        f" collapse;table-layout:fixed;width:336pt'>\n{columns or '<col width=64 span=7>'}\n"
        f"{body}<![if supportMisalignedColumns]>\n <tr height=0 style='display:none'>\n"
        "  <td width=64 style='width:48pt'></td>\n </tr>\n <![endif]>\n</table>\n"
    )


def sheet_page(table: str, book: str = "Book1", style: str = "") -> str:
    """A sheet's page as Excel writes it in a web archive."""
    return (
        '<html xmlns:v="urn:schemas-microsoft-com:vml"\nxmlns:o="urn:schemas-microsoft-com:'
        'office:office"\nxmlns:x="urn:schemas-microsoft-com:office:excel"\n'
        'xmlns="http://www.w3.org/TR/REC-html40">\n\n<head>\n'
        '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">\n'
        "<meta name=ProgId content=Excel.Sheet>\n"
        '<meta name=Generator content="Microsoft Excel 15">\n'
        f'<link id=Main-File rel=Main-File href="../{book}.htm">\n'
        "<link rel=File-List href=filelist.xml>\n<link rel=Stylesheet href=stylesheet.css>\n"
        f'<style>\n<!--table\n\t{{mso-displayed-decimal-separator:"\\.";}}\n{style}-->\n'
        '</style>\n<![if !supportTabStrip]><script language="JavaScript">\n<!--\n'
        "function fnUpdateTabs()\n {\n  if (parent.window.g_iIEVer>=4) {\n"
        '   if (parent.document.readyState=="complete"\n'
        "    && parent.frames['frTabs'].document.readyState==\"complete\")\n"
        "   parent.fnSetActiveSheet(0);\n  else\n"
        '   window.setTimeout("fnUpdateTabs();",150);\n }\n}\n\n'
        'if (window.name!="frSheet")\n'
        f' window.location.replace("../{book}.htm");\nelse\n fnUpdateTabs();\n//-->\n'
        "</script>\n<![endif]>\n<!--[if gte mso 9]><xml>\n <x:WorksheetOptions>\n"
        "  <x:Panes>\n   <x:Pane>\n    <x:Number>3</x:Number>\n   </x:Pane>\n  </x:Panes>\n"
        "  <x:ProtectContents>False</x:ProtectContents>\n </x:WorksheetOptions>\n"
        "</xml><![endif]-->\n</head>\n\n"
        f'<body link="#0563C1" vlink="#954F72">\n\n{table}\n</body>\n\n</html>\n'
    )


def frameset_page(names: list[str], hidden: tuple[str, ...] = (), book: str = "Book1") -> str:
    """The main page of a workbook saved as a web page: a frameset, the sheets in Excel's
    settings, each pointing at its page in the ``_files`` folder."""
    settings = "".join(
        f"  <x:ExcelWorksheet>\n   <x:Name>{name}</x:Name>\n"
        f'   <x:WorksheetSource HRef="{book}_files/sheet{number:03d}.htm"/>\n'
        + ("   <x:Visible>SheetHidden</x:Visible>\n" if name in hidden else "")
        + "  </x:ExcelWorksheet>\n"
        for number, name in enumerate(names, start=1)
    )
    links = "".join(
        f'<link id="shLink" href="{book}_files/sheet{n:03d}.htm">\n'
        for n in range(1, len(names) + 1)
    )
    return (
        '<html xmlns:v="urn:schemas-microsoft-com:vml"\nxmlns:o="urn:schemas-microsoft-com:'
        'office:office"\nxmlns:x="urn:schemas-microsoft-com:office:excel"\n'
        'xmlns="http://www.w3.org/TR/REC-html40">\n\n<head>\n'
        '<meta name="Excel Workbook Frameset">\n'
        '<meta http-equiv=Content-Type content="text/html; charset=windows-1252">\n'
        "<meta name=ProgId content=Excel.Sheet>\n"
        '<meta name=Generator content="Microsoft Excel 15">\n'
        f'<link rel=File-List href="{book}_files/filelist.xml">\n{links}'
        '<script language="JavaScript">\n<!--\nvar c_lTabs=2;\nvar c_rgszSh=new Array(c_lTabs);\n'
        "function fnBuildTabStrip()\n{\n var aHtml=new Array(c_lTabs+1);\n"
        " aHtml[0]='<html><head><style>.clTab{cursor:hand;}</style></head><body>"
        "<table border=0 cellspacing=1><tr>';\n}\n//-->\n</script>\n"
        "<!--[if gte mso 9]><xml>\n <x:ExcelWorkbook>\n  <x:ExcelWorksheets>\n"
        f"{settings}  </x:ExcelWorksheets>\n"
        f'  <x:Stylesheet HRef="{book}_files/stylesheet.css"/>\n'
        "  <x:WindowHeight>12300</x:WindowHeight>\n  <x:ActiveSheet>0</x:ActiveSheet>\n"
        " </x:ExcelWorkbook>\n</xml><![endif]-->\n</head>\n\n"
        '<frameset rows="*,39" border=0 width=0 frameborder=no framespacing=0>\n'
        f' <frame src="{book}_files/sheet001.htm" name="frSheet">\n'
        f' <frame src="{book}_files/tabstrip.htm" name="frTabs" marginwidth=0 marginheight=0>\n'
        " <noframes>\n  <body>\n   <p>This page uses frames, but your browser doesn't support "
        "them.</p>\n  </body>\n </noframes>\n</frameset>\n</html>\n"
    )


def part(location: str, content_type: str, body: str, charset: str = "us-ascii") -> str:
    """A part as Excel writes it: quoted-printable, labelled with its place."""
    encoded = quopri.encodestring(body.encode(charset if charset != "us-ascii" else "cp1252"))
    return (
        f"--{BOUNDARY}\nContent-Location: {location}\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        f'Content-Type: {content_type}; charset="{charset}"\n\n{encoded.decode("ascii")}\n\n'
    )


def excel_mht(
    sheets: list[tuple[str, str]],
    hidden: tuple[str, ...] = (),
    css: str = EXCEL_CSS,
    book: str = "Book1",
    charset: str = "us-ascii",
) -> bytes:
    """A workbook saved as "Single File Web Page": ``sheets`` are (name, the sheet's page),
    their parts labelled ``charset`` (Excel's "us-ascii": the page then says its code page)."""
    place = f"file:///C:/0E8D990C/{book}"
    names = [name for name, _ in sheets]
    parts = [
        part(f"{place}.htm", "text/html", frameset_page(names, hidden, book)),
        part(f"{place}_files/stylesheet.css", "text/css", css),
        part(
            f"{place}_files/tabstrip.htm",
            "text/html",
            "<html><body><table border=0 cellpadding=0 cellspacing=1><tr>"
            + "".join(
                f'<td nowrap><b><small><small>&nbsp;<a href="sheet{n:03d}.htm" '
                f'target="frSheet"><font face="Arial" color="#000000">{name}</font></a>&nbsp;'
                "</small></small></b></td>"
                for n, name in enumerate(names, start=1)
            )
            + "</tr></table></body></html>",
        ),
        *(
            part(f"{place}_files/sheet{n:03d}.htm", "text/html", page, charset)
            for n, (_, page) in enumerate(sheets, start=1)
        ),
        part(
            f"{place}_files/filelist.xml",
            "text/xml",
            f'<xml xmlns:o="urn:schemas-microsoft-com:office:office">\n <o:MainFile '
            f'HRef="../{book}.htm"/>\n <o:File HRef="stylesheet.css"/>\n</xml>',
        ),
    ]
    return (
        "MIME-Version: 1.0\nX-Document-Type: Workbook\n"
        f'Content-Type: multipart/related; boundary="{BOUNDARY}"\n\n'
        "This document is a Single File Web Page, also known as a Web Archive file.  If you "
        "are seeing this message, your browser or editor doesn't support Web Archive files.  "
        "Please download a browser that supports Web Archive, such as Windows Internet "
        "Explorer.\n\n" + "".join(parts) + f"--{BOUNDARY}--\n"
    ).encode("ascii")


CHROME_BOUNDARY = "----MultipartBoundary--Xv2bXJp6d0QbqVhJfXZqGzAvD2Y1GdX9Yb3f6yXc----"
PNG = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(200)).decode("ascii")


def browser_mht(page: str, title: str = "MNR assessment") -> bytes:
    """A page a browser saved as "Web page, single file" (Chrome): the page, quoted-printable
    UTF-8 with no charset in its header, and its logo."""
    html = quopri.encodestring(page.encode("utf-8")).decode("ascii")
    picture = "\n".join(PNG[i : i + 76] for i in range(0, len(PNG), 76))
    return (
        "From: <Saved by Blink>\r\n"
        "Snapshot-Content-Location: https://mne.example.org/reports/mnr?country=KE\r\n"
        f"Subject: {title}\r\nDate: Fri, 1 Mar 2024 10:15:02 -0000\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        f'\tboundary="{CHROME_BOUNDARY}"\r\n\r\n\r\n'
        f"--{CHROME_BOUNDARY}\r\nContent-Type: text/html\r\n"
        "Content-ID: <frame-8E4B1F0F6C1C6E3F1A2B@mhtml.blink>\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://mne.example.org/reports/mnr?country=KE\r\n\r\n"
        f"{html}\r\n\r\n--{CHROME_BOUNDARY}\r\nContent-Type: image/png\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: https://mne.example.org/static/logo.png\r\n\r\n"
        f"{picture}\r\n\r\n--{CHROME_BOUNDARY}--\r\n"
    ).encode("ascii")


def form_rows(country: str, year: Any, levels: dict[int, Any]) -> list[list[Any]]:
    """A sheet of one assessment: Country and Year above a table of capabilities' levels."""
    rows: list[list[Any]] = [["Country", country], ["Year", year], []]
    rows.append(["No.", "Capability", "Level"])
    rows += [[n, FW.capability(n).title, level] for n, level in levels.items()]
    return rows
