"""Widgets whose values live in the URL, so a shared link opens the same view.

A widget is preset from the URL on its first show; afterwards the widget leads and the
URL is rewritten from it. Values in the URL are language-independent codes (slugs,
numbers, status codes), so a link works in either language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import streamlit as st

from dashboard.web import state


def seed(key: str, value: object) -> None:
    """Preset the widget ``key`` on its first show; later runs keep the person's choice."""
    slot = state.widget(key)
    if not slot.is_set():
        slot.set(value)


def write_params(wanted: Mapping[str, str | list[str] | None]) -> None:
    """Give each URL parameter its wanted value (a list repeats the parameter; None or
    empty removes it), touching only those that differ."""
    for name, target in wanted.items():
        target_list = target if isinstance(target, list) else ([target] if target else [])
        if st.query_params.get_all(name) == target_list:
            continue
        if target_list:
            st.query_params[name] = target
        else:
            st.query_params.pop(name, None)


def url_select(
    label: str,
    param: str,
    options: list,
    format_func: Callable[[object], str],
    *,
    key: str,
    placeholder: str | None = None,
) -> object:
    """A selectbox whose choice is ``?param=<option>``. The first option is the default
    and stays out of the URL; so does a choice no longer offered (e.g. a subteam outside
    the newly chosen team), which falls back to the default."""
    slot = state.widget(key)
    if not slot.is_set():
        wanted = st.query_params.get(param)
        slot.set(next((option for option in options if str(option) == wanted), options[0]))
    elif slot.get() not in options:
        slot.set(options[0])
    value = st.selectbox(label, options, key=key, format_func=format_func, placeholder=placeholder)
    write_params({param: None if value == options[0] else str(value)})
    return value
