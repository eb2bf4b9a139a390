"""Join (participant): rate the capability the room is on, from a phone."""

from components.framework.model import default_framework
from components.ui.navigation import run_through_navigation
from components.ui.workshop_join import render_join_page

run_through_navigation()

render_join_page(default_framework())
