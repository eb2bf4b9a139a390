"""The copy of a figure that goes to the browser, made so that plotly.js draws it once.

Streamlit hands plotly.js each new chart twice: as it arrives, and a moment later (once it has
measured the chart's width) as a fresh copy, parsed again from the same JSON. plotly.js then
compares the two to find what to redraw, and two things made it redraw the whole chart:

- the layout's ``template`` is compared by identity, so a copy's always differs;
- data arrays (and the layout's, such as tick texts) are compared by identity too, unless the
  layout carries a ``datarevision``.

In Chromium, the demo's heatmap took 35 ms to draw, and then 35 ms again; every chart on every
page was drawn twice. So the browser gets a copy with the template written out into the layout
and the traces, the way plotly.js applies it, and a ``datarevision`` that is a hash of the
whole figure (it changes whenever anything in it does). The second hand-over then changes
nothing, and plotly.js only checks it. Exports keep the figure as built: kaleido draws once.

What plotly.js draws from the copy is what it drew from the original: the browser test
``test_a_figure_s_browser_copy_draws_as_the_original`` compares plotly.js's whole computed
layout and traces for every kind of chart.
"""

from __future__ import annotations

import copy
import hashlib
import pickle
import re
from collections.abc import Mapping
from typing import Any

import plotly.graph_objects as go

#: Trace types whose template this module knows how plotly.js applies: those the charts draw.
CARTESIAN_TYPES = frozenset({"bar", "heatmap", "scatter"})
POLAR_TYPES = frozenset({"scatterpolar"})

#: Layout arrays whose items take the template's ``<item>defaults``.
_ITEM_DEFAULTS = {
    "annotations": "annotationdefaults",
    "shapes": "shapedefaults",
    "images": "imagedefaults",
    "sliders": "sliderdefaults",
    "updatemenus": "updatemenudefaults",
    "selections": "selectiondefaults",
}
#: Template entries that style every subplot of their kind (``xaxis`` styles ``xaxis2`` too).
_SUBPLOT = re.compile(r"^(xaxis|yaxis|polar|coloraxis|ternary|scene|geo|mapbox|map|smith)(\d*)$")
#: Colour-bar and colour-scale styles of a template apply only where a trace has a colour
#: scale; written into the figure, a colour bar would give it one.
_COLOUR_SCALE_KEYS = ("colorbar", "colorscale")
#: The parts of a trace that can have a colour scale of their own.
_TRACE_PARTS = ("marker", "line")


def browser_copy(figure: go.Figure) -> go.Figure:
    """``figure`` with its template written out and a ``datarevision``; see the module.

    A figure with something whose templating this module does not mirror (see
    ``_can_write_out``) keeps its template and only gets the ``datarevision``: plotly.js
    draws it as before, if perhaps twice.
    """
    spec = figure.to_plotly_json()  # a deep copy: the figure itself is left as it is
    data, layout = spec.get("data", []), spec.get("layout", {})
    template = layout.pop("template", None) or {}
    if _can_write_out(template, data, layout):
        layout = _layout_with_template(layout, template.get("layout", {}), data)
        data = [
            _merged(_without_part_colour_scales(defaults), trace)
            for trace, defaults in zip(
                data, _trace_defaults(data, template.get("data", {})), strict=True
            )
        ]
    elif template:
        layout["template"] = template  # kept: plotly.js applies it, as before
    layout.pop("datarevision", None)  # the revision is a hash of everything else
    layout["datarevision"] = _revision(data, layout)
    written = {"data": data, "layout": layout}
    if spec.get("frames"):
        written["frames"] = spec["frames"]
    browser = go.Figure(written, _validate=False)
    if "template" not in layout:
        # plotly.py gives a figure without a template its default one; null is "none" to
        # plotly.js, and the same in both hand-overs.
        browser.layout.template = None
    return browser


