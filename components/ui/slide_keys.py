"""A presentation clicker's keys press the page's own Previous and Next buttons.

Why: facilitators move slides with a clicker, which sends ArrowRight or PageDown (some send
Space) for the next slide and ArrowLeft or PageUp for the previous one. Streamlit has no key
bindings for buttons, so a small component listens to the keys in the app's document and
clicks the page's Previous or Next button, found by its key's class (``st-key-<key>``): a key
does exactly what the button does (the slide, the address, the scroll to the top), and a
disabled button (the first or the last slide) does nothing.

Keys are left alone while the person types or picks (a text box, a select box, a toggle, a
table's cells), with a modifier held (Alt+ArrowLeft is the browser's Back), and Space on a
focused button or link (which Space presses itself). The listener is installed once per
browser tab and replaced, never added again, on every rerun; the component's cleanup removes
it when the page is left (Streamlit's page switch keeps the document), and a key pressed on a
page without the buttons clicks nothing anyway.
"""

from __future__ import annotations

import functools
from typing import Any

import streamlit as st

from components.ui.history import in_browser

NEXT_KEYS = ("ArrowRight", "PageDown", " ")
PREVIOUS_KEYS = ("ArrowLeft", "PageUp")

_KEYS_JS = """
export default function ({ data }) {
  const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], '
    + '[role="combobox"], [role="listbox"], [role="option"], [role="slider"], '
    + '[role="grid"], [role="menu"], [role="radiogroup"], [role="tablist"], [role="dialog"]';
  const PRESSABLE = 'button, a, summary, [role="button"]';
  const onKey = (event) => {
    if (event.defaultPrevented || event.repeat || event.isComposing
        || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    const key = data.next.includes(event.key) ? data.next_button
      : data.previous.includes(event.key) ? data.previous_button : null;
    if (key === null) { return; }
    const target = event.target instanceof Element ? event.target : null;
    if (target && target.closest(TYPING)) { return; }
    if (event.key === ' ' && target && target.closest(PRESSABLE)) { return; }
    const button = document.querySelector(`[data-testid="stMain"] .st-key-${key} button`);
    if (!button || button.disabled) { return; }
    event.preventDefault();
    button.click();
  };
  // One listener per tab: a rerun that calls this again replaces the one before.
  if (window.__mnrSlideKeys) {
    document.removeEventListener('keydown', window.__mnrSlideKeys);
  }
  window.__mnrSlideKeys = onKey;
  document.addEventListener('keydown', onKey);
  return () => {
    document.removeEventListener('keydown', onKey);
    if (window.__mnrSlideKeys === onKey) { window.__mnrSlideKeys = null; }
  };
}
"""


@functools.cache
def _listener() -> Any:
    # Registered on first use, not at import.
    return st.components.v2.component("mnr_slide_keys", js=_KEYS_JS, isolate_styles=False)


def follow_slide_keys(previous_key: str, next_key: str) -> None:
    """Called right after a page's Previous and Next buttons (keyed ``previous_key`` and
    ``next_key``): in a browser, a clicker's keys press them."""
    if not in_browser(st.context.headers.get("User-Agent")):
        return
    key = f"slide_keys_{next_key}"
    # The component draws nothing: no gap under the buttons (a style alone takes no place).
    st.html(f"<style>.st-key-{key} {{ display: none; }}</style>")
    _listener()(
        key=key,
        data={
            "next": list(NEXT_KEYS),
            "previous": list(PREVIOUS_KEYS),
            "next_button": next_key,
            "previous_button": previous_key,
        },
        height=0,
    )
