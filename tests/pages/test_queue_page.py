"""'Moja kolejka' under AppTest on a copy of the demo database: a lead's queue, the detail
beside it, assign / answer / decide with the message under the button."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from dashboard.web import state
from db.engine import make_engine, now
from db.models import Proposal, User
from harness.apptest import DIRECTOR, LEAD, assert_no_exception, page_test


def _first_in_queue(at) -> int:
    return int(at.dataframe[0].value["id"].iloc[0])


def _stored(url: str, proposal_id: int):
    engine = make_engine(url)
    with engine.connect() as connection:
        row = connection.execute(
            select(
                Proposal.status, Proposal.assignee_id, Proposal.response_due, Proposal.public_answer
            ).where(Proposal.id == proposal_id)
        ).one()
    engine.dispose()
    return row


def test_queue_lists_the_leads_proposals_and_offers_no_forms_until_one_is_picked(demo_url):
    at = page_test("pages/kolejka.py", demo_url, actor=LEAD)
    at.run()
    assert_no_exception(at)
    queue = at.dataframe[0].value
    assert len(queue) > 0
    assert set(queue["subteam_id"]) == {1}
    assert set(queue["status"]) <= {"zgłoszona", "w ocenie", "przekazana do zaopiniowania"}
    assert "Zapisz przypisanie" not in [button.label for button in at.button]


def test_a_long_queue_lists_the_most_urgent_and_counts_every_one(demo_url, monkeypatch):
    from dashboard.queries import queue as qq

    every = qq.lead_queue(make_engine(demo_url), qq.queue_subteams(LEAD))
    monkeypatch.setattr(qq, "QUEUE_SHOWN", 3)
    at = page_test("pages/kolejka.py", demo_url, actor=LEAD)
    at.run()
    assert_no_exception(at)
    assert list(at.dataframe[0].value["id"]) == list(every["id"])[:3]
    captions = [caption.value for caption in at.caption]
    assert any(f"({len(every)} propozycj" in text for text in captions), captions
    assert "Lista pokazuje 3 najpilniejszych; kolejne dochodzą, gdy te zostaną rozpatrzone." in (
        captions
    )


def test_a_director_has_no_queue(demo_url):
    at = page_test("pages/kolejka.py", demo_url, actor=DIRECTOR)
    at.run()
    assert_no_exception(at)
    assert at.dataframe[0].value.empty if at.dataframe else True
    assert "Zapisz przypisanie" not in [button.label for button in at.button]


def test_lead_assigns_answers_and_decides_beside_the_list(demo_copy_url):
    at = page_test("pages/kolejka.py", demo_copy_url, actor=LEAD)
    at.run()
    proposal_id = _first_in_queue(at)
    at.session_state[state.QUEUE_OPEN.key] = proposal_id  # as a ticked row does
    at.run()
    assert_no_exception(at)

    assignee = next(box for box in at.selectbox if box.label == "Osoba odpowiedzialna")
    assert assignee.options == ["nikt", "Liderka podzespołu"]
    assignee.set_value(_user_id(demo_copy_url, "lider"))  # the widget's value is the user id
    due = now().date() + timedelta(days=10)
    at.date_input[0].set_value(due)
    _click(at, "Zapisz przypisanie")
    assert_no_exception(at)
    assert "Zapisano przypisanie: 1 propozycja." in [s.value for s in at.success]

    at.text_area[0].set_value("Dziękujemy, odpowiemy po posiedzeniu.")
    _click(at, "Zapisz odpowiedź")
    assert f"Zapisano odpowiedź do propozycji nr {proposal_id}." in [s.value for s in at.success]

    status = next(box for box in at.selectbox if box.label == "Nowy status")
    status.set_value("accepted")
    _click(at, "Zapisz decyzję")
    assert_no_exception(at)
    stored = _stored(demo_copy_url, proposal_id)
    assert stored.status == "accepted"
    assert stored.assignee_id is not None and stored.response_due == due
    assert stored.public_answer == "Dziękujemy, odpowiemy po posiedzeniu."
    # The decided proposal has left the queue, its detail stays open with the message.
    assert proposal_id not in set(at.dataframe[0].value["id"])
    assert any("przyjęta" in s.value for s in at.success)


def test_a_refusal_is_shown_under_its_button(demo_copy_url):
    at = page_test("pages/kolejka.py", demo_copy_url, actor=LEAD)
    at.run()
    at.session_state[state.QUEUE_OPEN.key] = _first_in_queue(at)
    at.run()
    at.date_input[0].set_value(now().date() - timedelta(days=3))
    _click(at, "Zapisz przypisanie")
    assert any("już minął" in e.value for e in at.error)


def _user_id(url: str, username: str) -> int:
    engine = make_engine(url)
    with engine.connect() as connection:
        found = connection.execute(select(User.id).where(User.username == username)).scalar_one()
    engine.dispose()
    return found


def _click(at, label: str) -> None:
    next(button for button in at.button if button.label == label).click().run()
