"""Labels of the progress area: /postepy, /zespol, milestone changes and their charts."""

LABELS: dict[str, tuple[str, str]] = {
    # Page /postepy
    "progress.title": ("Postępy prac", "Progress"),
    "progress.intro": (
        "Stan podzespołów na {date}: co idzie zgodnie z planem, co jest zagrożone, co się zmieniło.",
        "Subteams as of {date}: what is on track, what is at risk, what has changed.",
    ),
    "progress.filter.as_of": ("Stan na dzień", "As of"),
    "progress.filter.since": ("Zmiany od dnia", "Changes since"),
    "progress.filter.all_teams": ("wszystkie zespoły", "all teams"),
    "progress.filter.all_subteams": ("wszystkie podzespoły", "all subteams"),
    "progress.filter.since_after_as_of": (
        "Data „zmiany od” jest późniejsza niż data stanu — pokazuję zmiany z dnia {date}.",
        "The “changes since” date is after the as-of date — showing changes on {date}.",
    ),
    "progress.no_subteams": (
        "Brak podzespołów dla wybranych filtrów.",
        "No subteams match the chosen filters.",
    ),
    # Traffic lights and milestone states
    "progress.traffic.on_track": ("na dobrej drodze", "on track"),
    "progress.traffic.at_risk": ("zagrożony", "at risk"),
    "progress.traffic.late": ("opóźniony", "late"),
    "progress.state.done": ("wykonany", "done"),
    "progress.state.open": ("otwarty", "open"),
    "progress.state.overdue": ("po terminie", "overdue"),
    # Headline figures
    "progress.metric.on_track": ("Na dobrej drodze", "On track"),
    "progress.metric.at_risk": ("Zagrożone", "At risk"),
    "progress.metric.late": ("Opóźnione", "Late"),
    "progress.metric.subteams_help": (
        "Liczba podzespołów o tym statusie (z {total}).",
        "Subteams with this status (of {total}).",
    ),
    "progress.metric.milestones": ("Kamienie milowe", "Milestones"),
    "progress.metric.milestones_help": (
        "Wykonane kamienie milowe ze wszystkich w wybranych podzespołach.",
        "Milestones done of all in the chosen subteams.",
    ),
    "progress.metric.of": ("{done} z {total}", "{done} of {total}"),
    "progress.metric.days_to_congress": ("Do Kongresu", "To the Congress"),
    "progress.metric.days_since_congress": ("Od Kongresu", "Since the Congress"),
    "progress.metric.congress_running": ("Kongres", "Congress"),
    "progress.metric.congress_none": ("Kongres", "Congress"),
    "progress.metric.congress_unknown": ("brak terminu", "no date"),
    "progress.metric.congress_today": ("trwa", "under way"),
    "progress.metric.congress_help": ("{name}: {start} – {end}", "{name}: {start} – {end}"),
    "progress.stage.submitted": ("Zgłoszone", "Submitted"),
    "progress.stage.under_review": ("W ocenie", "Under review"),
    "progress.stage.decided": ("Rozstrzygnięte", "Decided"),
    "progress.stage.included": ("Włączone do strategii", "Included in the strategy"),
    "progress.stage.help": (
        "Propozycje według etapu na {date}.",
        "Proposals by stage as of {date}.",
    ),
    # Sections
    "progress.section.subteams": ("Podzespoły", "Subteams"),
    "progress.section.timeline": ("Kamienie milowe", "Milestones"),
    "progress.section.pipeline": ("Propozycje według statusu", "Proposals by status"),
    "progress.section.since": ("Co się zmieniło od {date}", "What changed since {date}"),
    "progress.section.edit": ("Zmiany kamieni milowych", "Change milestones"),
    "progress.status_rule": (
        "🟢 na dobrej drodze — nic nie jest po terminie; 🟠 zagrożony — kamień milowy "
        "po terminie najwyżej 14 dni albo z terminem w ciągu 7 dni i niewykonany; "
        "🔴 opóźniony — kamień milowy po terminie ponad 14 dni.",
        "🟢 on track — nothing overdue; 🟠 at risk — a milestone overdue by at most "
        "14 days, or due within 7 days and not done; 🔴 late — a milestone overdue by "
        "more than 14 days.",
    ),
    # Table columns
    "progress.col.status": ("Status", "Status"),
    "progress.col.team": ("Zespół tematyczny", "Thematic team"),
    "progress.col.completion": ("Wykonanie (ważone)", "Completion (weighted)"),
    "progress.col.milestones": ("Kamienie milowe", "Milestones"),
    "progress.col.overdue": ("Po terminie", "Overdue"),
    "progress.col.proposals_total": ("Propozycje zgłoszone", "Proposals received"),
    "progress.col.proposals_decided": ("Propozycje rozstrzygnięte", "Proposals decided"),
    "progress.col.last_activity": ("Ostatnia aktywność", "Last activity"),
    "progress.col.milestone": ("Kamień milowy", "Milestone"),
    "progress.col.due_date": ("Termin", "Due"),
    "progress.col.done_on": ("Wykonano", "Done on"),
    "progress.col.weight": ("Waga", "Weight"),
    "progress.col.created_at": ("Zgłoszono", "Submitted on"),
    "progress.col.title": ("Tytuł", "Title"),
    "progress.col.source": ("Źródło", "Source"),
    "progress.col.link": ("Szczegóły", "Details"),
    "progress.col.open_link": ("otwórz", "open"),
    "progress.col.at": ("Kiedy", "When"),
    "progress.col.from_status": ("Poprzedni status", "From"),
    "progress.col.to_status": ("Nowy status", "To"),
    "progress.col.actor": ("Kto", "Who"),
    # Charts
    "progress.chart.traffic_title": ("Postęp podzespołów", "Subteam progress"),
    "progress.chart.completion_axis": (
        "Wykonanie kamieni milowych (ważone)",
        "Milestone completion (weighted)",
    ),
    "progress.chart.timeline_title": ("Harmonogram kamieni milowych", "Milestone timeline"),
    "progress.chart.as_of_subtitle": ("stan na {date}", "as of {date}"),
    "progress.chart.as_of_rule": ("stan na {date}", "as of {date}"),
    "progress.chart.due_axis": ("Termin", "Due date"),
    "progress.chart.state_legend": ("Kamień milowy", "Milestone"),
    "progress.chart.congress": ("Kongres", "Congress"),
    "progress.chart.pipeline_title": (
        "Propozycje w podzespołach według statusu",
        "Proposals by subteam and status",
    ),
    "progress.chart.proposals_axis": ("Liczba propozycji", "Number of proposals"),
    "progress.pipeline.table": ("Tabela: propozycje według statusu", "Table: proposals by status"),
    # "Since" view
    "progress.since.new": ("Nowe propozycje", "New proposals"),
    "progress.since.changes": ("Zmiany statusu", "Status changes"),
    "progress.since.completed": ("Wykonane kamienie milowe", "Milestones completed"),
    "progress.since.empty": ("Brak zmian w tym okresie.", "No changes in this period."),
    "progress.since.truncated": (
        "Pokazano {shown} najnowszych z {total}.",
        "Showing the {shown} most recent of {total}.",
    ),
    # Milestone changes
    "progress.edit.intro": (
        "Zmieniasz kamienie milowe podzespołów: {subteams}. Każda zmiana zapisuje się z Twoim "
        "nazwiskiem i godziną.",
        "You may change the milestones of: {subteams}. Every change is recorded with your "
        "name and the time.",
    ),
    "progress.edit.done_tab": ("Wykonanie", "Completion"),
    "progress.edit.move_tab": ("Termin", "Due date"),
    "progress.edit.add_tab": ("Nowy kamień milowy", "New milestone"),
    "progress.edit.milestone": ("Kamień milowy", "Milestone"),
    "progress.edit.done_on": ("Data wykonania", "Done on"),
    "progress.edit.mark_done": ("Oznacz jako wykonany", "Mark as done"),
    "progress.edit.reopen": ("Otwórz ponownie", "Reopen"),
    "progress.edit.new_due": ("Nowy termin", "New due date"),
    "progress.edit.move": ("Przesuń termin", "Move the due date"),
    "progress.edit.subteam": ("Podzespół", "Subteam"),
    "progress.edit.title": ("Nazwa kamienia milowego", "Milestone name"),
    "progress.edit.due": ("Termin", "Due date"),
    "progress.edit.weight": ("Waga (1–100)", "Weight (1–100)"),
    "progress.edit.add": ("Dodaj kamień milowy", "Add the milestone"),
    "progress.edit.saved": ("Zapisano zmianę.", "The change is saved."),
    "progress.edit.unchanged": (
        "Nic do zmiany — tak już jest zapisane.",
        "Nothing to change — it is already recorded that way.",
    ),
    "progress.edit.denied": (
        "Nie możesz zmieniać kamieni milowych tego podzespołu.",
        "You may not change this subteam's milestones.",
    ),
    "progress.edit.none": (
        "Ten podzespół nie ma jeszcze kamieni milowych.",
        "This subteam has no milestones yet.",
    ),
    "progress.edit.option": (
        "{title} — {subteam} (termin {due}{done})",
        "{title} — {subteam} (due {due}{done})",
    ),
    "progress.edit.option_done": (", wykonany {date}", ", done {date}"),
    # Service errors (dashboard.milestones.MilestoneError keys)
    "progress.error.no_milestone": (
        "Nie ma kamienia milowego o numerze {id}.",
        "There is no milestone number {id}.",
    ),
    "progress.error.no_subteam": (
        "Nie ma podzespołu o numerze {id}.",
        "There is no subteam number {id}.",
    ),
    "progress.error.done_in_future": (
        "Data wykonania nie może być z przyszłości.",
        "The completion date cannot be in the future.",
    ),
    "progress.error.title_empty": (
        "Podaj nazwę kamienia milowego.",
        "Enter the milestone's name.",
    ),
    "progress.error.title_long": (
        "Nazwa kamienia milowego może mieć najwyżej {limit} znaków (ma {length}).",
        "The milestone's name may have at most {limit} characters (it has {length}).",
    ),
    "progress.error.weight": (
        "Waga musi być liczbą całkowitą od {low} do {high} (podano: {value}).",
        "The weight must be a whole number from {low} to {high} (given: {value}).",
    ),
    # Page /zespol
    "progress.team.title": ("Skład zespołu", "Who is in the team"),
    "progress.team.intro": (
        "Kto pracuje w których podzespołach — i czyj głos w nich słychać.",
        "Who works in which subteam — and whose voices are heard there.",
    ),
    "progress.team.section.categories": ("Członkowie według kategorii", "Members by category"),
    "progress.team.section.roles": ("Role", "Roles"),
    "progress.team.section.voices": ("Głos mieszkańców", "Residents' voice"),
    "progress.team.section.organisations": ("Organizacje", "Organisations"),
    "progress.team.section.members": ("Lista członków", "Member list"),
    "progress.team.no_members": (
        "Brak członków dla wybranych filtrów.",
        "No members match the chosen filters.",
    ),
    "progress.team.emails_admin_only": (
        "Adresy e-mail widzą tylko administratorzy.",
        "Only administrators see e-mail addresses.",
    ),
    "progress.team.metric.members": ("Członkowie", "Members"),
    "progress.team.metric.organisations": ("Organizacje", "Organisations"),
    "progress.team.metric.direct_voice": ("Głos mieszkańców", "Residents' voice"),
    "progress.team.metric.direct_voice_help": (
        "Udział członków z rad okręgów, organizacji pozarządowych, Toruńskiej Rady Kobiet "
        "i Rady Seniorów.",
        "Share of members from district councils, NGOs, the Women's Council and the "
        "Seniors' Council.",
    ),
    "progress.team.col.full_name": ("Imię i nazwisko", "Name"),
    "progress.team.col.role": ("Rola", "Role"),
    "progress.team.col.category": ("Kategoria", "Category"),
    "progress.team.col.organization": ("Organizacja", "Organisation"),
    "progress.team.col.email": ("E-mail", "E-mail"),
    "progress.team.col.members": ("Członkowie", "Members"),
    "progress.team.col.subteams": ("Podzespoły", "Subteams"),
    "progress.team.col.direct_voice": ("Głos mieszkańców", "Residents' voice"),
    "progress.team.col.share": ("Udział", "Share"),
    "progress.team.col.total": ("Razem", "Total"),
    "progress.team.chart.people_axis": ("Liczba osób", "Number of people"),
    "progress.team.chart.categories_title": (
        "Członkowie podzespołów według kategorii",
        "Subteam members by category",
    ),
    "progress.team.chart.roles_title": ("Role w podzespołach", "Roles in the subteams"),
    "progress.team.chart.voices_title": (
        "Udział głosu mieszkańców w podzespołach",
        "Share of residents' direct voice by subteam",
    ),
    "progress.team.chart.voices_subtitle": (
        "rady okręgów, organizacje pozarządowe, Rada Kobiet, Rada Seniorów",
        "district councils, NGOs, Women's Council, Seniors' Council",
    ),
    "progress.team.chart.share_axis": ("Udział członków", "Share of members"),
}
