"""The shared colours: one per domain, one per level, and a distinct 'not assessed'."""

import pytest

from components.framework.model import Scale, ScaleLevel, default_framework
from components.framework.palette import (
    DOMAIN_PALETTE,
    NOT_ASSESSED_COLOUR,
    domain_colours,
    level_colours,
    text_colour_on,
)


def test_every_domain_has_its_own_colour():
    colours = domain_colours(default_framework())
    assert list(colours) == [d.id for d in default_framework().domains]
    assert len(set(colours.values())) == 6
    assert set(colours.values()) <= set(DOMAIN_PALETTE)


def test_levels_run_from_light_to_dark_and_never_look_like_missing():
    colours = level_colours(default_framework().scale)
    assert colours == {0: "#FDE725", 1: "#60C860", 2: "#22908C", 3: "#3B518A", 4: "#440154"}
    assert NOT_ASSESSED_COLOUR not in colours.values()


@pytest.mark.parametrize("count", [2, 3, 7, 10])
def test_other_scales_get_distinct_colours(count):
    scale = Scale("custom", tuple(ScaleLevel(v, f"L{v}", "d") for v in range(1, count + 1)))
    colours = level_colours(scale)
    assert list(colours) == list(range(1, count + 1))
    assert len(set(colours.values())) == count


@pytest.mark.parametrize(
    ("background", "text"),
    [
        ("#FFFFFF", "#1A1A1A"),
        ("#000000", "#FFFFFF"),
        ("#FDE725", "#1A1A1A"),
        ("#440154", "#FFFFFF"),
        ("#D9D9D9", "#1A1A1A"),
    ],
)
def test_text_colour_on(background, text):
    assert text_colour_on(background) == text
