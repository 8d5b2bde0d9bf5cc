"""The thematic team and subteam choice of /postepy and /zespol, kept in the URL
(``?zespol=<slug>&podzespol=<slug>``, language-independent)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import web
from dashboard.queries.scope import Scope
from dashboard.ui.url_state import url_select

TEAM_PARAM = "zespol"
SUBTEAM_PARAM = "podzespol"
ALL = ""  # the "all" choice; a None option would show as an empty selectbox


def slug_select(label: str, param: str, names: dict[str, str], all_label: str) -> str | None:
    """A selectbox over slugs (shown by name) kept in the URL; ``None`` means all."""
    value = url_select(
        label,
        param,
        [ALL, *names],
        lambda slug: names.get(slug, all_label),
        key=f"progress_{param}",
    )
    return None if value == ALL else value


def scope_filters(subteams: pd.DataFrame) -> Scope:
    """Thematic team and subteam selectboxes; the subteam list follows the team."""
    teams = dict(zip(subteams["team_slug"], subteams["team_name"], strict=False))
    team_column, subteam_column = st.columns(2)
    with team_column:
        team_slug = slug_select(
            web.tr("common.thematic_team"), TEAM_PARAM, teams, web.tr("progress.filter.all_teams")
        )
    in_team = subteams if team_slug is None else subteams[subteams["team_slug"] == team_slug]
    with subteam_column:
        subteam_slug = slug_select(
            web.tr("common.subteam"),
            SUBTEAM_PARAM,
            dict(zip(in_team["slug"], in_team["name"], strict=True)),
            web.tr("progress.filter.all_subteams"),
        )
    team_id = _id_of(subteams, "team_slug", team_slug, "team_id")
    subteam_id = _id_of(subteams, "slug", subteam_slug, "id")
    return Scope.of(team_id, subteam_id)


def _id_of(frame: pd.DataFrame, column: str, slug: str | None, id_column: str) -> int | None:
    if slug is None:
        return None
    return int(frame.loc[frame[column] == slug, id_column].iloc[0])
