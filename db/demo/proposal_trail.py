"""A proposal's audit trail: one ``proposal_events`` row per status change — who made
it, when, and the note they left — and which proposal a merged one joined."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from db.demo import text as vocab
from db.demo.accounts import LEAD_ACCOUNT, LEAD_SUBTEAM
from db.demo.draws import DemoRun, at

REVIEW_PATH = ("submitted", "in_review", "consulted")
# Sources whose proposals an administrator typed in from cards, forms or mail.
IMPORTED_SOURCES = ("congress", "workshop", "online_form", "email")


class ProposalTrail:
    """Records proposals in id order; a merged one joins an earlier, recorded one."""

    def __init__(self, run: DemoRun, lead_names: dict[int, str]) -> None:
        self.run = run
        self.lead_names = lead_names
        self.events: list[dict[str, Any]] = []
        # (subteam, strategic area or None for any area) -> proposals open to a merge
        self._merge_targets: dict[tuple[int, str | None], list[dict[str, Any]]] = {}

    def record(self, proposal: dict[str, Any]) -> None:
        """Add the proposal's events along its ``path``; set its ``updated_at``."""
        merged_into = self._settle_merge(proposal)
        path = proposal["path"]
        moment = proposal["created_at"]
        self._add_event(proposal, moment, None, path[0], self._created_note(proposal))
        for from_status, to_status in zip(path, path[1:], strict=False):
            moment = self._advance(moment)
            note = self._transition_note(to_status, merged_into)
            self._add_event(proposal, moment, from_status, to_status, note)
        proposal["updated_at"] = moment
        if proposal["status"] != "merged":  # merge into live proposals, never into chains
            for area in (None, proposal["strategic_area"]):
                self._merge_targets.setdefault((proposal["subteam_id"], area), []).append(proposal)

    def _settle_merge(self, proposal: dict[str, Any]) -> dict[str, Any] | None:
        """The proposal a merged one joins; with none to join, it is rejected instead."""
        if proposal["path"][-1] != "merged":
            return None
        target = self._merge_target(proposal)
        if target is None:  # the first proposal of its subteam: nothing to merge into
            proposal["path"] = (*REVIEW_PATH, "rejected")
            proposal["status"] = "rejected"
        else:
            proposal["merged_into_id"] = target["id"]
        return target

    def _merge_target(self, proposal: dict[str, Any]) -> dict[str, Any] | None:
        """An earlier proposal of the same subteam, preferably of the same strategic area."""
        subteam = proposal["subteam_id"]
        same_area = self._merge_targets.get((subteam, proposal["strategic_area"]))
        candidates = same_area or self._merge_targets.get((subteam, None))
        return self.run.rng.choice(candidates) if candidates else None

    def _advance(self, moment: datetime) -> datetime:
        """A later moment, a share of the remaining time ahead, in office hours."""
        rng, latest = self.run.rng, self.run.latest
        days_left = (latest.date() - moment.date()).days
        if days_left >= 2:
            step = max(1, round(days_left * rng.uniform(0.08, 0.45)))
            later = at(moment.date() + timedelta(days=step), rng.randint(8, 17), rng.randint(0, 59))
        else:
            later = moment + timedelta(minutes=rng.randint(5, 90))
        return min(later, latest)

    def _add_event(
        self,
        proposal: dict[str, Any],
        moment: datetime,
        from_status: str | None,
        to_status: str,
        note: str | None,
    ) -> None:
        self.events.append(
            {
                "id": len(self.events) + 1,
                "proposal_id": proposal["id"],
                "at": moment,
                "actor": self._actor(proposal, from_status, to_status),
                "from_status": from_status,
                "to_status": to_status,
                "note": note,
            }
        )

    def _actor(self, proposal: dict[str, Any], from_status: str | None, to_status: str) -> str:
        if from_status is None and proposal["source"] in IMPORTED_SOURCES:
            return "admin"
        if to_status == "included":
            return "dyrektor"
        subteam = proposal["subteam_id"]
        # The demo lead account works in the panel for its subteam's lead.
        return LEAD_ACCOUNT if subteam == LEAD_SUBTEAM else self.lead_names[subteam]

    def _created_note(self, proposal: dict[str, Any]) -> str:
        template = vocab.CREATED_NOTES[proposal["source"]]
        edition = "I" if proposal["created_at"].year == 2024 else "II"
        return template.format(edition=edition)

    def _transition_note(self, to_status: str, merged_into: dict[str, Any] | None) -> str | None:
        rng = self.run.rng
        if to_status == "merged":
            return vocab.MERGED_NOTE.format(
                target_id=merged_into["id"], target_title=merged_into["title"]
            )
        if to_status == "consulted":
            return vocab.CONSULTED_NOTE.format(unit=rng.choice(vocab.OPINION_UNITS))
        if to_status == "included":
            goal = f"{rng.randint(1, 4)}.{rng.randint(1, 6)}"
            return vocab.INCLUDED_NOTE.format(goal=goal)
        return rng.choice(vocab.NOTES_BY_STATUS[to_status])
