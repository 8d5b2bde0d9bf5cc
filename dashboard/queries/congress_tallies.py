"""/kongres's statements over the sign-up tallies (``db/tallies.py``) instead of the rows.

A few hundred tally rows per edition replace ~100 000 sign-ups. The tallies know each
sign-up's edition, category, status, attendance, okręg, age group, day of sign-up and
which days it holds; per session they know category, status and attendance. So every
filter but "one workshop" is served here (and the workshop with no day filter where
the session tallies suffice); ``dashboard.queries.congress`` counts rows for the rest.
Counts that fell to zero stay as rows: every grouping keeps only positive sums.
"""

from __future__ import annotations

from sqlalchemy import Engine, Float, Integer, case, cast, func, select

from db.models import Event, EventSession, SessionTally, SignupDayTally, SignupTally

TABLES_READ = ("signup_tallies", "signup_day_tallies", "session_tallies")
# The day masks of the sign-ups that hold a session of that day.
DAY_MASKS = {1: (1, 3), 2: (2, 3)}
DAY_PART_MASKS = (1, 2, 3)  # day 1 only, day 2 only, both
STATUSES = ("registered", "waitlisted", "cancelled")


def _event_id(edition: int):
    return select(Event.id).where(Event.edition == edition).scalar_subquery()


def sum_if(table, condition):
    """How many sign-ups the tally rows meeting ``condition`` count (0 for none)."""
    return func.coalesce(func.sum(case((condition, table.signups), else_=0)), 0)


def status_sums(table, statuses: tuple[str, ...] = STATUSES) -> list:
    """One labelled sum per status (``registered``, ``waitlisted``, ``cancelled``)."""
    return [sum_if(table, table.status == status).label(status) for status in statuses]


def conditions(table, edition: int | None, category: str | None, day: int | None) -> list:
    found = [] if edition is None else [table.event_id == _event_id(edition)]
    if category is not None:
        found.append(table.category == category)
    if day is not None:
        found.append(table.day_mask.in_(DAY_MASKS[day]))
    return found


def status_counts(edition: int, category: str | None, day: int | None):
    """Registered, waitlisted, cancelled (one row)."""
    tally = SignupTally
    return select(*status_sums(tally)).where(*conditions(tally, edition, category, day))


def workshop_status_counts(edition: int, category: str | None, workshop_id: int):
    """Registered, waitlisted, cancelled of one workshop's sign-ups (one row)."""
    tally = SessionTally
    filters = [tally.session_id == workshop_id, tally.event_id == _event_id(edition)]
    if category is not None:
        filters.append(tally.category == category)
    return select(*status_sums(tally)).where(*filters)


def counts_by_edition(category: str | None):
    """Per edition id: registered, waitlisted, cancelled (a subquery)."""
    tally = SignupTally
    return (
        select(tally.event_id, *status_sums(tally))
        .where(*conditions(tally, None, category, None))
        .group_by(tally.event_id)
        .subquery()
    )


def day_parts(edition: int, category: str | None, day: int | None):
    """Active sign-ups holding day 1 only, day 2 only, both (one row)."""
    tally = SignupTally
    return select(*(sum_if(tally, tally.day_mask == mask) for mask in DAY_PART_MASKS)).where(
        tally.status != "cancelled", *conditions(tally, edition, category, day)
    )


def session_counts(edition: int):
    """Per session of the edition's sign-ups: registered, waitlisted (a subquery)."""
    tally = SessionTally
    return (
        select(tally.session_id, *status_sums(tally, ("registered", "waitlisted")))
        .where(tally.event_id == _event_id(edition))
        .group_by(tally.session_id)
        .subquery()
    )


def cumulative(edition: int, category: str | None, day: int | None):
    """Active sign-ups per day of sign-up: date, signups, cumulative."""
    tally = SignupDayTally
    signups = func.sum(tally.signups)
    return (
        select(
            tally.signed_up_on.label("date"),
            signups.label("signups"),
            func.sum(signups).over(order_by=tally.signed_up_on).label("cumulative"),
        )
        .where(tally.status != "cancelled", *conditions(tally, edition, category, day))
        .group_by(tally.signed_up_on)
        .having(signups > 0)
        .order_by(tally.signed_up_on)
    )


def _days_before(engine: Engine):
    tally = SignupDayTally
    if engine.dialect.name == "sqlite":
        return cast(func.julianday(Event.starts_on) - func.julianday(tally.signed_up_on), Integer)
    return cast(Event.starts_on - tally.signed_up_on, Integer)


def comparison(engine: Engine, editions: list[int], category: str | None, day: int | None):
    """Active sign-ups of ``editions`` per days before each one's first day."""
    tally = SignupDayTally
    days_before = _days_before(engine)
    signups = func.sum(tally.signups)
    return (
        select(
            Event.edition,
            Event.name,
            days_before.label("days_before"),
            signups.label("signups"),
            func.sum(signups)
            .over(partition_by=Event.edition, order_by=days_before.desc())
            .label("cumulative"),
        )
        .join(Event, Event.id == tally.event_id)
        .where(
            tally.status != "cancelled",
            Event.edition.in_(editions),
            *conditions(tally, None, category, day),
        )
        .group_by(Event.edition, Event.name, days_before)
        .having(signups > 0)
        .order_by(Event.edition, days_before.desc())
    )


def active_by(column_name: str, edition: int, category: str | None, day: int | None):
    """Active sign-ups per ``district_id`` / ``age_group`` / ``category`` of the tallies
    (an empty okręg is 0, an empty age group NULL); only groups with sign-ups."""
    tally = SignupTally
    column = getattr(tally, column_name)
    if column_name == "age_group":
        column = func.nullif(column, "")
    signups = func.sum(tally.signups)
    return (
        select(column.label(column_name), signups.label("count"))
        .where(tally.status != "cancelled", *conditions(tally, edition, category, day))
        .group_by(column)
        .having(signups > 0)
    )


def _attendance(tally, grouped: bool):
    total = func.sum(tally.signups) if grouped else func.coalesce(func.sum(tally.signups), 0)
    missed = sum_if(tally, tally.came == 0)
    rate = case((total > 0, cast(missed, Float) / total), else_=None)
    return (
        sum_if(tally, tally.came == 1).label("came"),
        missed.label("did_not_come"),
        rate.label("no_show_rate"),
    )


def attendance_totals(edition: int, category: str | None, day: int | None):
    tally = SignupTally
    return select(*_attendance(tally, grouped=False)).where(
        tally.status == "registered", *conditions(tally, edition, category, day)
    )


def attendance_by_category(edition: int, category: str | None, day: int | None):
    tally = SignupTally
    return (
        select(tally.category, *_attendance(tally, grouped=True))
        .where(tally.status == "registered", *conditions(tally, edition, category, day))
        .group_by(tally.category)
        .having(func.sum(tally.signups) > 0)
    )


def attendance_by_workshop(edition: int, category: str | None):
    tally = SessionTally
    filters = [
        tally.status == "registered",
        tally.event_id == _event_id(edition),
        EventSession.kind == "workshop",
    ]
    if category is not None:
        filters.append(tally.category == category)
    return (
        select(EventSession.title, *_attendance(tally, grouped=True))
        .join(EventSession, EventSession.id == tally.session_id)
        .where(*filters)
        .group_by(EventSession.id, EventSession.title)
        .having(func.sum(tally.signups) > 0)
        .order_by(EventSession.title)
    )
