"""Minimal reference data for import tests: the team, 4 subteams, 13 okręgi, 2 editions."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine, func, insert, select

from dashboard.core.settings import PROJECT_ROOT
from db.demo.text import DISTRICTS, SUBTEAMS, WORKSHOPS
from db.engine import write_session
from db.models import District, Event, EventSession, Subteam, ThematicTeam

FIXTURES = PROJECT_ROOT / "tests" / "fixtures"


def add_reference_data(engine: Engine) -> None:
    with write_session(engine) as session:
        session.execute(
            insert(ThematicTeam).values(id=1, name="Zespół ds. społeczeństwa", slug="spoleczenstwo")
        )
        session.execute(
            insert(Subteam),
            [
                {"id": n, "team_id": 1, "name": s["name"], "slug": s["slug"], "position": n}
                for n, s in enumerate(SUBTEAMS, start=1)
            ],
        )
        session.execute(
            insert(District),
            [{"id": number, "number": number, "name": name} for number, name, _w in DISTRICTS],
        )
        for edition, starts_on in ((1, date(2024, 9, 10)), (2, date(2025, 9, 29))):
            year = starts_on.year
            session.execute(
                insert(Event).values(
                    id=edition,
                    name=f"{edition}. Toruński Kongres Dialogu",
                    edition=year,
                    starts_on=starts_on,
                    ends_on=starts_on.replace(day=starts_on.day + 1),
                )
            )
            session.execute(
                insert(EventSession),
                [
                    {
                        "event_id": edition,
                        "day": 2,
                        "kind": "workshop",
                        "title": title,
                        "subteam_id": subteam,
                        "capacity": capacity,
                    }
                    for title, subteam, capacity, _target in WORKSHOPS[edition]
                ],
            )
            session.execute(
                insert(EventSession),
                [
                    {"event_id": edition, "day": day, "kind": "panel", "title": f"Panel dnia {day}"}
                    for day in (1, 2)
                ],
            )


def count(engine: Engine, model) -> int:
    with engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(model)).scalar_one()
