"""The product's colours, defined once so that every page and chart agrees.

- Domains use six colours of the Okabe-Ito palette, which stays distinguishable under the
  common forms of colour-blindness (the palette's yellow is left out: it vanishes on white).
- Levels use viridis, a perceptually uniform sequential palette that is colour-blind safe and
  still reads in greyscale: the lowest level is light, the highest is dark.
- "Not assessed" is a neutral light grey that is not on the viridis ramp, so a missing value
  never looks like a low score.
"""

from __future__ import annotations

from plotly.colors import sample_colorscale

from components.framework.model import Framework, Scale

# Okabe & Ito (2008), "Color Universal Design", in domain order.
DOMAIN_PALETTE: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#000000",  # black, only if an organisation's framework has a seventh domain
)

NOT_ASSESSED_COLOUR = "#D9D9D9"
NOT_ASSESSED_LABEL = "Not assessed"

_DARK_TEXT = "#1A1A1A"
_LIGHT_TEXT = "#FFFFFF"


def domain_colours(framework: Framework) -> dict[str, str]:
    """Domain id -> colour, in the framework's domain order (wrapping if it has more)."""
    return {
        domain.id: DOMAIN_PALETTE[i % len(DOMAIN_PALETTE)]
        for i, domain in enumerate(framework.domains)
    }


def level_colours(scale: Scale) -> dict[int, str]:
    """Level value -> hex colour, light for the lowest level and dark for the highest."""
    count = len(scale.levels)
    positions = [1 - i / (count - 1) for i in range(count)]
    colours = sample_colorscale("Viridis", positions, colortype="rgb")
    return {
        level.value: _rgb_to_hex(colour)
        for level, colour in zip(scale.levels, colours, strict=True)
    }


def text_colour_on(background_hex: str) -> str:
    """Black or white, whichever reads better on this background (WCAG relative luminance)."""
    red, green, blue = (int(background_hex[i : i + 2], 16) / 255 for i in (1, 3, 5))

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    luminance = 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    # Contrast against white is (1.05)/(L+0.05); against black (L+0.05)/0.05. Pick the larger.
    return _DARK_TEXT if (luminance + 0.05) / 0.05 > 1.05 / (luminance + 0.05) else _LIGHT_TEXT


def _rgb_to_hex(rgb: str) -> str:
    red, green, blue = (round(float(part)) for part in rgb[rgb.index("(") + 1 : -1].split(","))
    return f"#{red:02X}{green:02X}{blue:02X}"
