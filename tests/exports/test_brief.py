"""What the brief and the deck share: download names people see in their folder."""

from __future__ import annotations

from components.exports.brief import export_file_name


def test_export_file_name():
    assert export_file_name("brief", "Arvenia 2019 (Baseline)", "pdf") == (
        "mnr-brief-Arvenia-2019-Baseline.pdf"
    )
    assert export_file_name("deck", "", "PPTX") == "mnr-deck.pptx"
    assert export_file_name("slides", "../<Côte d'Ivoire>", "pptx") == (
        "mnr-slides-Cote-d-Ivoire.pptx"
    )
