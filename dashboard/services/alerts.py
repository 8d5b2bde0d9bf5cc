"""Overdue alerts: a milestone that turns late or at risk brings its subteam's leads one
e-mail — one per change of state, not one per run.

The job (``mail alerts``, run by a timer) compares each milestone's traffic light today
with the one stored in ``milestone_alerts`` when it last looked. It reads the data, not
the panel's actions, so it sees every writer's changes and the passing of time alike.
On the very first run (nothing stored yet) it only records the states: what was already
late before alerts existed is not news. A milestone added later and already at risk or
late is.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Engine, exists, insert, or_, select, update
from sqlalchemy.orm import Session

from dashboard.core.formatting import format_date
from dashboard.core.permissions import Actor, require_admin
from dashboard.core.progress_rules import AT_RISK, LATE, milestone_status
from dashboard.services.mail import Mail, queue
from db.engine import now as wall_clock_now
from db.engine import write_session
from db.models import Milestone, MilestoneAlert, Subteam, User, UserSubteam

KIND = "milestone_alert"
ALERTED = (AT_RISK, LATE)
STATE_TEXT = {
    AT_RISK: ("zagrożony", "termin minął niedawno albo mija w ciągu 7 dni"),
    LATE: ("opóźniony", "termin minął ponad 14 dni temu"),
}


@dataclass
class AlertReport:
    changed: int = 0
    queued: list[int] = field(default_factory=list)
    baseline: bool = False

    def summary(self) -> str:
        if self.baseline:
            return f"Zapisano stan {self.changed} kamieni milowych (pierwsze uruchomienie)."
        return f"Zmiany stanu: {self.changed}, powiadomienia w kolejce: {len(self.queued)}."


@dataclass(frozen=True)
class _Change:
    milestone_id: int
    subteam_id: int
    subteam: str
    title: str
    due_date: date
    status: str
    number: int  # the how-many-th change of this milestone's state


def leads_of(session: Session, subteam_id: int) -> list[tuple[int, str]]:
    """(user id, e-mail) of the enabled leads bound to the subteam who have an e-mail."""
    bound = exists().where(UserSubteam.user_id == User.id, UserSubteam.subteam_id == subteam_id)
    query = (
        select(User.id, User.email)
        .where(User.role == "lead", User.disabled.is_(False))
        .where(or_(User.subteam_id == subteam_id, bound))
        .where(User.email.is_not(None), User.email != "")
        .order_by(User.id)
    )
    return [(row.id, row.email) for row in session.execute(query)]


def _with_states():
    return (
        select(Milestone, Subteam.name, MilestoneAlert.status, MilestoneAlert.changes)
        .join(Subteam, Subteam.id == Milestone.subteam_id)
        .outerjoin(MilestoneAlert, MilestoneAlert.milestone_id == Milestone.id)
        .order_by(Milestone.id)
    )


def _differs(row, today: date) -> bool:
    milestone, _, stored, _ = row
    return milestone_status(milestone.due_date, milestone.done_on, today) != stored


def _anything_changed(engine: Engine, today: date) -> bool:
    """A read first: a run that finds nothing new writes nothing (every write empties the
    caches of every app process)."""
    with Session(engine) as session:
        return any(_differs(row, today) for row in session.execute(_with_states()))


def _changes(session: Session, today: date, moment: datetime) -> tuple[list[_Change], bool]:
    """Record every milestone whose state differs from the stored one; the changes and
    whether this was the first run."""
    first_run = session.execute(select(MilestoneAlert.milestone_id).limit(1)).first() is None
    found = []
    for row in session.execute(_with_states()).all():
        if not _differs(row, today):
            continue
        milestone, subteam, stored, count = row
        status = milestone_status(milestone.due_date, milestone.done_on, today)
        number = (count or 0) + 1
        if stored is None:
            session.execute(
                insert(MilestoneAlert).values(
                    milestone_id=milestone.id, status=status, changes=number, changed_at=moment
                )
            )
        else:
            session.execute(
                update(MilestoneAlert)
                .where(MilestoneAlert.milestone_id == milestone.id)
                .values(status=status, changes=number, changed_at=moment)
            )
        found.append(
            _Change(
                milestone.id,
                milestone.subteam_id,
                subteam,
                milestone.title,
                milestone.due_date,
                status,
                number,
            )  # fmt: skip
        )
    return found, first_run


def render(change: _Change, base_url: str) -> tuple[str, str]:
    """Subject and plain text of an alert."""
    word, why = STATE_TEXT[change.status]
    subject = f"Kamień milowy {word}: {change.title}"
    text = (
        f"Kamień milowy „{change.title}” (podzespół: {change.subteam}, termin "
        f"{format_date(change.due_date)}) jest teraz {word}: {why}.\n\n"
        f"Zaktualizuj go w panelu (oznacz jako wykonany albo przesuń termin): "
        f"{base_url.rstrip('/')}/postepy\n\n"
        "Ta wiadomość przychodzi raz, gdy stan kamienia milowego się zmieni.\n"
    )
    return subject, text


def check_milestones(
    engine: Engine, actor: Actor, base_url: str, *, now: datetime | None = None
) -> AlertReport:
    """Compare, record and queue the alerts in one transaction."""
    require_admin(actor)
    moment = now or wall_clock_now()
    report = AlertReport()
    if not _anything_changed(engine, moment.date()):
        return report
    with write_session(engine) as session:
        found, report.baseline = _changes(session, moment.date(), moment)
        report.changed = len(found)
        if report.baseline:
            return report
        for change in (change for change in found if change.status in ALERTED):
            subject, text = render(change, base_url)
            for user_id, address in leads_of(session, change.subteam_id):
                key = f"alert:milestone-{change.milestone_id}:{change.number}:user-{user_id}"
                message_id = queue(session, Mail(KIND, address, subject, text, dedupe_key=key))
                if message_id is not None:
                    report.queued.append(message_id)
    return report
