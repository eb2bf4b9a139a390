"""Workshop (facilitator): open a live workshop, run it on the projector, take the result."""

from components.framework.model import default_framework
from components.ui.navigation import run_through_navigation
from components.ui.workshop_facilitator import render_facilitator_page

# A running workshop collapses the sidebar: app.py decides that (components/ui/page_frame.py).
run_through_navigation()

render_facilitator_page(default_framework())
