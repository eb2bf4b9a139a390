"""Charts as image files, rendered on the server by kaleido in the system Chromium.

plotly's own toolbar saves one chart at a time in the browser; this module renders batches
(every chart of a page as a zip, the pictures of the PDF brief) with ONE Chromium start for
the whole batch, because starting the browser costs about as much as ten renders.

Offline by construction: kaleido's page loads the plotly.js that ships inside the plotly
package and MathJax is switched off (kaleido would otherwise fetch it from a CDN), so
rendering needs no network. The browser is the system Chromium (``$MNR_CHROMIUM``,
``/usr/bin/chromium``, or ``chromium`` on the PATH), never one kaleido downloaded.

Pure: figures in, bytes out. No streamlit.
"""

from __future__ import annotations

import asyncio
import io
import os
import re
import shutil
import threading
import unicodedata
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import plotly.graph_objects as go

from components.base.text import shorten
from components.charts.common import escape

__all__ = [
    "CHROMIUM_CANDIDATES",
    "ExportError",
    "ImageJob",
    "chromium_path",
    "images_zip",
    "label_fictional",
    "render_images",
    "render_jobs",
    "safe_file_name",
    "titled",
    "unique_file_names",
]

ImageFormat = Literal["png", "svg"]
FORMATS: tuple[str, ...] = ("png", "svg")

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
_CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
RENDER_TIMEOUT_SECONDS = 60  # per figure; a radar takes well under a second
# Each batch starts its own Chromium (~150 MB). More sessions exporting at once than this
# wait their turn instead of exhausting the server's memory.
MAX_CONCURRENT_BROWSERS = 2
_BROWSERS = threading.BoundedSemaphore(MAX_CONCURRENT_BROWSERS)
_FILE_NAME_MAX = 80
_NOT_FILE_SAFE = re.compile(r"[^A-Za-z0-9]+")


class ExportError(Exception):
    """An export could not be made; the message says why in plain words, for the page."""


@dataclass(frozen=True)
class ImageJob:
    """One figure to render, with its own size (for batches whose pictures differ in shape)."""

    figure: go.Figure
    fmt: ImageFormat = "png"
    width: int = 1200
    height: int = 800
    scale: float = 2


FICTIONAL_LABEL = "Fictional demo data: the countries and their scores are invented."
_LABEL_SPACE = 34  # pixels added above the plot for the label


def label_fictional(figure: go.Figure) -> go.Figure:
    """A copy of the figure that says, in the picture itself, that its data are fictional.

    A saved image travels without the page around it; the label goes with it, in a band added
    at the top of the picture, where it covers nothing of the chart.
    """
    return _with_band(
        figure,
        _LABEL_SPACE,
        text=f"<b>{FICTIONAL_LABEL}</b>",
        yshift=4,
        font={"size": 13, "color": "#8A4B00"},
        bgcolor="#FFF4E0",
        bordercolor="#8A4B00",
        borderwidth=1,
        borderpad=4,
    )


_TITLE_SPACE = 44  # pixels added above the plot for the title
_TITLE_FONT_SIZE = 20
_TITLE_CHARS = 110  # about the width of a 1200 px picture at that size


def titled(figure: go.Figure, title: str) -> go.Figure:
    """A copy of the figure with ``title`` (what it shows: country, round, domain) written
    in a band added at the top of the picture: a pasted image says what it is by itself."""
    if not title.strip():
        return go.Figure(figure)
    left = 80 if figure.layout.margin.l is None else figure.layout.margin.l
    return _with_band(
        figure,
        _TITLE_SPACE,
        text=f"<b>{escape(shorten(title.strip(), _TITLE_CHARS))}</b>",
        name="export-title",
        # From the picture's left edge, not the plot's (a heatmap's names sit left of it).
        xshift=16 - left,
        yshift=8,
        font={"size": _TITLE_FONT_SIZE, "color": "#1F2A44"},
    )


def _with_band(figure: go.Figure, space: int, *, yshift: int, **annotation: Any) -> go.Figure:
    """A copy of the figure with ``space`` pixels added on top of its own top margin
    (plotly's default is 100 px) and ``annotation`` written in that band, ``yshift`` above the
    margin's old edge: what it says covers none of the chart's own labels."""
    banded = go.Figure(figure)
    top = 100 if banded.layout.margin.t is None else banded.layout.margin.t
    banded.update_layout(margin={"t": top + space})
    banded.add_annotation(
        xref="paper",
        yref="paper",
        x=0,
        y=1,
        xanchor="left",
        yanchor="bottom",
        yshift=top + yshift,
        showarrow=False,
        align="left",
        **annotation,
    )
    return banded


# --- file names -------------------------------------------------------------------------------


def safe_file_name(
    text: object, *, default: str = "export", max_length: int = _FILE_NAME_MAX
) -> str:
    """Text made into a file name stem of ASCII letters, digits and single dashes.

    Accents are dropped ("Côte d'Ivoire 2023" -> "Cote-d-Ivoire-2023"); anything else that
    is not a letter or digit becomes a dash, so no path separator, dot, quote or control
    character survives. Empty results fall back to ``default`` (itself made safe).
    """
    ascii_text = (
        unicodedata.normalize("NFKD", str(text or "")).encode("ascii", "ignore").decode("ascii")
    )
    stem = _NOT_FILE_SAFE.sub("-", ascii_text).strip("-")[:max_length].strip("-")
    if stem:
        return stem
    fallback = _NOT_FILE_SAFE.sub("-", default).strip("-")[:max_length].strip("-")
    return fallback or "export"


