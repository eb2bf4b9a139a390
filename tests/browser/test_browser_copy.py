"""plotly.js draws a figure's browser copy exactly as it draws the figure itself.

The copy writes the template out (``components/charts/browser_copy.py``), and plotly.js reads
a value set in the template a little differently from one set in the figure. So for every kind
of chart the app draws (on a desktop, a phone and a projector), both are drawn here with the
plotly.js that ships with plotly, and plotly.js's whole computed layout and traces are
compared, and the SVG it drew.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import plotly
import plotly.graph_objects as go
import pytest

from components.charts.agreement import distribution_figure, overview_figure
from components.charts.bars import domain_bars
from components.charts.browser_copy import browser_copy
from components.charts.heatmap import level_heatmap
from components.charts.radar import capability_radar, domain_radar
from components.scoring.agreement import agreement, summary_table
from components.ui.present import for_projector
from tests.charts.frames import (
    FW,
    NAN,
    capability_table,
    domain_scores,
    heatmap_frames,
    room_votes,
    series,
)
from tests.charts.test_browser_copy import charted
from tests.charts.test_common import EMPTY, FIGURES

pytestmark = pytest.mark.browser

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


KINDS: dict[str, Callable[[], go.Figure]] = {
    **FIGURES,
    **{f"empty {kind}": make for kind, make in EMPTY.items()},
    **{f"projector {kind}": (lambda m=make: for_projector(m())) for kind, make in FIGURES.items()},
    "phone domain_radar": lambda: domain_radar(
        [series("Arvenia 2023", [2.0, 1.5, NAN, 3.0, 2.5, 1.0])], FW, narrow=True
    ),
    "phone capability_bars": lambda: capability_radar(
        capability_table({20: 0, 21: 3}), FW, "media-and-communications", narrow=True
    ),
    "phone level_heatmap": lambda: level_heatmap(*heatmap_frames(5), FW, narrow=True),
    "phone level_heatmap of a domain": lambda: level_heatmap(
        *heatmap_frames(5), FW, domain_id="victim", narrow=True
    ),
    "phone domain_bars": lambda: domain_bars(
        domain_scores({"a": [1, 2, 3, NAN, 2, 1]}), {"a": "Arvenia"}, FW, horizontal=True
    ),
    "workshop votes": lambda: distribution_figure(
        agreement([1, 2, 2, 4, None], FW.scale), FW.scale, agreed=2
    ),
    "workshop overview": lambda: overview_figure(summary_table(*room_votes(), FW), FW),
    # Not one of the app's: bars plotly.js lays down by itself, as it decides.
    "bars given only x": lambda: charted(go.Bar(x=[1, 2])),
}

# Both figures drawn side by side; plotly.js's computed layout and traces compared key by key
# (its own bookkeeping, starting "_", aside), then the SVG, with its random ids made equal.
COMPARE_JS = r"""async ([original, copy]) => {
    const draw = async (figure) => {
        const div = document.createElement('div');
        div.style.width = '900px';
        document.body.appendChild(div);
        await Plotly.newPlot(div, figure.data, figure.layout);
        return div;
    };
    const a = await draw(original), b = await draw(copy);
    const differences = [];
    const skip = new Set(['template', 'datarevision', 'uid']);
    const walk = (x, y, path, depth) => {
        if (x === y || depth > 14 || differences.length > 20) return;
        if (ArrayBuffer.isView(x) && ArrayBuffer.isView(y)) {
            if (String(x) !== String(y)) differences.push(path);
            return;
        }
        if (Array.isArray(x) && Array.isArray(y)) {
            if (x.length !== y.length) { differences.push(path + ' length'); return; }
            x.forEach((item, i) => walk(item, y[i], path + '[' + i + ']', depth + 1));
            return;
        }
        if (x && y && typeof x === 'object' && typeof y === 'object') {
            for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
                if (key[0] === '_' || skip.has(key)) continue;
                if (typeof x[key] === 'function' || typeof y[key] === 'function') continue;
                walk(x[key], y[key], path + '.' + key, depth + 1);
            }
            return;
        }
        differences.push(path + ': ' + JSON.stringify(x) + ' / ' + JSON.stringify(y));
    };
    walk(a._fullLayout, b._fullLayout, 'layout', 0);
    walk(a._fullData, b._fullData, 'data', 0);
    // Each element as its tag, its attributes in name order and its own text; plotly's
    // random ids (of traces and colour bars, and those of clip paths, gradients and patterns
    // that styles refer to) made equal.
    const ids = /(trace|cb|legend|clip)[a-f0-9]{6}|url\("?#[^")]*"?\)/g;
    const describe = (node) => node.nodeType === Node.TEXT_NODE ? node.textContent
        : '<' + node.tagName + ' ' + Array.from(node.attributes)
            .filter(attr => attr.name !== 'id')
            .map(attr => attr.name + '=' + attr.value.replace(ids, '$1#'))
            .sort().join(' ') + '>' + Array.from(node.childNodes).map(describe).join('');
    const svg = (div) => Array.from(div.querySelectorAll('svg.main-svg')).map(describe).join('');
    const drawn = svg(a), drawnFromCopy = svg(b);
    let at = 0;  // where the two drawings part, to show in a failure
    while (at < drawn.length && drawn[at] === drawnFromCopy[at]) at++;
    Plotly.purge(a); Plotly.purge(b); a.remove(); b.remove();
    return {
        differences,
        svg: [drawn.slice(Math.max(0, at - 200), at + 80),
              drawnFromCopy.slice(Math.max(0, at - 200), at + 80)],
    };
}"""


@pytest.fixture(scope="module")
def plotly_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_content("<!doctype html><html><body></body></html>")
    tab.add_script_tag(path=str(PLOTLY_JS))
    try:
        yield tab
    finally:
        context.close()


@pytest.mark.parametrize("kind", KINDS)
def test_a_figure_s_browser_copy_draws_as_the_original(plotly_page, kind):
    figure = KINDS[kind]()
    original = json.loads(figure.to_json())
    copy = json.loads(browser_copy(figure).to_json())
    assert copy["layout"]["template"] is None, "the template was written out"
    result = plotly_page.evaluate(COMPARE_JS, [original, copy])
    assert result["differences"] == []
    drawn, drawn_from_copy = result["svg"]
    assert drawn == drawn_from_copy
