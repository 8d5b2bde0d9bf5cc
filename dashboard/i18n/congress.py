"""Labels of the congress area: /kongres, /zapisy and the Congress section of /admin."""

PRIVACY_PL = """\
**Administrator danych:** Prezydent Miasta Torunia, Urząd Miasta Torunia, \
ul. Wały gen. Sikorskiego 8, 87-100 Toruń.

**Cel:** organizacja Toruńskiego Kongresu Dialogu — zapisy na panele i warsztaty, \
kontakt w sprawach organizacyjnych, lista obecności.

**Podstawa prawna:** Twoja zgoda — art. 6 ust. 1 lit. a RODO. Zgoda na zdjęcia jest \
osobna i dobrowolna.

**Jak długo:** do anonimizacji zapisów po Kongresie (najpóźniej 3 miesiące po jego \
zakończeniu). Potem zostają tylko dane statystyczne bez imienia, nazwiska i e-maila.

**Twoje prawa:** dostęp do danych, ich sprostowanie, usunięcie, ograniczenie \
przetwarzania oraz wycofanie zgody w dowolnym momencie (bez wpływu na zgodność \
z prawem przetwarzania przed jej wycofaniem).

**Skarga:** masz prawo wnieść skargę do Prezesa Urzędu Ochrony Danych Osobowych \
(ul. Stawki 2, 00-193 Warszawa).

Podanie danych jest dobrowolne, ale bez nich nie możemy przyjąć zapisu."""

PRIVACY_EN = """\
**Controller:** the Mayor of Toruń (Prezydent Miasta Torunia), Toruń City Hall, \
ul. Wały gen. Sikorskiego 8, 87-100 Toruń, Poland.

**Purpose:** organising the Toruń Congress of Dialogue — sign-ups for panels and \
workshops, organisational contact, the attendance list.

**Legal basis:** your consent — Art. 6(1)(a) GDPR. Consent to photographs is separate \
and optional.

**How long:** until the sign-ups are anonymised after the Congress (at the latest \
3 months after it ends). After that only statistics without name and e-mail remain.

**Your rights:** access, rectification, erasure, restriction of processing and \
withdrawal of consent at any time (without affecting processing before withdrawal).

**Complaint:** you may complain to the President of the Personal Data Protection \
Office (Prezes UODO, ul. Stawki 2, 00-193 Warsaw).

Giving your data is voluntary, but we cannot accept a sign-up without it."""