def unique_file_names(names: Sequence[str], extension: str) -> list[str]:
    """``safe_file_name(name).extension`` for each name, with -2, -3 added to repeats."""
    seen: set[str] = set()
    result = []
    for name in names:
        stem = safe_file_name(name, default="chart")
        candidate, counter = stem, 1
        while candidate.casefold() in seen:
            counter += 1
            candidate = f"{stem}-{counter}"
        seen.add(candidate.casefold())
        result.append(f"{candidate}.{extension}")
    return result


# --- rendering --------------------------------------------------------------------------------


def chromium_path() -> str | None:
    """The system Chromium to render with, or ``None`` when there is none."""
    configured = os.environ.get("MNR_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    for candidate in CHROMIUM_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    for name in _CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def render_images(
    figures: Mapping[str, go.Figure],
    fmt: ImageFormat = "png",
    *,
    width: int = 1200,
    height: int = 800,
    scale: float = 2,
    fictional: bool = False,
    titles: Mapping[str, str] | None = None,
) -> dict[str, bytes]:
    """Every figure as PNG or SVG bytes, by the same keys, with one Chromium start in all.

    ``titles`` (by the same keys) are written at the top of each picture (``titled``). With
    ``fictional``, every picture says so in itself (``label_fictional``). Raises
    ``ExportError`` (plain words, for the page) when Chromium is missing or fails.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt must be one of {', '.join(FORMATS)}, not {fmt!r}.")
    titles = titles or {}
    pictures = {name: titled(figure, titles.get(name, "")) for name, figure in figures.items()}
    jobs = {
        name: ImageJob(
            label_fictional(figure) if fictional else figure,
            fmt,
            width=width,
            height=height,
            scale=scale,
        )
        for name, figure in pictures.items()
    }
    return render_jobs(jobs)


def render_jobs(jobs: Mapping[str, ImageJob]) -> dict[str, bytes]:
    """``render_images`` for figures that each have their own format and size."""
    if not jobs:
        return {}
    for name, job in jobs.items():
        if job.fmt not in FORMATS:
            raise ValueError(f"{name}: fmt must be one of {', '.join(FORMATS)}, not {job.fmt!r}.")
    browser = chromium_path()
    if browser is None:
        raise ExportError(
            "Images cannot be made on this computer because the Chromium browser is not "
            "installed (it draws the charts for PNG, SVG and PDF files). Ask whoever runs "
            "the app to install it (on Debian or Ubuntu: apt-get install chromium). "
            "Meanwhile, each chart's camera button saves a PNG from your own browser."
        )
    try:
        import kaleido  # noqa: PLC0415  (slow to import; only exports need it)
    except ImportError as error:
        raise ExportError(
            "Images cannot be made because the kaleido package is not installed; ask whoever "
            "runs the app to install the requirements."
        ) from error
    specs = [
        (
            name,
            job.figure,
            {"format": job.fmt, "width": job.width, "height": job.height, "scale": job.scale},
        )
        for name, job in jobs.items()
    ]
    with _BROWSERS:
        rendered = _run_in_thread(_render_all(kaleido, browser, specs))
    return dict(rendered)


async def _render_all(
    kaleido: Any, browser: str, specs: list[tuple[str, go.Figure, dict[str, Any]]]
) -> list[tuple[str, bytes]]:
    results = []
    # mathjax=False: kaleido would load MathJax from a CDN; plotly.js comes from the plotly
    # package itself. One browser, one tab, figures one after another.
    async with kaleido.Kaleido(
        n=1, timeout=RENDER_TIMEOUT_SECONDS, mathjax=False, path=browser
    ) as renderer:
        for name, figure, opts in specs:
            results.append((name, await renderer.calc_fig(figure, opts=opts)))
    return results


def _run_in_thread(coroutine: Any) -> Any:
    """Run a coroutine to completion in a fresh thread with its own event loop.

    A fresh thread works whether or not the caller already runs an event loop (Streamlit's
    script thread, a notebook, an async test), and every error comes back as ExportError.
    """
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = asyncio.run(coroutine)
        except BaseException as error:  # noqa: BLE001  (re-raised in the caller's thread)
            outcome["error"] = error

    thread = threading.Thread(target=run, name="mnr-image-export", daemon=True)
    thread.start()
    thread.join()
    if "error" in outcome:
        error = outcome["error"]
        name = type(error).__name__
        if name == "ChromeNotFoundError":
            message = (
                "Images cannot be made because the Chromium browser was not found. Ask whoever "
                "runs the app to install it (on Debian or Ubuntu: apt-get install chromium)."
            )
        elif isinstance(error, TimeoutError | asyncio.TimeoutError):
            message = "Drawing the images took too long and was stopped; please try again."
        else:
            message = (
                "The images could not be drawn: the Chromium browser that draws them failed "
                f"({name}). Please try again; if it keeps failing, tell whoever runs the app."
            )
        raise ExportError(message) from error
    return outcome["value"]


def images_zip(
    figures: Mapping[str, go.Figure],
    fmt: ImageFormat,
    *,
    fictional: bool = False,
    titles: Mapping[str, str] | None = None,
) -> bytes:
    """A zip of ``name.fmt`` files, one per figure, names made file-safe and unique; each
    picture titled with ``titles[name]`` (when given) and labelled as fictional demo data
    when ``fictional``."""
    images = render_images(figures, fmt, fictional=fictional, titles=titles)
    names = unique_file_names(list(images), fmt)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file_name, data in zip(names, images.values(), strict=True):
            # A fixed timestamp: the same charts give the same zip.
            info = zipfile.ZipInfo(file_name, date_time=(2020, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return buffer.getvalue()
