"""Chart images: PNG and SVG in batches with one browser start, and file-safe zip names.

The rendered batch is made once per module: a Chromium start costs about 2 s.
"""

from __future__ import annotations

import io
import zipfile

import plotly.graph_objects as go
import pytest

from components.exports import images
from components.exports.images import ExportError, images_zip, render_images, safe_file_name


def _figures():
    radar = go.Figure(go.Scatterpolar(r=[1, 2, 3], theta=["a", "b", "c"], name="&lt;script&gt;"))
    bars = go.Figure(go.Bar(x=["one", "two"], y=[1, 3]))
    return {"Radar: Arvenia/2019": radar, "bars": bars}


@pytest.fixture(scope="module")
def rendered(chromium):
    """PNG and SVG of two figures, and how many browsers the PNG batch started."""
    import kaleido

    starts = []

    class Counting(kaleido.Kaleido):
        def __init__(self, *args, **kwargs):
            starts.append(kwargs.get("path"))
            super().__init__(*args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kaleido, "Kaleido", Counting)
        png = render_images(_figures(), "png", width=600, height=400, scale=1)
        png_starts = list(starts)
    svg = render_images(_figures(), "svg", width=600, height=400)
    return png, svg, png_starts


def test_render_images_makes_png_for_a_batch_with_one_browser_start(chromium, rendered):
    png, _, starts = rendered
    assert starts == [chromium]  # one start, of the system Chromium
    assert list(png) == list(_figures())
    for data in png.values():
        assert data.startswith(b"\x89PNG\r\n\x1a\n")


def test_render_images_makes_svg_without_scripts(rendered):
    _, svg, _ = rendered
    for data in svg.values():
        text = data.decode("utf-8")
        assert text.lstrip().startswith("<svg")
        assert "<script" not in text.casefold()


def test_render_images_rejects_unknown_formats():
    with pytest.raises(ValueError, match="png, svg"):
        render_images(_figures(), "gif")  # type: ignore[arg-type]


def test_render_images_without_chromium_raises_export_error(monkeypatch):
    monkeypatch.setenv("MNR_CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(ExportError, match="apt-get install chromium"):
        render_images(_figures(), "png")


def test_images_zip_names_are_file_safe_and_unique(monkeypatch):
    def fake(figures, fmt, **_):
        return {name: b"data-" + name.encode() for name in figures}

    monkeypatch.setattr(images, "render_images", fake)
    figures = {
        "../../etc/passwd": go.Figure(),
        "Côte d'Ivoire": go.Figure(),
        "côte-d'ivoire": go.Figure(),
        "": go.Figure(),
    }
    archive = zipfile.ZipFile(io.BytesIO(images_zip(figures, "svg")))
    assert archive.namelist() == [
        "etc-passwd.svg",
        "Cote-d-Ivoire.svg",
        "cote-d-ivoire-2.svg",
        "chart.svg",
    ]
    assert archive.read("etc-passwd.svg") == b"data-../../etc/passwd"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Arvenia 2019 (Baseline)", "Arvenia-2019-Baseline"),
        ("Côte d'Ivoire", "Cote-d-Ivoire"),
        ("../..\\evil\x00name.exe", "evil-name-exe"),
        ("<script>alert(1)</script>", "script-alert-1-script"),
        ("日本", "export"),
        ("", "export"),
    ],
)
def test_safe_file_name(text, expected):
    assert safe_file_name(text) == expected


@pytest.mark.parametrize(("fictional", "labelled"), [(True, True), (False, False)])
def test_images_of_the_fictional_demo_say_so_in_the_picture(chromium, fictional, labelled):
    from components.charts.views import profile_radar
    from components.framework.model import default_framework
    from components.ingest.demo import load_demo
    from components.ingest.labels import assessment_labels

    framework = default_framework()
    demo = load_demo(framework)
    labels = assessment_labels(demo.capabilities)
    focus = next(iter(labels))
    radar = profile_radar(demo.capabilities, framework, labels, focus).figure
    archive = zipfile.ZipFile(
        io.BytesIO(images_zip({"domains": radar}, "svg", fictional=fictional))
    )
    svg = archive.read("domains.svg").decode("utf-8")
    assert ("Fictional demo data: the countries and their scores are invented." in svg) is (
        labelled
    )
    png = render_images({"domains": radar}, "png", width=600, height=400, fictional=fictional)
    assert png["domains"].startswith(b"\x89PNG")


def test_the_fictional_label_leaves_the_figure_itself_alone():
    figure = go.Figure(go.Bar(x=["a"], y=[1]))
    labelled = images.label_fictional(figure)
    assert not figure.layout.annotations
    assert labelled.layout.annotations[0].text.endswith("invented.</b>")
    assert labelled.layout.margin.t > 80


@pytest.mark.parametrize(
    ("title", "written"),
    [
        ("Kenya 2023: Criminal Justice", "<b>Kenya 2023: Criminal Justice</b>"),
        ("Côte d'Ivoire <i>2021</i>", "<b>Côte d'Ivoire &lt;i&gt;2021&lt;/i&gt;</b>"),
        ("x" * 200, "<b>" + "x" * 109 + "…</b>"),  # one line on a 1200 px picture
        ("", None),
        ("   ", None),
    ],
)
def test_a_picture_s_title_is_written_above_the_chart(title, written):
    figure = go.Figure(go.Bar(x=["a"], y=[1]), layout={"margin": {"t": 70, "l": 200}})
    picture = images.titled(figure, title)
    assert not figure.layout.annotations  # the page's figure is left alone
    if written is None:
        assert not picture.layout.annotations
        assert picture.layout.margin.t == 70
        return
    (annotation,) = picture.layout.annotations
    assert annotation.text == written
    # In a band of its own above the plot, from the picture's left edge.
    assert picture.layout.margin.t >= 70 + 40
    assert 70 <= annotation.yshift <= picture.layout.margin.t - 20 - 4
    assert annotation.xshift == 16 - 200


def test_a_titled_picture_of_the_demo_says_both_what_it_is_and_that_it_is_fictional(chromium):
    figure = go.Figure(go.Bar(x=["a"], y=[1]))
    archive = zipfile.ZipFile(
        io.BytesIO(
            images_zip(
                {"slide-03": figure, "other": figure},
                "svg",
                fictional=True,
                titles={"slide-03": "Congo 2021 (Midline): Criminal Justice"},
            )
        )
    )
    svg = archive.read("slide-03.svg").decode("utf-8")
    assert "Congo 2021 (Midline): Criminal Justice" in svg
    assert "Fictional demo data" in svg
    assert "Criminal Justice" not in archive.read("other.svg").decode("utf-8")