LABELS: dict[str, tuple[str, str]] = {
    "congress.admin.list_shown": (
        "Pokazano {shown} z {total} zapisów (według nazwiska) — pełna lista jest w eksporcie.",
        "Showing {shown} of {total} sign-ups (by name) — the export has the full list.",
    ),
    # /kongres
    "congress.title": ("Kongres Dialogu — zapisy", "Congress of Dialogue — sign-ups"),
    "congress.no_editions": ("Nie ma jeszcze żadnej edycji Kongresu.", "No Congress edition yet."),
    "congress.edition": ("Edycja", "Edition"),
    "congress.edition_caption": ("{name} · {date} · {venue}", "{name} · {date} · {venue}"),
    "congress.filter.day": ("Dzień", "Day"),
    "congress.filter.category": ("Kategoria uczestników", "Participant category"),
    "congress.day_n": ("dzień {day}", "day {day}"),
    "congress.days": ("Dni", "Days"),
    "congress.day_part.day1_only": ("tylko dzień 1", "day 1 only"),
    "congress.day_part.day2_only": ("tylko dzień 2", "day 2 only"),
    "congress.day_part.both": ("oba dni", "both days"),
    "congress.workshop": ("Warsztat", "Workshop"),
    "congress.capacity": ("Miejsca na warsztatach", "Workshop seats"),
    "congress.capacity_help": (
        "Suma miejsc na warsztatach wybranej edycji (z uwzględnieniem filtrów dnia i warsztatu).",
        "Total workshop seats of the chosen edition (day and workshop filters apply).",
    ),
    "congress.target": ("Cel zapisów", "Sign-up target"),
    "congress.fill_rate": ("Zapełnienie", "Fill rate"),
    "congress.flag.ok": ("wolne miejsca", "seats free"),
    "congress.flag.near_full": ("≥ 80 % miejsc", "≥ 80% full"),
    "congress.flag.full": ("komplet", "full"),
    "congress.flag.no_limit": ("bez limitu", "no limit"),
    "congress.age_group": ("Grupa wiekowa", "Age group"),
    "congress.category": ("Kategoria", "Category"),
    "congress.outside_torun": ("spoza Torunia / nie podano", "outside Toruń / not given"),
    "congress.unknown": ("nie podano", "not given"),
    "congress.no_show_rate": ("Odsetek nieobecnych", "No-show rate"),
    "congress.presence.came": ("obecni", "came"),
    "congress.presence.did_not_come": ("nieobecni", "did not come"),
    "congress.section.days_workshops": ("Dni i warsztaty", "Days and workshops"),
    "congress.section.over_time": ("Zapisy w czasie", "Sign-ups over time"),
    "congress.section.who": ("Kto się zapisał", "Who signed up"),
    "congress.section.attendance": ("Obecność", "Attendance"),
    "congress.no_workshops": (
        "Ta edycja nie ma warsztatów spełniających filtry.",
        "This edition has no workshops matching the filters.",
    ),
    "congress.no_signups": (
        "Brak zapisów spełniających filtry.",
        "No sign-ups match the filters.",
    ),
    "congress.no_previous": (
        "Brak poprzedniej edycji do porównania.",
        "No previous edition to compare with.",
    ),
    "congress.attendance_after": (
        "Dane o obecności pojawią się po zakończeniu tej edycji.",
        "Attendance appears once this edition is over.",
    ),
    "congress.yes": ("tak", "yes"),
    "congress.no": ("nie", "no"),
    # charts
    "congress.chart.editions": ("Zapisy w kolejnych edycjach", "Sign-ups per edition"),
    "congress.chart.editions_sub": (
        "Czarna kreska: liczba miejsc na warsztatach",
        "Black tick: number of workshop seats",
    ),
    "congress.chart.signups_axis": ("Liczba zapisów", "Sign-ups"),
    "congress.chart.people_axis": ("Liczba osób", "People"),
    "congress.chart.days": (
        "Na które dni zapisują się uczestnicy",
        "Which days people sign up for",
    ),
    "congress.chart.fill": ("Zapełnienie warsztatów", "Workshop fill rate"),
    "congress.chart.fill_sub": (
        "Linie przerywane: 80 % i 100 % miejsc; w nawiasie lista rezerwowa",
        "Dashed lines: 80% and 100% of seats; waitlist in brackets",
    ),
    "congress.chart.waitlist_suffix": ("(+{count} rez.)", "(+{count} waitlisted)"),
    "congress.chart.cumulative": ("Zapisy narastająco", "Cumulative sign-ups"),
    "congress.chart.cumulative_axis": ("Zapisy narastająco", "Cumulative sign-ups"),
    "congress.chart.new_signups": ("Nowe zapisy", "New sign-ups"),
    "congress.chart.event_day": ("Kongres", "Congress"),
    "congress.chart.target": ("cel: {count}", "target: {count}"),
    "congress.chart.comparison": (
        "Ta edycja a poprzednia — dni przed Kongresem",
        "This edition vs the previous one — days before the Congress",
    ),
    "congress.chart.days_before_axis": ("Dni przed Kongresem", "Days before the Congress"),
    "congress.chart.by_district": ("Zapisy według okręgów", "Sign-ups by district"),
    "congress.chart.by_age": ("Zapisy według grup wiekowych", "Sign-ups by age group"),
    "congress.chart.by_category": ("Zapisy według kategorii", "Sign-ups by category"),
    "congress.chart.attendance_workshop": ("Obecność na warsztatach", "Attendance by workshop"),
    "congress.chart.attendance_category": (
        "Obecność według kategorii",
        "Attendance by category",
    ),
    "congress.chart.no_show": ("nieobecni: {rate}", "no-show: {rate}"),
    # /zapisy
    "congress.signup.title": ("Zapisy na Kongres Dialogu", "Congress of Dialogue sign-up"),
    "congress.signup.no_edition": (
        "Obecnie nie prowadzimy zapisów — kolejny Kongres nie został jeszcze ogłoszony.",
        "Sign-ups are not running — the next Congress has not been announced yet.",
    ),
    "congress.signup.when": ("Termin: {start} – {end}", "Dates: {start} – {end}"),
    "congress.signup.closed": (
        "Zapisy na tę edycję Kongresu są zamknięte.",
        "Sign-ups for this edition of the Congress are closed.",
    ),
    "congress.signup.closes_on": ("Zapisy trwają do {date}.", "Sign-ups close on {date}."),
    "congress.signup.name": ("Imię i nazwisko", "Full name"),
    "congress.signup.email": ("Adres e-mail", "E-mail address"),
    "congress.signup.category": ("Kogo reprezentujesz?", "Whom do you represent?"),
    "congress.signup.choose": ("Wybierz…", "Choose…"),
    "congress.signup.days_question": (
        "W które dni weźmiesz udział?",
        "Which days will you attend?",
    ),
    "congress.signup.day1": ("Dzień 1 ({date}) — panele", "Day 1 ({date}) — panels"),
    "congress.signup.day2": ("Dzień 2 ({date}) — warsztaty", "Day 2 ({date}) — workshops"),
    "congress.signup.workshop": ("Warsztat (dzień 2)", "Workshop (day 2)"),
    "congress.signup.workshop_help": (
        "Wybierz, jeśli zapisujesz się na dzień 2.",
        "Choose one if you sign up for day 2.",
    ),
    "congress.signup.workshop_full": (
        "{title} (komplet — lista rezerwowa)",
        "{title} (full — waitlist)",
    ),
    "congress.signup.consent": (
        "Wyrażam zgodę na przetwarzanie moich danych osobowych w celu organizacji Kongresu "
        "(wymagane).",
        "I consent to the processing of my personal data to organise the Congress (required).",
    ),
    "congress.signup.photo_consent": (
        "Zgadzam się na publikację zdjęć z moim wizerunkiem z Kongresu (dobrowolne).",
        "I agree to photographs of me at the Congress being published (optional).",
    ),
    "congress.signup.honeypot_box": (
        "Pole kontrolne — nie rozwijaj",
        "Control field — do not open",
    ),
    "congress.signup.honeypot": (
        "Nie wypełniaj tego pola — zostaw je puste (zabezpieczenie przed automatami).",
        "Do not fill in this field — leave it empty (protection against bots).",
    ),
    "congress.signup.submit": ("Zapisz się", "Sign up"),
    "congress.signup.privacy_title": (
        "Informacja o przetwarzaniu danych osobowych (RODO)",
        "How we process your personal data (GDPR)",
    ),
    "congress.signup.privacy_text": (PRIVACY_PL, PRIVACY_EN),
    "congress.signup.fix": ("Popraw formularz:", "Please correct the form:"),
    "congress.signup.field.full_name": ("Imię i nazwisko", "Full name"),
    "congress.signup.field.email": ("Adres e-mail", "E-mail address"),
    "congress.signup.field.district": ("Okręg", "District"),
    "congress.signup.field.age_group": ("Grupa wiekowa", "Age group"),
    "congress.signup.field.category": ("Kategoria", "Category"),
    "congress.signup.field.days": ("Dni", "Days"),
    "congress.signup.field.workshop": ("Warsztat", "Workshop"),
    "congress.signup.field.consent": ("Zgoda", "Consent"),
    "congress.signup.full": (
        "Warsztat „{title}” ma już komplet uczestników. Możesz zapisać się na listę rezerwową "
        "(damy znać, gdy zwolni się miejsce) albo wybrać inny warsztat.",
        "The workshop “{title}” is full. You can join the waitlist (we will let you know when "
        "a seat frees up) or choose another workshop.",
    ),
    "congress.signup.accept_waitlist": (
        "Zapisz mnie na listę rezerwową",
        "Put me on the waitlist",
    ),
    "congress.signup.choose_other": ("Wybiorę inny warsztat", "I will choose another workshop"),
    "congress.signup.done_registered": (
        "Dziękujemy! Twój zapis został przyjęty.",
        "Thank you! Your sign-up has been accepted.",
    ),
    "congress.signup.done_waitlisted": (
        "Dziękujemy! Jesteś na liście rezerwowej — damy znać, gdy zwolni się miejsce.",
        "Thank you! You are on the waitlist — we will let you know when a seat frees up.",
    ),
    "congress.signup.done_updated": (
        "Zaktualizowaliśmy Twój wcześniejszy zapis (ten sam adres e-mail).",
        "We have updated your earlier sign-up (same e-mail address).",
    ),
    "congress.signup.status.registered": ("zapis przyjęty", "registered"),
    "congress.signup.status.waitlisted": ("lista rezerwowa", "waitlist"),
    "congress.signup.status.cancelled": ("zapis anulowany", "cancelled"),
    "congress.signup.field": ("Pole", "Field"),
    "congress.signup.value": ("Wartość", "Value"),
    "congress.signup.photo": ("Zgoda na zdjęcia", "Photo consent"),
    "congress.signup.another": ("Zapisz kolejną osobę", "Sign up another person"),
    # validation (per field)
    "congress.error.name_missing": ("Podaj imię i nazwisko.", "Enter your full name."),
    "congress.error.name_too_long": (
        "Imię i nazwisko może mieć najwyżej 200 znaków.",
        "The name may have at most 200 characters.",
    ),
    "congress.error.email_missing": ("Podaj adres e-mail.", "Enter your e-mail address."),
    "congress.error.email_invalid": (
        "To nie wygląda na adres e-mail (np. jan.kowalski@example.pl).",
        "This does not look like an e-mail address (e.g. jan.kowalski@example.pl).",
    ),
    "congress.error.district_missing": (
        "Wybierz okręg albo „spoza Torunia / nie podano”.",
        "Choose a district or “outside Toruń / not given”.",
    ),
    "congress.error.district_unknown": ("Nie ma takiego okręgu.", "There is no such district."),
    "congress.error.age_missing": ("Wybierz grupę wiekową.", "Choose an age group."),
    "congress.error.category_missing": (
        "Wybierz, kogo reprezentujesz.",
        "Choose whom you represent.",
    ),
    "congress.error.days_missing": (
        "Zaznacz co najmniej jeden dzień.",
        "Tick at least one day.",
    ),
    "congress.error.workshop_missing": (
        "Na dzień 2 wybierz warsztat.",
        "Choose a workshop for day 2.",
    ),
    "congress.error.workshop_unknown": (
        "Wybrany warsztat nie należy do tej edycji.",
        "The chosen workshop is not part of this edition.",
    ),
    "congress.error.consent_missing": (
        "Bez zgody na przetwarzanie danych nie możemy przyjąć zapisu.",
        "We cannot accept a sign-up without consent to process your data.",
    ),
    # /admin — Congress section
    "congress.admin.tab": ("Kongres", "Congress"),
    "congress.admin.window": ("Zapisy: otwarcie i zamknięcie", "Sign-ups: open and close"),
    "congress.admin.window_open": ("Zapisy otwarte", "Sign-ups open"),
    "congress.admin.window_closes": (
        "Ostatni dzień zapisów (opcjonalnie)",
        "Last day of sign-ups (optional)",
    ),
    "congress.admin.save": ("Zapisz", "Save"),
    "congress.admin.checkin": ("Rejestracja obecności", "Check-in"),
    "congress.admin.count.registered": ("Zapisani", "Registered"),
    "congress.admin.count.present": ("Obecni", "Present"),
    "congress.admin.count.expected": ("Jeszcze oczekiwani", "Still expected"),
    "congress.admin.count.waitlisted": ("Lista rezerwowa", "Waitlisted"),
    "congress.admin.search": (
        "Szukaj po imieniu, nazwisku lub e-mailu",
        "Search by name or e-mail",
    ),
    "congress.admin.search_hint": (
        "Wpisz fragment imienia, nazwiska lub adresu e-mail.",
        "Type part of a name or e-mail address.",
    ),
    "congress.admin.no_match": ("Nikogo nie znaleziono.", "Nobody found."),
    "congress.admin.too_many": (
        "Znaleziono {count}; pokazano pierwsze {shown} — zawęź wyszukiwanie.",
        "{count} found; showing the first {shown} — narrow the search.",
    ),
    "congress.admin.attended": ("Obecny/a", "Attended"),
    "congress.admin.list": ("Lista zapisanych (dane osobowe)", "Sign-up list (personal data)"),
    "congress.admin.list_note": (
        "Widoczna tylko dla administratorów. Każdy eksport trafia do dziennika zdarzeń.",
        "Visible to admins only. Every export is written to the audit log.",
    ),
    "congress.admin.export_csv": ("Eksport CSV", "Export CSV"),
    "congress.admin.export_xlsx": ("Eksport XLSX", "Export XLSX"),
    "congress.admin.anonymise": ("Anonimizacja edycji", "Anonymise an edition"),
    "congress.admin.anonymise_note": (
        "Usuwa imiona, nazwiska i e-maile zapisanych na tę edycję (po Kongresie). "
        "Statystyki pozostają bez zmian. Tej operacji nie można cofnąć.",
        "Removes names and e-mails of this edition's sign-ups (after the Congress). "
        "Statistics stay unchanged. This cannot be undone.",
    ),
    "congress.admin.anonymise_confirm": (
        "Rozumiem, że dane osobowe edycji {edition} zostaną trwale usunięte.",
        "I understand that personal data of edition {edition} will be removed for good.",
    ),
    "congress.admin.anonymise_button": ("Anonimizuj", "Anonymise"),
    "congress.admin.anonymised": (
        "Zanonimizowano zapisów: {count}.",
        "Sign-ups anonymised: {count}.",
    ),
}
