"""Team charts for /zespol: the mix of voices in each subteam.

Pure functions over the frames of ``dashboard.queries.team``; each returns an
un-configured ``alt.Chart`` with a title (``finalize`` is applied when drawn).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.base import OKABE_ITO
from dashboard.i18n import format_percent, t
from db.models import MEMBER_ROLES, PARTICIPANT_CATEGORIES

SUBTEAM_LABEL_LIMIT = 320
SHARE_AXIS_END = 1.4
SHARE_TICKS = [0, 0.2, 0.4, 0.6, 0.8, 1.0]
# Nine categories: the eight Okabe–Ito colours and a neutral grey.
CATEGORY_COLOURS = (*OKABE_ITO, "#999999")
ROLE_COLOURS = ("#000000", "#0072B2", "#56B4E9", "#E69F00")
DIRECT_VOICE_COLOUR = "#0072B2"


def _subteam_y(subteams: list[str]) -> alt.Y:
    return alt.Y(
        "subteam:N",
        sort=subteams,
        axis=alt.Axis(title=None, labelLimit=SUBTEAM_LABEL_LIMIT),
    )


def _stacked_bar(
    data: pd.DataFrame, labels: list[str], colours, legend_title: str, title: str, lang: str
) -> alt.Chart:
    subteams = list(dict.fromkeys(data["subteam"]))
    return (
        alt.Chart(data)
        .mark_bar(stroke="white", strokeWidth=1)
        .encode(
            y=_subteam_y(subteams),
            x=alt.X("sum(count):Q", title=t("progress.team.chart.people_axis", lang)),
            color=alt.Color(
                "label:N",
                title=legend_title,
                scale=alt.Scale(domain=labels, range=list(colours)[: len(labels)]),
                legend=alt.Legend(orient="bottom", columns=3),
            ),
            order=alt.Order("rank:Q"),
            tooltip=[
                alt.Tooltip("subteam:N", title=t("common.subteam", lang)),
                alt.Tooltip("label:N", title=legend_title),
                alt.Tooltip("count:Q", title=t("common.count", lang)),
            ],
        )
        .properties(title=title, height=alt.Step(36))
    )


def members_by_category_chart(members: pd.DataFrame, lang: str = "pl") -> alt.Chart:
    """Members per subteam stacked by participant category.

    ``members``: ``members_by_category`` rows (subteam, category, count).
    """
    data = pd.DataFrame(
        {
            "subteam": members["subteam"],
            "label": [t(f"category.{c}", lang) for c in members["category"]],
            "rank": [PARTICIPANT_CATEGORIES.index(c) for c in members["category"]],
            "count": members["count"].astype(int),
        }
    )
    labels = [t(f"category.{c}", lang) for c in PARTICIPANT_CATEGORIES]
    return _stacked_bar(
        data,
        labels,
        CATEGORY_COLOURS,
        t("progress.team.col.category", lang),
        t("progress.team.chart.categories_title", lang),
        lang,
    )


def members_by_role_chart(roles: pd.DataFrame, lang: str = "pl") -> alt.Chart:
    """Members per subteam stacked by role (lead, deputy, member, expert).

    ``roles``: ``members_by_role`` rows (subteam, role, count).
    """
    data = pd.DataFrame(
        {
            "subteam": roles["subteam"],
            "label": [t(f"member_role.{r}", lang) for r in roles["role"]],
            "rank": [MEMBER_ROLES.index(r) for r in roles["role"]],
            "count": roles["count"].astype(int),
        }
    )
    labels = [t(f"member_role.{r}", lang) for r in MEMBER_ROLES]
    return _stacked_bar(
        data,
        labels,
        ROLE_COLOURS,
        t("progress.team.col.role", lang),
        t("progress.team.chart.roles_title", lang),
        lang,
    )


def direct_voice_chart(shares: pd.DataFrame, lang: str = "pl") -> alt.LayerChart:
    """Share of members who bring residents' direct voice, per subteam, labelled in %.

    ``shares``: ``direct_voice_share`` rows (subteam, members, direct_voice, share).
    """
    data = pd.DataFrame(
        {
            "subteam": shares["subteam"],
            "share": shares["share"].astype(float),
            "direct_voice": shares["direct_voice"].astype(int),
            "members": shares["members"].astype(int),
        }
    )
    data["text"] = [
        f"{format_percent(share) if lang == 'pl' else f'{share:.0%}'} ({direct}/{members})"
        for share, direct, members in zip(
            data["share"], data["direct_voice"], data["members"], strict=True
        )
    ]
    base = alt.Chart(data).encode(
        y=_subteam_y(list(data["subteam"])),
        x=alt.X(
            "share:Q",
            title=t("progress.team.chart.share_axis", lang),
            # Room right of a full bar for its text label; the axis still ends at 100 %.
            scale=alt.Scale(domain=[0, SHARE_AXIS_END]),
            axis=alt.Axis(format="%", values=SHARE_TICKS),
        ),
    )
    bars = base.mark_bar(color=DIRECT_VOICE_COLOUR).encode(
        tooltip=[
            alt.Tooltip("subteam:N", title=t("common.subteam", lang)),
            alt.Tooltip("text:N", title=t("progress.team.col.share", lang)),
        ]
    )
    labels = base.mark_text(align="left", dx=6, color="#1B2631").encode(text=alt.Text("text:N"))
    return alt.layer(bars, labels).properties(
        title=alt.Title(
            t("progress.team.chart.voices_title", lang),
            subtitle=t("progress.team.chart.voices_subtitle", lang),
        ),
        height=alt.Step(36),
    )
