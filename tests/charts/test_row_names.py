"""Row names whole: one line when the margin allows, else wrapped at spaces, never cut
inside a word unless even the widest margin's lines cannot hold the name."""

from __future__ import annotations

import pytest

from components.charts.row_names import fit_row_names, lines_in, row_px
from components.charts.text_width import text_width

DRC = "Democratic Republic of the Congo 2024 (Second review)"  # 367.3 px at 14 px


@pytest.mark.parametrize(
    ("names", "width", "widest", "max_lines", "expected"),
    [
        # Every name fits: one line each, as written.
        (["Kenya 2023", "Arvenia 2024"], 100, 150, 3, [["Kenya 2023"], ["Arvenia 2024"]]),
        # Too wide for one line of 246 px: two lines of even length, not a full first line.
        (
            [DRC, "Kenya 2023"],
            246,
            369,
            3,
            [["Democratic Republic of the", "Congo 2024 (Second review)"], ["Kenya 2023"]],
        ),
        # A phone's 131 px: three lines.
        (
            [DRC],
            131,
            180,
            3,
            [["Democratic Republic", "of the Congo 2024", "(Second review)"]],
        ),
        # Three lines of 131 px do not hold it, two of the widest 190 px do.
        (
            ["Sovereign Republic of the Yland Archipelago 2023 (Mid-term review)"],
            131,
            250,
            2,
            [["Sovereign Republic of the Yland", "Archipelago 2023 (Mid-term review)"]],
        ),
        # One line allowed (low rows): as wide as the widest margin allows, then cut.
        ([DRC], 131, 369, 1, [[DRC]]),
        ([DRC], 131, 200, 1, [["Democratic Republic of the Con…"]]),
        # Even the widest margin's lines do not hold it: the last line is cut with "…".
        ([DRC], 60, 90, 2, [["Democratic", "Republic of t…"]]),
        # A word wider than every margin is cut too.
        (["Krakozhstanianrepublicofeverything 2024"], 60, 90, 2, [["Krakozhstan…", "2024"]]),
        ([], 100, 150, 3, []),
    ],
)
def test_names_take_as_few_lines_as_fit(names, width, widest, max_lines, expected):
    fitted = fit_row_names(names, 14, width_px=width, widest_px=widest, max_lines=max_lines)
    assert [list(lines) for lines in fitted.lines] == expected
    assert fitted.line_count == max((len(e) for e in expected), default=1)
    cut = any(line.endswith("…") for lines in expected for line in lines)
    if not cut:  # whole words, all of them, in their order
        assert [" ".join(lines) for lines in fitted.lines] == names
    limit = widest if cut or max_lines == 1 or fitted.width_px > width else width
    assert fitted.width_px <= limit


def test_the_tick_labels_are_escaped_lines_joined_by_line_breaks():
    fitted = fit_row_names(
        ["<b>Arvenia</b> & Belmora 2024"], 14, width_px=90, widest_px=120, max_lines=3
    )
    assert fitted.ticktext == ["&lt;b&gt;Arvenia&lt;/b&gt;<br>&amp; Belmora 2024"]


def test_the_margin_is_as_narrow_as_holds_the_lines():
    fitted = fit_row_names([DRC], 14, width_px=300, widest_px=400, max_lines=3)
    lines = fitted.lines[0]
    assert len(lines) == 2
    # Not a pixel narrower holds the name on two lines.
    narrower = fit_row_names(
        [DRC], 14, width_px=fitted.width_px - 1.5, widest_px=fitted.width_px - 1.5, max_lines=2
    )
    assert narrower.lines[0][-1].endswith("…") or len(narrower.lines[0]) > 2
    assert fitted.width_px == max(text_width(line, 14) for line in lines)


@pytest.mark.parametrize(
    ("lines", "font", "height", "held"),
    [(1, 14, 25, 1), (2, 14, 43, 2), (3, 14, 61, 3), (2, 16, 48, 2)],
)
def test_a_row_is_tall_enough_for_its_lines(lines, font, height, held):
    assert row_px(lines, font) == height
    assert lines_in(height, font) == held
    assert lines_in(height - 1, font) == held - 1 or held == 1


def test_a_low_row_holds_one_line_at_least():
    assert lines_in(4, 14) == 1
