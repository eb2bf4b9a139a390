"""A hostile corpus in a real workbook, and DOM checks that none of it became Markdown.

Every hostile value carries a marker word (``HOSTILE...``) so that the checks can tell text
that came from the file from the app's own formatting: a ``strong`` element is fine, a
``strong`` holding ``HOSTILEBOLD`` is not.
"""

from __future__ import annotations

import io

from openpyxl import Workbook

from components.framework.model import default_framework

PHISH = "[Session expired - click here to sign in again](https://evil.example/phish)"
PIXEL = "![p](http://some.host/pixel.png)"
FORMATTED = (
    "**HOSTILEBOLD** _HOSTILEEM_ ~~HOSTILEDEL~~ `HOSTILECODE` $HOSTILEX^2$ :red[HOSTILERED] "
    "<img src=http://some.host/html.png> www.evil.example 😀"
)
RIGHT_TO_LEFT = "\u202eHOSTILERTL gnol\u202c Arabic عربي"
LONG_NAME = "Longnamia " + "HOSTILELONG " * 832  # about 10,000 characters
ROUND = "[HOSTILEROUND](http://evil.example/round) 2024 (Confidential)"
ASSESSOR = "![HOSTILEASSESSOR](http://some.host/assessor.png) **HOSTILEBY**"
EVIDENCE = (
    "[HOSTILELINK](https://evil.example/e) ![HOSTILEIMG](http://some.host/e.png) $HOSTILEF$ "
    "https://evil.example/bare mail@evil.example"
)
# Excel forbids \\ / ? * : [ ] in sheet names, and allows 31 characters.
SHEET = "$x^2$ _HOSTILESHEET_ <b> (p)"
FILE = "www.evil.example _HOSTILEFILE_ $x$ (p).xlsx"

COUNTRIES = [PHISH, PIXEL, FORMATTED, RIGHT_TO_LEFT, LONG_NAME]
# Text that must never be inside a link, image, emphasis or formula the page shows.
MARKERS = (
    "HOSTILE",
    "evil.example",
    "some.host",
    "Session expired",
    "Longnamia",
)


def hostile_workbook() -> bytes:
    """Five hostile countries (the first with two rounds) as a long table in one sheet."""
    framework = default_framework()
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.append(["Country", "Year", "Round", "Assessed by", "Capability", "Level", "Evidence"])
    rounds = [(PHISH, 2023, "Baseline"), (PHISH, 2024, ROUND)]
    rounds += [(country, 2024, ROUND) for country in COUNTRIES[1:]]
    for index, (country, year, round_label) in enumerate(rounds):
        for capability in framework.capabilities:
            level = (capability.number + index) % 5
            evidence = EVIDENCE if capability.number in {1, 8} else None
            sheet.append([country, year, round_label, ASSESSOR, capability.number, level, evidence])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# Run in the page: every element that Markdown (or raw HTML) would have made from user text.
FIND_MARKDOWN_FROM_USER_TEXT = """(markers) => {
    const found = [];
    const lower = markers.map(m => m.toLowerCase());
    // Case-insensitive: a heading's anchor is made from its text in lower case.
    const carries = (text) => lower.some(m => (text || '').toLowerCase().includes(m));
    const where = (el) => {
        for (let w = el; w; w = w.parentElement) {
            const id = w.getAttribute && w.getAttribute('data-testid');
            if (id) return id;
        }
        return '?';
    };
    for (const el of document.querySelectorAll('a[href]')) {
        const href = el.getAttribute('href');
        // The app's own: an address on its origin, or a relative one (Streamlit's page
        // links are "plan", "profile"), never one with a scheme or "//" of its own.
        const relative = !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('//');
        const own = href.startsWith(location.origin)
            || (relative && !href.startsWith('#'))
            || (href.startsWith('#') && !carries(href));
        if (!own || carries(href) || carries(el.textContent)) {
            found.push(['link', where(el), href.slice(0, 80), el.textContent.slice(0, 60)]);
        }
    }
    for (const el of document.querySelectorAll('img')) {
        const src = el.getAttribute('src') || '';
        if (!(src.startsWith(location.origin) || src.startsWith('/') || src.startsWith('data:')
              || src.startsWith('blob:')) || carries(src) || carries(el.getAttribute('alt'))) {
            found.push(['image', where(el), src.slice(0, 80)]);
        }
    }
    for (const el of document.querySelectorAll('strong, em, b, i, del, s, code, h1 a, h2 a')) {
        if (carries(el.textContent)) {
            found.push([el.tagName, where(el), el.textContent.slice(0, 60)]);
        }
    }
    for (const el of document.querySelectorAll('.katex, .katex-display, math')) {
        found.push(['formula', where(el), el.textContent.slice(0, 60)]);
    }
    const styled = 'span[style*="color"], [class*="olored"]';
    for (const el of document.querySelectorAll(styled)) {
        if (carries(el.textContent)) {
            found.push(['colour', where(el), el.textContent.slice(0, 60)]);
        }
    }
    return found;
}"""
