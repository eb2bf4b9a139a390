"""Who may see a library assessment: its visibility, and what a viewer may see of the library.

The framework's owners promise countries that self-assessments are not disclosed or used to
rank them, so every library assessment has a visibility:

- ``editors`` ("Editors only", the default for new saves and for assessments saved before
  visibilities existed): only a signed-in editor sees it, opens it or downloads it. For
  everybody else it does not exist: it is not listed, not counted, not in the download, not
  found by a link, and it feeds no peer median.
- ``everyone`` ("Everyone who uses this app"): listed, opened and downloaded by name.
- ``aggregates`` ("In aggregates only"): never shown under its name to anyone but editors
  (not listed, opened, downloaded or found by a link); it may count in a peer median that
  rests on enough assessments (``components.library.aggregates``), without its country,
  date or evidence.

Editors see and download everything, each assessment with its visibility (an editor's
download imported elsewhere keeps them).

A ``Viewer`` says who is looking: an editor (signed in) or a visitor, and whether the
deployment is private (then a visitor sees nothing of the library at all). The store's
queries take a viewer and filter in the database, so a page cannot show what the viewer may
not see by forgetting a check.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Visibility = Literal["editors", "everyone", "aggregates"]
VISIBILITIES: tuple[Visibility, ...] = ("editors", "aggregates", "everyone")
DEFAULT_VISIBILITY: Visibility = "editors"
VISIBILITY_LABELS: dict[str, str] = {
    "editors": "Editors only",
    "aggregates": "In aggregates only",
    "everyone": "Everyone who uses this app",
}
VISIBILITY_HELP: dict[str, str] = {
    "editors": "Only signed-in editors see, open or download it; for anybody else it does "
    "not exist, and it counts in no peer median.",
    "aggregates": "Never shown under its name (except to editors); it may count in peer "
    "medians that rest on enough assessments.",
    "everyone": "Everyone who uses this app can see it by name, open it and download it.",
}


def parse_visibility(value: object) -> Visibility | None:
    """A visibility from a setting or a cell: the key or its label, any case; else None."""
    if value is None:
        return None
    text = " ".join(str(value).split()).casefold().replace("_", "-")
    for key, label in VISIBILITY_LABELS.items():
        if text in {key, label.casefold()}:
            return key  # type: ignore[return-value]
    aliases = {"editors-only": "editors", "public": "everyone", "aggregate": "aggregates"}
    return aliases.get(text)  # type: ignore[return-value]


@dataclass(frozen=True)
class Viewer:
    """Who is looking at the library."""

    editor: bool = False
    private: bool = False  # the deployment shows nothing of the library before sign-in

    @property
    def named(self) -> tuple[Visibility, ...]:
        """The visibilities this viewer may see by name (list, open, download, links)."""
        if self.editor:
            return VISIBILITIES
        return () if self.private else ("everyone",)

    @property
    def in_aggregates(self) -> tuple[Visibility, ...]:
        """The visibilities that may count, without a name, in this viewer's peer medians."""
        return () if self.private and not self.editor else ("aggregates",)

    @property
    def sees_nothing(self) -> bool:
        return not self.named and not self.in_aggregates


VISITOR = Viewer(editor=False)
EDITOR = Viewer(editor=True)
