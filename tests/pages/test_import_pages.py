"""The import section of /admin under AppTest: form exports, notes, and mapping a value once."""

from __future__ import annotations

from sqlalchemy import select

from db.models import ImportMapping, Proposal, Signup
from harness.apptest import ADMIN, LEAD, assert_no_exception, page_test, section
from tests.support.imports import FIXTURES, add_reference_data, count

IMPORTS = section("imports.section")  # the /admin tab these tests use


def notes_on_screen(at) -> list[str]:
    """The lines of the "read as" table of the checked file."""
    tables = [frame.value for frame in at.dataframe if "Odczytano" in frame.value.columns]
    return tables[-1]["Odczytano"].tolist() if tables else []


def upload_and_check(at, kind: str, name: str, prefix: str = "imports"):
    data = (FIXTURES / name).read_bytes()
    at.file_uploader(key=f"{prefix}_file_{kind}").upload(name, data, "text/csv").run()
    at.button(key=f"{prefix}_check").click().run()
    assert_no_exception(at)
    return at


def test_an_unknown_okreg_is_mapped_once_on_admin_and_the_next_check_uses_it(sqlite_engine):
    add_reference_data(sqlite_engine)
    at = page_test(
        "pages/admin.py", str(sqlite_engine.url), actor=ADMIN, query_params=IMPORTS
    ).run()
    upload_and_check(at, "proposals", "proposals_forms.csv")

    problems = at.dataframe[-1].value
    assert problems["Wiersz"].tolist() == ["6"]
    assert "nieznany okręg „Śródmieście”" in problems["Problem"].iloc[0]
    assert not [button for button in at.button if button.key == "imports_confirm"]
    choice = at.selectbox(key="imports_map_0")
    assert "„Śródmieście” (Osiedle, wiersze 6)" in choice.label
    assert choice.value == ""  # nothing close: no preselected guess
    choice.set_value("3").run()
    at.button(key="imports_map_save").click().run()
    assert_no_exception(at)

    with sqlite_engine.connect() as connection:
        stored = connection.execute(
            select(ImportMapping.kind, ImportMapping.value, ImportMapping.target)
        ).all()
    assert stored == [("district", "Śródmieście", "3")]
    assert any("Zapamiętane przypisania: 1" in message.value for message in at.success)
    # checked again: no problem left, the mapping is noted, the import can be confirmed
    notes = notes_on_screen(at)
    assert any("„Śródmieście” odczytano jako „3 – Stare Miasto" in note for note in notes)
    assert any("„Warsztat Kongresu” odczytano jako „Kongres Dialogu”" in note for note in notes)
    at.button(key="imports_confirm").click().run()
    assert_no_exception(at)
    with sqlite_engine.connect() as connection:
        playground = connection.execute(
            select(Proposal.district_id).where(Proposal.title == "Plac zabaw w centrum")
        ).scalar_one()
    assert playground == 3 and count(sqlite_engine, Proposal) == 5

    # the next file with the same value needs no mapping; the list shows what was saved
    fresh = page_test(
        "pages/admin.py", str(sqlite_engine.url), actor=ADMIN, query_params=IMPORTS
    ).run()
    assert any("Zapamiętane przypisania wartości" in box.label for box in fresh.expander)
    [saved] = [f.value for f in fresh.dataframe if "Wartość w pliku" in f.value.columns]
    assert saved[["Wartość w pliku", "Oznacza"]].values.tolist() == [
        ["Śródmieście", "3 – Stare Miasto i Jakubskie Przedmieście"]
    ]


def test_a_suggestion_is_preselected_and_a_google_forms_export_imports_with_notes(sqlite_engine):
    add_reference_data(sqlite_engine)
    at = page_test(
        "pages/admin.py", str(sqlite_engine.url), actor=ADMIN, query_params=IMPORTS
    ).run()
    at.segmented_control(key="imports_kind").set_value("signups").run()
    upload_and_check(at, "signups", "signups_form_problems.csv")

    offered = {
        box.label: box.value for box in at.selectbox if (box.key or "").startswith("imports_map_")
    }
    rubinkowoo = next(value for label, value in offered.items() if "Rubinkowoo" in label)
    assert rubinkowoo == "5"  # "czy chodziło o 5 – Rubinkowo?" preselected
    assert count(sqlite_engine, Signup) == 0

    at.file_uploader(key="imports_file_signups").set_value(
        ("google.csv", (FIXTURES / "signups_google_forms.csv").read_bytes(), "text/csv")
    ).run()
    at.button(key="imports_check").click().run()
    notes = notes_on_screen(at)
    assert "Wiek: wiek „33” zapisano jako grupę 25-34 (wiersze 3)" in notes
    assert not [box for box in at.selectbox if (box.key or "").startswith("imports_map_")]
    at.button(key="imports_confirm").click().run()
    assert_no_exception(at)
    assert count(sqlite_engine, Signup) == 6


def test_a_lead_sees_the_suggestion_but_no_mapping_offer(sqlite_engine):
    add_reference_data(sqlite_engine)
    at = page_test("pages/propozycje.py", str(sqlite_engine.url), actor=LEAD).run()
    upload_and_check(at, "proposals", "proposals_forms.csv", prefix="prop_import")

    [problems] = [f.value for f in at.dataframe if "Problem" in f.value.columns]
    assert any("nieznany okręg „Śródmieście”" in reason for reason in problems["Problem"])
    assert not [box for box in at.selectbox if "_map_" in (box.key or "")]
    assert count(sqlite_engine, ImportMapping) == 0
