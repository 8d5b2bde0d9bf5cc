"""Realistic, deterministic demo data: ``seed_demo`` fills an empty, migrated database.

What it builds, one module each:

- ``teams``: the civil-society team, its four subteams, the 13 districts
- ``people``: subteam members (leads, deputies, experts) and other proposal authors
- ``milestones``: milestone plans giving each subteam its traffic light
- ``proposals`` and ``proposal_trail``: proposals and their audit trail of status changes
- ``congress`` and ``signups``: Congress editions, their sessions and sign-ups
- ``accounts``: one demo sign-in per role

and how: ``draws`` (the random stream, weighted picks), ``names`` (fictional names),
``text`` (the Polish vocabulary), ``seeding`` (build in order, refuse a database in
use, clear one), ``writer`` (bulk insert, COPY, sequences, search index).
"""

from db.demo.accounts import DEMO_PASSWORD, DEMO_USERS
from db.demo.congress import congress_editions, upcoming_edition
from db.demo.seeding import DemoDataError, clear_all_data, database_is_empty, seed_demo

__all__ = [
    "DEMO_PASSWORD",
    "DEMO_USERS",
    "DemoDataError",
    "clear_all_data",
    "congress_editions",
    "database_is_empty",
    "seed_demo",
    "upcoming_edition",
]
