"""The thematic teams, the civil-society team's four subteams, and the 13 districts."""

from __future__ import annotations

from typing import Any

from db.demo import text as vocab


def team_rows() -> list[dict[str, Any]]:
    teams = (vocab.CIVIL_SOCIETY_TEAM, *vocab.OTHER_TEAMS)
    return [{"id": team_id, **team} for team_id, team in enumerate(teams, start=1)]


def subteam_rows() -> list[dict[str, Any]]:
    """The civil-society team (id 1) is the only one with subteams; id = position."""
    return [
        {"id": position, "team_id": 1, "position": position, **subteam}
        for position, subteam in enumerate(vocab.SUBTEAMS, start=1)
    ]


def district_rows() -> list[dict[str, Any]]:
    return [
        # A district's id is its number, so rows link to it without a lookup.
        {"id": number, "number": number, "name": name}
        for number, name, _weight in vocab.DISTRICTS
    ]
