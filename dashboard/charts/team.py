"""Team charts for /zespol: the mix of voices in each subteam.

Pure functions over the frames of ``dashboard.queries.team``; each returns an
un-configured ``alt.Chart`` with a title (``finalize`` is applied when drawn).
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from dashboard.charts.base import OKABE_ITO
from dashboard.charts.progress import share_text, share_x, subteam_axis
from dashboard.i18n import t
from db.models import MEMBER_ROLES, PARTICIPANT_CATEGORIES

# Nine categories: the eight Okabe–Ito colours and a neutral grey.
CATEGORY_COLOURS = (*OKABE_ITO, "#999999")
ROLE_COLOURS = ("#000000", "#0072B2", "#56B4E9", "#E69F00")
DIRECT_VOICE_COLOUR = "#0072B2"


def _subteam_y(subteams: list[str]) -> alt.Y:
    return alt.Y("subteam:N", sort=subteams, axis=subteam_axis())


def _breakdown_chart(
    frame: pd.DataFrame,
    column: str,
    codes: tuple[str, ...],
    label_prefix: str,
    colours,
    legend_key: str,
    title_key: str,
    lang: str,
) -> alt.Chart:
    """Members per subteam stacked by ``column`` (its ``codes`` in order, each labelled
    ``t(label_prefix + code)``), legend and colours in that order."""
    data = pd.DataFrame(
        {
            "subteam": frame["subteam"],
            "label": [t(f"{label_prefix}{code}", lang) for code in frame[column]],
            "rank": [codes.index(code) for code in frame[column]],
            "count": frame["count"].astype(int),
        }
    )
    labels = [t(f"{label_prefix}{code}", lang) for code in codes]
    legend_title = t(legend_key, lang)
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
        .properties(title=t(title_key, lang), height=alt.Step(36))
    )


def members_by_category_chart(members: pd.DataFrame, lang: str = "pl") -> alt.Chart:
    """Members per subteam stacked by participant category.

    ``members``: ``members_by_category`` rows (subteam, category, count).
    """
    return _breakdown_chart(
        members,
        "category",
        PARTICIPANT_CATEGORIES,
        "category.",
        CATEGORY_COLOURS,
        "progress.team.col.category",
        "progress.team.chart.categories_title",
        lang,
    )


def members_by_role_chart(roles: pd.DataFrame, lang: str = "pl") -> alt.Chart:
    """Members per subteam stacked by role (lead, deputy, member, expert).

    ``roles``: ``members_by_role`` rows (subteam, role, count).
    """
    return _breakdown_chart(
        roles,
        "role",
        MEMBER_ROLES,
        "member_role.",
        ROLE_COLOURS,
        "progress.team.col.role",
        "progress.team.chart.roles_title",
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
        f"{share_text(share, lang)} ({direct}/{members})"
        for share, direct, members in zip(
            data["share"], data["direct_voice"], data["members"], strict=True
        )
    ]
    base = alt.Chart(data).encode(
        y=_subteam_y(list(data["subteam"])),
        x=share_x("share", t("progress.team.chart.share_axis", lang)),
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
