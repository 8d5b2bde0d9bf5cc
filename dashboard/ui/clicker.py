"""Keys of a presentation clicker on /prezentacja, as a Streamlit v2 component.

A USB clicker types ArrowRight/PageDown (forward) and ArrowLeft/PageUp (back); a keyboard
adds Space, Home and End. The component listens on the page (no iframe: v2 components
run in the app's document) and sends one trigger per key press; the page moves the
chart in the same run. Keys typed into a field or a list are left alone.
"""

from __future__ import annotations

import json

import streamlit as st

COMPONENT_KEY = "presentation_keys"
# Hidden: the listener needs no space on the projector page.
HIDDEN_CSS = f".st-key-{COMPONENT_KEY} {{display: none;}}"

KEY_ACTIONS = {
    "ArrowRight": "next",
    "PageDown": "next",
    " ": "next",
    "ArrowLeft": "previous",
    "PageUp": "previous",
    "Home": "first",
    "End": "last",
}

_JS = """
const ACTIONS = %s;
// Typing in a field, a list or a date picker must not change the slide.
const TYPING = 'input, textarea, select, [contenteditable="true"], [role="combobox"], '
  + '[role="listbox"], [role="option"], [role="slider"], [role="spinbutton"], [role="grid"]';
// Space and Enter on a button or link press that control instead.
const PRESSABLE = 'button, a, summary, [role="button"], [role="tab"], [role="checkbox"]';

// One listener per tab, installed once; each mount hands it its own setTriggerValue, so a
// key pressed while Streamlit re-mounts the component is not lost.
export default function ({ setTriggerValue }) {
  const keys = (window.__panelPresentationKeys ||= { send: null });
  keys.send = setTriggerValue;
  if (!keys.listening) {
    keys.listening = true;
    document.addEventListener('keydown', (event) => {
      const action = ACTIONS[event.key];
      if (!keys.send || !action || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.defaultPrevented) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target && target.closest(TYPING)) return;
      if (event.key === ' ' && target && target.closest(PRESSABLE)) return;
      if (document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      keys.send('action', action);
    });
  }
  document.documentElement.dataset.presentationKeys = 'listening';
  return () => {
    // Leaving /prezentacja: the keys do nothing elsewhere.
    if (keys.send === setTriggerValue) {
      keys.send = null;
      delete document.documentElement.dataset.presentationKeys;
    }
  };
}
"""


# Defined once, at import (defining it in the run would re-register it every rerun).
_COMPONENT = st.components.v2.component(
    "panel_presentation_keys", js=_JS % json.dumps(KEY_ACTIONS), isolate_styles=False
)


def pressed() -> str | None:
    """The action of the key pressed since the last run ("next", "previous", "first",
    "last"), or None."""
    result = _COMPONENT(key=COMPONENT_KEY, on_action_change=lambda: None)
    return getattr(result, "action", None)