def _can_write_out(template: Mapping[str, Any], data: list[dict], layout: Mapping) -> bool:
    """Whether this module mirrors how plotly.js applies the template to this figure.

    It does for the charts this app draws, as the browser test checks for every kind; it does
    not for other trace types, colour scales on markers or lines, shared colour axes, named
    template items, or shapes and annotations on an axis no trace draws on.
    """
    known = CARTESIAN_TYPES | POLAR_TYPES
    if any(trace.get("type", "scatter") not in known for trace in data):
        return False
    for trace in data:
        parts = [trace.get(key) for key in _TRACE_PARTS]
        if "coloraxis" in trace or any(_has_colour_scale(p) for p in parts):
            return False
        if any(isinstance(p, Mapping) and "coloraxis" in p for p in parts):
            return False
    if any(key in template.get("layout", {}) for key in _ITEM_DEFAULTS):
        return False  # named items: an item takes the one its templateitemname names
    axes = _subplots_of(data)
    for key in _ITEM_DEFAULTS:
        for item in layout.get(key, []):
            if not isinstance(item, Mapping) or "templateitemname" in item:
                return False
            for letter in ("x", "y"):
                ref = str(item.get(f"{letter}ref", letter)).removesuffix(" domain")
                if ref != "paper" and f"{letter}axis{ref[1:]}" not in axes:
                    return False
    return True


def _layout_with_template(
    layout: dict[str, Any], template: Mapping[str, Any], data: list[dict]
) -> dict[str, Any]:
    """The layout with the template's layout written under it (the figure's values win)."""
    subplots = set(filter(_SUBPLOT.match, layout)) | _subplots_of(data)
    without_grid = _category_axes_of_bars(data)
    written: dict[str, Any] = {}
    for key, value in template.items():
        if key in _ITEM_DEFAULTS.values() or _SUBPLOT.match(key):
            continue  # applied to each item or subplot below
        written[key] = _merged(value, layout[key]) if key in layout else copy.deepcopy(value)
    for key, value in layout.items():
        written.setdefault(key, value)
    for key in subplots:
        root = _SUBPLOT.match(key).group(1)
        defaults = template.get(key, template.get(root))
        if defaults is None:
            continue
        written[key] = _merged(defaults, layout.get(key, {}))
        if root in ("xaxis", "yaxis"):
            written[key].update(
                _axis_switches(defaults, layout.get(key, {}), grid=key not in without_grid)
            )
    for key, defaults_key in _ITEM_DEFAULTS.items():
        if defaults_key in template and key in written:
            written[key] = [_merged(template[defaults_key], item) for item in written[key]]
    return written


def _axis_switches(defaults: Mapping[str, Any], axis: Mapping[str, Any], *, grid: bool) -> dict:
    """A cartesian axis's line, grid and zero line turned on or off as the template left them.

    Set in the figure, a line, grid or zero-line colour (or width) also turns that line on;
    set in the template it only styles it (plotly.js reads them with ``coerce2``). So where
    the template gives one, the copy says outright whether the line is shown, as plotly.js
    decided with the template: the grid and zero line by default (``grid``: not on the
    category axis of bars), the axis line only when the figure styles it.
    """
    switches = {
        "showline": (("linecolor", "linewidth"), False),
        "showgrid": (("gridcolor", "gridwidth", "griddash"), grid),
        "zeroline": (("zerolinecolor", "zerolinewidth"), grid),
    }
    decided = {}
    for switch, (styles, default) in switches.items():
        if switch not in axis and any(style in defaults for style in styles):
            decided[switch] = default or any(bool(axis.get(style)) for style in styles)
    return decided


def _category_axes_of_bars(data: list[dict]) -> set[str]:
    """The layout keys of the axes along which bars stand: plotly.js draws no grid there."""
    keys = set()
    for trace in data:
        if trace.get("type") == "bar":
            # plotly.js lays bars down when they have an x and no y, unless told otherwise
            lying = "x" in trace and "y" not in trace
            if trace.get("orientation", "h" if lying else "v") == "h":
                keys.add("yaxis" + trace.get("yaxis", "y")[1:])
            else:
                keys.add("xaxis" + trace.get("xaxis", "x")[1:])
    return keys


