"""Every read that returns residents' or members' names and e-mails takes the asking person
and refuses anyone who is not an admin — before it touches the data."""

from __future__ import annotations

import pytest

from dashboard.core.errors import PermissionDenied
from dashboard.exports.signups import export_signups
from dashboard.queries import audit, signups, team, users
from dashboard.queries.proposals import ProposalFilters, export_rows, proposal_detail
from harness.apptest import ADMIN, DIRECTOR, LEAD, MEMBER

PERSONAL_READS = {
    "signup_list": lambda engine, actor: signups.signup_list(engine, actor, 2025),
    "signup_count": lambda engine, actor: signups.signup_count(engine, actor, 2025),
    "search_signups": lambda engine, actor: signups.search_signups(engine, actor, 2025, "a"),
    "checkin_counts": lambda engine, actor: signups.checkin_counts(engine, actor, 2025),
    "export_signups": lambda engine, actor: export_signups(engine, actor, 2025, "csv"),
    "list_users": lambda engine, actor: users.list_users(engine, actor),
    "recent_entries": lambda engine, actor: audit.recent_entries(engine, actor),
    "proposal_authors": lambda engine, actor: export_rows(engine, ProposalFilters(), actor),
    "member_emails": lambda engine, actor: team.member_list(engine, emails_for=actor),
    "proposal_author_email": lambda engine, actor: proposal_detail(engine, 1, emails_for=actor),
}


@pytest.mark.parametrize("read", PERSONAL_READS.values(), ids=PERSONAL_READS.keys())
@pytest.mark.parametrize("actor", [DIRECTOR, LEAD, MEMBER], ids=lambda actor: actor.role)
def test_a_non_admin_is_refused(demo_engine, read, actor):
    with pytest.raises(PermissionDenied):
        read(demo_engine, actor)


WITH_EMAILS = ("signup_list", "search_signups", "export_signups", "list_users",
               "proposal_authors", "member_emails")  # fmt: skip


@pytest.mark.parametrize("name", WITH_EMAILS)
def test_an_admin_gets_the_e_mails(demo_engine, name):
    result = PERSONAL_READS[name](demo_engine, ADMIN)
    text = result.decode("utf-8-sig") if isinstance(result, bytes) else result.to_csv()
    assert "@" in text


def test_an_admin_gets_a_proposal_author_s_e_mail(demo_engine):
    authored = next(
        detail
        for proposal_id in range(1, 200)
        if (detail := proposal_detail(demo_engine, proposal_id, emails_for=ADMIN))
        and detail.author_email
    )
    assert "@" in authored.author_email
    assert proposal_detail(demo_engine, authored.id).author_email is None


def test_an_admin_gets_the_counts_and_the_log(demo_engine):
    assert PERSONAL_READS["signup_count"](demo_engine, ADMIN) > 0
    assert PERSONAL_READS["checkin_counts"](demo_engine, ADMIN)["registered"] > 0
    assert {"at", "actor", "action"} <= set(PERSONAL_READS["recent_entries"](demo_engine, ADMIN))
