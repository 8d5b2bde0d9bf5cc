"""Congress sign-up tallies kept by database triggers (``db/tallies.py``).

Each row counts the sign-ups sharing its key; the triggers on ``signups``,
``signup_sessions`` and ``event_sessions`` add and subtract in the writer's own
transaction, whoever the writer is. A count may fall to zero and stay; readers sum.
No foreign keys: a tally outlives nothing it names, and must not block deleting it.

``day_mask``: 1 = the sign-up holds a day-1 session, 2 = a day-2 session, 3 = both,
0 = none. ``came``: 1 when ``attended`` is true. An empty okręg is ``district_id`` 0,
an empty age group ``''``.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class SignupTally(Base):
    """Sign-ups per edition × category × status × came × okręg × age group × days."""

    __tablename__ = "signup_tallies"

    event_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String(30), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    came: Mapped[int] = mapped_column(Integer, primary_key=True)
    district_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    age_group: Mapped[str] = mapped_column(String(10), primary_key=True)
    day_mask: Mapped[int] = mapped_column(Integer, primary_key=True)
    signups: Mapped[int] = mapped_column(Integer)


class SignupDayTally(Base):
    """Sign-ups per edition × day of registration × category × status × days."""

    __tablename__ = "signup_day_tallies"

    event_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    signed_up_on: Mapped[date] = mapped_column(Date, primary_key=True)
    category: Mapped[str] = mapped_column(String(30), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    day_mask: Mapped[int] = mapped_column(Integer, primary_key=True)
    signups: Mapped[int] = mapped_column(Integer)


class SessionTally(Base):
    """(Sign-up, session) pairs per session × the sign-up's edition × category × status × came."""

    __tablename__ = "session_tallies"

    session_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(Integer, primary_key=True)
    category: Mapped[str] = mapped_column(String(30), primary_key=True)
    status: Mapped[str] = mapped_column(String(20), primary_key=True)
    came: Mapped[int] = mapped_column(Integer, primary_key=True)
    signups: Mapped[int] = mapped_column(Integer)
