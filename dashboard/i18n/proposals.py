"""Labels of the proposals area (/propozycje, review, export, similar proposals)."""

LABELS: dict[str, tuple[str, str]] = {
    "proposals.title": ("Propozycje", "Proposals"),
    "proposals.filters": ("Filtry", "Filters"),
    "proposals.filter.q": ("Szukaj w tytule i opisie", "Search titles and descriptions"),
    "proposals.filter.q_help": (
        "Wielkość liter i polskie znaki nie mają znaczenia; początek słowa wystarczy "
        "(„rower” znajdzie „rowerowe”, „lawki” znajdzie „ławki”).",
        "Case and Polish letters do not matter; the start of a word is enough "
        "(“rower” finds “rowerowe”, “lawki” finds “ławki”).",
    ),
    "proposals.filter.source": ("Źródło", "Source"),
    "proposals.filter.area": ("Obszar strategiczny", "Strategic area"),
    "proposals.filter.category": ("Kategoria autora", "Author category"),
    "proposals.filter.from": ("Zgłoszone od", "Submitted from"),
    "proposals.filter.to": ("Zgłoszone do", "Submitted until"),
    "proposals.filter.reset": ("Wyczyść filtry", "Clear filters"),
    "proposals.facets": ("W wynikach", "In the results"),
    "proposals.found": ("Znaleziono: {count}", "Found: {count}"),
    "proposals.page_note": (
        "Tabela pokazuje po {shown} wierszy (od najnowszych) — zawęź filtry, przejdź na kolejną "
        "stronę albo pobierz eksport ze wszystkimi.",
        "The table shows {shown} rows at a time (newest first) — narrow the filters, go to the "
        "next page or download an export with all of them.",
    ),
    "proposals.page": ("Strona (z {pages})", "Page (of {pages})"),
    "proposals.empty": (
        "Żadna propozycja nie pasuje do filtrów.",
        "No proposal matches the filters.",
    ),
    "proposals.table_help": (
        "Zaznacz jeden wiersz, aby zobaczyć szczegóły; kilka — aby zmienić ich status naraz. "
        "Kliknij nagłówek kolumny, aby posortować.",
        "Select one row to see its details; several to change their status at once. "
        "Click a column header to sort.",
    ),
    "proposals.col.id": ("Nr", "No."),
    "proposals.col.title": ("Tytuł", "Title"),
    "proposals.col.created": ("Data zgłoszenia", "Submitted on"),
    "proposals.export.csv": ("Pobierz CSV", "Download CSV"),
    "proposals.export.xlsx": ("Pobierz XLSX", "Download XLSX"),
    "proposals.export.personal_note": (
        "Eksport administratora zawiera dane autorów i jest zapisywany w dzienniku zdarzeń.",
        "An administrator's export includes authors' details and is written to the audit log.",
    ),
    "proposals.detail.number": ("Propozycja nr {id}:", "Proposal no. {id}:"),
    "proposals.detail.not_found": (
        "Nie ma propozycji nr {id}.",
        "There is no proposal no. {id}.",
    ),
    "proposals.detail.no_description": ("(bez opisu)", "(no description)"),
    "proposals.detail.description": ("Opis", "Description"),
    "proposals.detail.field": ("Pole", "Field"),
    "proposals.detail.value": ("Wartość", "Value"),
    "proposals.detail.author": ("Autor", "Author"),
    "proposals.detail.updated": ("Ostatnia zmiana", "Last changed"),
    "proposals.detail.history": ("Historia", "History"),
    "proposals.detail.no_history": ("Brak zapisanych zmian.", "No recorded changes."),
    "proposals.detail.created": ("utworzona ze statusem „{status}”", "created as “{status}”"),
    "proposals.detail.edited": ("edycja treści", "content edited"),
    "proposals.similar": ("Podobne propozycje", "Similar proposals"),
    "proposals.similar.none": (
        "Nie znaleziono podobnych propozycji.",
        "No similar proposals found.",
    ),
    "proposals.similar.score": ("Podobieństwo", "Similarity"),
    "proposals.review.status_tab": ("Zmień status", "Change status"),
    "proposals.review.edit_tab": ("Edytuj treść", "Edit content"),
    "proposals.review.final": (
        "To jest status końcowy — nie ma dalszych kroków.",
        "This is a final status — there are no further steps.",
    ),
    "proposals.review.new_status": ("Nowy status", "New status"),
    "proposals.review.note": ("Notatka (opcjonalnie)", "Note (optional)"),
    "proposals.review.note_required": (
        "Notatka z uzasadnieniem (wymagana)",
        "Note with the reason (required)",
    ),
    "proposals.review.merge_into": (
        "Połącz z propozycją nr",
        "Merge into proposal no.",
    ),
    "proposals.review.apply": ("Zmień status", "Change status"),
    "proposals.review.save": ("Zapisz zmiany", "Save changes"),
    "proposals.review.changed": (
        "Propozycja nr {id} ma teraz status „{status}”.",
        "Proposal no. {id} is now “{status}”.",
    ),
    "proposals.review.saved": ("Zapisano zmiany propozycji nr {id}.", "Saved proposal no. {id}."),
    "proposals.bulk.title": ("Zmiana statusu: {count}", "Change status: {count}"),
    "proposals.bulk.help": (
        "Zmiana obejmie wszystkie zaznaczone propozycje albo żadną — jeśli któraś nie może "
        "przejść do wybranego statusu, zobaczysz powód przy jej numerze.",
        "Either every selected proposal changes or none does — if one cannot move to the "
        "chosen status, you will see the reason next to its number.",
    ),
    "proposals.bulk.changed": (
        "Zmieniono status ({count}) na „{status}”.",
        "Changed the status ({count}) to “{status}”.",
    ),
    "proposals.error.generic": ("Nie udało się zapisać zmiany.", "The change could not be saved."),
    "proposals.error.permission": (
        "Nie możesz zmieniać propozycji tego podzespołu.",
        "You may not change this subteam's proposals.",
    ),
    "proposals.error.not_found": (
        "Propozycja nr {id} nie istnieje.",
        "Proposal no. {id} does not exist.",
    ),
    "proposals.error.version_conflict": (
        "Propozycja nr {id} została w międzyczasie zmieniona przez kogoś innego. "
        "Nic nie nadpisano — sprawdź aktualną treść poniżej i wprowadź zmianę ponownie.",
        "Proposal no. {id} was changed by someone else in the meantime. Nothing was "
        "overwritten — check the current content below and make your change again.",
    ),
    "proposals.error.transition": (
        "Nie można zmienić statusu z „{from_status}” na „{to_status}”.",
        "The status cannot change from “{from_status}” to “{to_status}”.",
    ),
    "proposals.error.note_required": (
        "Ta zmiana statusu wymaga notatki z uzasadnieniem.",
        "This status change needs a note with the reason.",
    ),
    "proposals.error.too_long": (
        "Pole „{field}” jest za długie (najwyżej {limit} znaków).",
        "The field “{field}” is too long (at most {limit} characters).",
    ),
    "proposals.error.title_empty": ("Tytuł nie może być pusty.", "The title cannot be empty."),
    "proposals.error.merge_target_missing": (
        "Wskaż numer propozycji, z którą ta propozycja zostaje połączona.",
        "Give the number of the proposal this one is merged into.",
    ),
    "proposals.error.merge_self": (
        "Propozycji nie można połączyć z nią samą.",
        "A proposal cannot be merged into itself.",
    ),
    "proposals.error.merge_target_unknown": (
        "Propozycja docelowa nr {id} nie istnieje.",
        "The target proposal no. {id} does not exist.",
    ),
    "proposals.error.merge_target_merged": (
        "Propozycja nr {id} sama jest połączona z nr {other} — wskaż tamtą propozycję.",
        "Proposal no. {id} is itself merged into no. {other} — choose that one.",
    ),
    "proposals.error.bulk_refused": (
        "Nie zmieniono żadnej propozycji. Odrzucone wiersze ({count}):",
        "No proposal was changed. Refused rows ({count}):",
    ),
    "proposals.error.empty_selection": (
        "Nie zaznaczono żadnej propozycji.",
        "No proposal selected.",
    ),
    "proposals.import.title": ("Import propozycji", "Import proposals"),
    "proposals.import.scope": (
        "Liderzy importują propozycje tylko do własnych podzespołów; wiersze innych "
        "podzespołów są odrzucane.",
        "Leads import proposals into their own subteams only; rows of other subteams are refused.",
    ),
}
