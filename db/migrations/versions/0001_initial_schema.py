"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-26 04:15:30.497474
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_settings")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=60), nullable=False),
        sa.Column("detail", sa.Text(), nullable=True),
        sa.Column("row_count", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)

    op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    op.create_table(
        "districts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_districts")),
        sa.UniqueConstraint("number", name=op.f("uq_districts_number")),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("edition", sa.Integer(), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("venue", sa.String(length=300), nullable=True),
        sa.Column("registration_open", sa.Boolean(), nullable=False),
        sa.Column("registration_closes_on", sa.Date(), nullable=True),
        sa.Column("target_signups", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("edition", name=op.f("uq_events_edition")),
    )
    op.create_table(
        "thematic_teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_thematic_teams")),
        sa.UniqueConstraint("slug", name=op.f("uq_thematic_teams_slug")),
    )
    op.create_table(
        "participants",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("organization", sa.String(length=300), nullable=True),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "category IN ('academia', 'district_council', 'ngo', 'business', 'city_office', 'womens_council', 'seniors_council', 'plenipotentiary', 'resident')",
            name=op.f("ck_participants_category"),
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["districts.id"], name=op.f("fk_participants_district_id_districts")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participants")),
    )
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_participants_district_id"), ["district_id"], unique=False
        )

    op.create_table(
        "signups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("age_group", sa.String(length=10), nullable=True),
        sa.Column("category", sa.String(length=30), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("consent_at", sa.DateTime(), nullable=True),
        sa.Column("photo_consent", sa.Boolean(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=True),
        sa.Column("anonymised_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "age_group IS NULL OR age_group IN ('<18', '18-24', '25-34', '35-44', '45-54', '55-64', '65+')",
            name=op.f("ck_signups_age_group"),
        ),
        sa.CheckConstraint(
            "category IN ('academia', 'district_council', 'ngo', 'business', 'city_office', 'womens_council', 'seniors_council', 'plenipotentiary', 'resident')",
            name=op.f("ck_signups_category"),
        ),
        sa.CheckConstraint(
            "status IN ('registered', 'waitlisted', 'cancelled')", name=op.f("ck_signups_status")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["districts.id"], name=op.f("fk_signups_district_id_districts")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_signups_event_id_events")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signups")),
        sa.UniqueConstraint("event_id", "email", name=op.f("uq_signups_event_id_email")),
    )
    with op.batch_alter_table("signups", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_signups_district_id"), ["district_id"], unique=False)
        batch_op.create_index("ix_signups_event_created", ["event_id", "created_at"], unique=False)

    op.create_table(
        "subteams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"], ["thematic_teams.id"], name=op.f("fk_subteams_team_id_thematic_teams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subteams")),
        sa.UniqueConstraint("slug", name=op.f("uq_subteams_slug")),
    )
    with op.batch_alter_table("subteams", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_subteams_team_id"), ["team_id"], unique=False)

    op.create_table(
        "event_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("subteam_id", sa.Integer(), nullable=True),
        sa.Column("capacity", sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('panel', 'workshop')", name=op.f("ck_event_sessions_kind")),
        sa.CheckConstraint(
            "capacity IS NULL OR capacity >= 0", name=op.f("ck_event_sessions_capacity")
        ),
        sa.CheckConstraint("day IN (1, 2)", name=op.f("ck_event_sessions_day")),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_sessions_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["subteam_id"], ["subteams.id"], name=op.f("fk_event_sessions_subteam_id_subteams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_sessions")),
    )
    with op.batch_alter_table("event_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_sessions_event_id"), ["event_id"], unique=False)

    op.create_table(
        "milestones",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subteam_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("done_on", sa.Date(), nullable=True),
        sa.Column("weight", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("weight > 0", name=op.f("ck_milestones_weight_positive")),
        sa.ForeignKeyConstraint(
            ["subteam_id"], ["subteams.id"], name=op.f("fk_milestones_subteam_id_subteams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestones")),
    )
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_milestones_subteam_id"), ["subteam_id"], unique=False)

    op.create_table(
        "proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subteam_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=500), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=30), nullable=False),
        sa.Column("source", sa.String(length=30), nullable=False),
        sa.Column("author_participant_id", sa.Integer(), nullable=True),
        sa.Column("district_id", sa.Integer(), nullable=True),
        sa.Column("strategic_area", sa.String(length=200), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("import_key", sa.String(length=64), nullable=True),
        sa.CheckConstraint(
            "source IN ('congress', 'workshop', 'meeting', 'online_form', 'district_council', 'ngo', 'email', 'city_office')",
            name=op.f("ck_proposals_source"),
        ),
        sa.CheckConstraint(
            "status IN ('submitted', 'in_review', 'consulted', 'accepted', 'partially_accepted', 'rejected', 'merged', 'included')",
            name=op.f("ck_proposals_status"),
        ),
        sa.ForeignKeyConstraint(
            ["author_participant_id"],
            ["participants.id"],
            name=op.f("fk_proposals_author_participant_id_participants"),
        ),
        sa.ForeignKeyConstraint(
            ["district_id"], ["districts.id"], name=op.f("fk_proposals_district_id_districts")
        ),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["proposals.id"], name=op.f("fk_proposals_merged_into_id_proposals")
        ),
        sa.ForeignKeyConstraint(
            ["subteam_id"], ["subteams.id"], name=op.f("fk_proposals_subteam_id_subteams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposals")),
        sa.UniqueConstraint("import_key", name=op.f("uq_proposals_import_key")),
    )
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_proposals_author_participant_id"),
            ["author_participant_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_proposals_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_proposals_district_id"), ["district_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_proposals_source"), ["source"], unique=False)
        batch_op.create_index(batch_op.f("ix_proposals_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_proposals_strategic_area"), ["strategic_area"], unique=False
        )
        batch_op.create_index("ix_proposals_subteam_status", ["subteam_id", "status"], unique=False)

    op.create_table(
        "subteam_members",
        sa.Column("subteam_id", sa.Integer(), nullable=False),
        sa.Column("participant_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.CheckConstraint(
            "role IN ('lead', 'deputy', 'member', 'expert')", name=op.f("ck_subteam_members_role")
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participants.id"],
            name=op.f("fk_subteam_members_participant_id_participants"),
        ),
        sa.ForeignKeyConstraint(
            ["subteam_id"], ["subteams.id"], name=op.f("fk_subteam_members_subteam_id_subteams")
        ),
        sa.PrimaryKeyConstraint("subteam_id", "participant_id", name=op.f("pk_subteam_members")),
    )
    with op.batch_alter_table("subteam_members", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_subteam_members_participant_id"), ["participant_id"], unique=False
        )

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=100), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("subteam_id", sa.Integer(), nullable=True),
        sa.Column("failed_logins", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("is_demo", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint(
            "role IN ('admin', 'director', 'lead', 'member')", name=op.f("ck_users_role")
        ),
        sa.ForeignKeyConstraint(
            ["subteam_id"], ["subteams.id"], name=op.f("fk_users_subteam_id_subteams")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "milestone_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("milestone_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("change", sa.String(length=30), nullable=False),
        sa.Column("old_value", sa.String(length=100), nullable=True),
        sa.Column("new_value", sa.String(length=100), nullable=True),
        sa.ForeignKeyConstraint(
            ["milestone_id"],
            ["milestones.id"],
            name=op.f("fk_milestone_events_milestone_id_milestones"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_milestone_events")),
    )
    with op.batch_alter_table("milestone_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_milestone_events_at"), ["at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_milestone_events_milestone_id"), ["milestone_id"], unique=False
        )

    op.create_table(
        "proposal_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("proposal_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("from_status", sa.String(length=30), nullable=True),
        sa.Column("to_status", sa.String(length=30), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["proposal_id"], ["proposals.id"], name=op.f("fk_proposal_events_proposal_id_proposals")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_proposal_events")),
    )
    with op.batch_alter_table("proposal_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_proposal_events_at"), ["at"], unique=False)
        batch_op.create_index("ix_proposal_events_proposal_at", ["proposal_id", "at"], unique=False)

    op.create_table(
        "signup_sessions",
        sa.Column("signup_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["event_sessions.id"],
            name=op.f("fk_signup_sessions_session_id_event_sessions"),
        ),
        sa.ForeignKeyConstraint(
            ["signup_id"], ["signups.id"], name=op.f("fk_signup_sessions_signup_id_signups")
        ),
        sa.PrimaryKeyConstraint("signup_id", "session_id", name=op.f("pk_signup_sessions")),
    )
    with op.batch_alter_table("signup_sessions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_signup_sessions_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "user_subteams",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("subteam_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["subteam_id"], ["subteams.id"], name=op.f("fk_user_subteams_subteam_id_subteams")
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_subteams_user_id_users")
        ),
        sa.PrimaryKeyConstraint("user_id", "subteam_id", name=op.f("pk_user_subteams")),
    )
    op.bulk_insert(
        sa.table("data_version", sa.column("id", sa.Integer), sa.column("version", sa.Integer)),
        [{"id": 1, "version": 0}],
    )


def downgrade() -> None:
    op.drop_table("user_subteams")
    with op.batch_alter_table("signup_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_signup_sessions_session_id"))

    op.drop_table("signup_sessions")
    with op.batch_alter_table("proposal_events", schema=None) as batch_op:
        batch_op.drop_index("ix_proposal_events_proposal_at")
        batch_op.drop_index(batch_op.f("ix_proposal_events_at"))

    op.drop_table("proposal_events")
    with op.batch_alter_table("milestone_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestone_events_milestone_id"))
        batch_op.drop_index(batch_op.f("ix_milestone_events_at"))

    op.drop_table("milestone_events")
    op.drop_table("users")
    with op.batch_alter_table("subteam_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subteam_members_participant_id"))

    op.drop_table("subteam_members")
    with op.batch_alter_table("proposals", schema=None) as batch_op:
        batch_op.drop_index("ix_proposals_subteam_status")
        batch_op.drop_index(batch_op.f("ix_proposals_strategic_area"))
        batch_op.drop_index(batch_op.f("ix_proposals_status"))
        batch_op.drop_index(batch_op.f("ix_proposals_source"))
        batch_op.drop_index(batch_op.f("ix_proposals_district_id"))
        batch_op.drop_index(batch_op.f("ix_proposals_created_at"))
        batch_op.drop_index(batch_op.f("ix_proposals_author_participant_id"))

    op.drop_table("proposals")
    with op.batch_alter_table("milestones", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_milestones_subteam_id"))

    op.drop_table("milestones")
    with op.batch_alter_table("event_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_sessions_event_id"))

    op.drop_table("event_sessions")
    with op.batch_alter_table("subteams", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_subteams_team_id"))

    op.drop_table("subteams")
    with op.batch_alter_table("signups", schema=None) as batch_op:
        batch_op.drop_index("ix_signups_event_created")
        batch_op.drop_index(batch_op.f("ix_signups_district_id"))

    op.drop_table("signups")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participants_district_id"))

    op.drop_table("participants")
    op.drop_table("thematic_teams")
    op.drop_table("events")
    op.drop_table("districts")
    op.drop_table("data_version")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("app_settings")