def _subplots_of(data: list[dict]) -> set[str]:
    """The layout keys of the subplots the traces draw on (``xaxis``, ``yaxis2``, ``polar``)."""
    if not data:
        return {"xaxis", "yaxis"}  # plotly.js draws an empty figure's cartesian axes
    keys: set[str] = set()
    for trace in data:
        kind = trace.get("type", "scatter")
        if kind in CARTESIAN_TYPES:
            keys.add("xaxis" + trace.get("xaxis", "x")[1:])
            keys.add("yaxis" + trace.get("yaxis", "y")[1:])
        elif kind in POLAR_TYPES:
            keys.add(trace.get("subplot", "polar"))
    return keys


def _trace_defaults(data: list[dict], template: Mapping[str, list[dict]]) -> list[dict]:
    """Each trace's template: the n-th trace of a type takes that type's n-th entry, cycling."""
    seen: dict[str, int] = {}
    defaults = []
    for trace in data:
        kind = trace.get("type", "scatter")
        entries = template.get(kind) or [{}]
        index = seen.get(kind, 0)
        seen[kind] = index + 1
        defaults.append({k: v for k, v in entries[index % len(entries)].items() if k != "type"})
    return defaults


def _without_part_colour_scales(defaults: Mapping[str, Any]) -> dict:
    """A trace's template without the colour-bar and colour-scale styles of its parts
    (``marker``, ``line``): written into a part, a colour bar would give it a colour scale,
    and parts with one are left to the template (``_can_write_out``). A heatmap's own colour
    bar and scale, at the top, always apply."""
    kept = dict(defaults)
    for key in _TRACE_PARTS:
        part = defaults.get(key)
        if isinstance(part, Mapping) and any(k in part for k in _COLOUR_SCALE_KEYS):
            rest = {k: v for k, v in part.items() if k not in _COLOUR_SCALE_KEYS}
            if rest:
                kept[key] = rest
            else:
                del kept[key]
    return kept


def _has_colour_scale(part: Any) -> bool:
    """Whether plotly.js gives this part of a trace (its ``marker``, say) a colour scale:
    numbers for colours, a scale, a colour bar, or bounds of its own."""
    if not isinstance(part, Mapping):
        return False
    colours = part.get("color")
    if isinstance(colours, Mapping):  # a numpy array, as plotly.py sends it (base64)
        numbers = "bdata" in colours and colours.get("dtype") != "object"
    else:
        numbers = isinstance(colours, list) and any(
            isinstance(c, int | float) and not isinstance(c, bool) for c in colours
        )
    return (
        numbers
        or part.get("showscale") is True
        or any(key in part for key in _COLOUR_SCALE_KEYS)
        or ("cmin" in part and "cmax" in part)
    )


def _merged(defaults: Any, value: Any) -> Any:
    """``value`` over ``defaults``: objects merge key by key, anything else is ``value``."""
    if isinstance(defaults, Mapping) and isinstance(value, Mapping):
        merged = {key: copy.deepcopy(item) for key, item in defaults.items()}
        for key, item in value.items():
            merged[key] = _merged(defaults[key], item) if key in defaults else item
        return merged
    return value


def _revision(data: list[dict], layout: Mapping[str, Any]) -> str:
    """A short hash of the whole figure: any change in it gives another revision, and the same
    figure built the same way (a page built again) the same one.

    Over its pickle, not its JSON: a tenth of the time, and as sure to change with any value.
    (Equal figures built differently may get different revisions: plotly.js then draws one
    once more, as it did before.)
    """
    content = pickle.dumps((data, layout), protocol=pickle.HIGHEST_PROTOCOL)
    return hashlib.blake2b(content, digest_size=8).hexdigest()
