"""Labels of the presentation area: /prezentacja, chart catalogue and the meeting deck."""

LABELS: dict[str, tuple[str, str]] = {
    # Chart catalogue
    "presentation.chart.progress": (
        "Realizacja kamieni milowych w podzespołach",
        "Milestone completion by subteam",
    ),
    "presentation.chart.milestones": ("Harmonogram kamieni milowych", "Milestone timeline"),
    "presentation.chart.pipeline": (
        "Propozycje w podzespołach według statusu",
        "Proposals by subteam and status",
    ),
    "presentation.chart.signups_over_time": (
        "Zapisy na Kongres Dialogu w czasie",
        "Congress sign-ups over time",
    ),
    "presentation.chart.workshop_fill": (
        "Obłożenie warsztatów Kongresu",
        "Congress workshop fill",
    ),
    "presentation.chart.signups_by_district": (
        "Zapisy na Kongres według okręgów",
        "Congress sign-ups by district",
    ),
    "presentation.chart.signups_by_age": (
        "Zapisy na Kongres według wieku",
        "Congress sign-ups by age group",
    ),
    "presentation.chart.team_mix": (
        "Skład podzespołów według kategorii uczestników",
        "Subteam members by category",
    ),
    # Subtitle and captions
    "presentation.filter.whole_team": ("cały zespół", "whole team"),
    "presentation.filter.subteams": ("podzespoły: {names}", "subteams: {names}"),
    "presentation.filter.edition": ("Kongres Dialogu {edition}", "Congress of Dialogue {edition}"),
    "presentation.filter.since": ("od {date}", "since {date}"),
    "presentation.data_as_of": ("stan danych na {when}", "data as of {when}"),
    "presentation.suppressed_note": (
        "grupy liczące od 1 do {max} osób pokazano jako „{label}”",
        "groups of 1–{max} people shown as “{label}”",
    ),
    "presentation.suppressed_workshops": (
        "warsztaty z 1–{max} zapisami pominięto",
        "workshops with 1–{max} sign-ups left out",
    ),
    "presentation.axis.status_reached": ("Status osiągnięty", "Status reached"),
    "presentation.axis.changes": ("Liczba zmian statusu", "Status changes"),
    "presentation.chart.status_changes": (
        "Zmiany statusów propozycji",
        "Proposal status changes",
    ),
    "presentation.axis.people": ("Liczba osób", "People"),
    "presentation.axis.signups": ("Liczba zapisów", "Sign-ups"),
    "presentation.axis.district": ("Okręg", "District"),
    "presentation.axis.age_group": ("Grupa wieku", "Age group"),
    "presentation.axis.category": ("Kategoria", "Category"),
    "presentation.no_district": ("spoza Torunia / nie podano", "outside Toruń / not given"),
    "presentation.no_age": ("nie podano", "not given"),
    "presentation.no_data": (
        "Brak danych dla wybranych filtrów.",
        "No data for the chosen filters.",
    ),
    # Page
    "presentation.choose_charts": ("Wykresy do pokazania", "Charts to show"),
    "presentation.current_chart": ("Wykres", "Chart"),
    "presentation.filter_subteams": ("Podzespoły", "Subteams"),
    "presentation.filter_edition": ("Edycja Kongresu", "Congress edition"),
    "presentation.filter_since": ("Zmiany od dnia", "Changes since"),
    "presentation.previous": ("Poprzedni", "Previous"),
    "presentation.next": ("Następny", "Next"),
    "presentation.position": ("Wykres {current} z {total}", "Chart {current} of {total}"),
    "presentation.nothing_chosen": (
        "Wybierz co najmniej jeden wykres w panelu bocznym.",
        "Choose at least one chart in the sidebar.",
    ),
    "presentation.settings": ("Ustawienia prezentacji", "Presentation settings"),
    "presentation.deck": ("Materiały na spotkanie", "Meeting deck"),
    "presentation.download_pptx": ("Pobierz prezentację PPTX", "Download PPTX deck"),
    "presentation.download_pdf": ("Pobierz PDF", "Download PDF"),
    "presentation.deck_help": (
        "Plik powstaje po kliknięciu: slajd tytułowy, najważniejsze liczby, wybrane wykresy "
        "i lista zmian od wybranego dnia.",
        "Built when clicked: title slide, headline figures, the chosen charts and what "
        "changed since the chosen date.",
    ),
    # Deck
    "presentation.deck.title": ("Postępy prac zespołu", "Team progress"),
    "presentation.deck.meeting_date": ("Spotkanie zespołu, {date}", "Team meeting, {date}"),
    "presentation.deck.figures": ("Najważniejsze liczby", "Headline figures"),
    "presentation.deck.changes": ("Co się zmieniło od {date}", "What changed since {date}"),
    "presentation.deck.new_proposals": ("Nowe propozycje", "New proposals"),
    "presentation.deck.status_changes": ("Zmiany statusów", "Status changes"),
    "presentation.deck.milestones_done": ("Ukończone kamienie milowe", "Milestones completed"),
    "presentation.deck.nothing_changed": ("brak zmian", "no changes"),
    "presentation.deck.more_items": ("… i {count} więcej", "… and {count} more"),
    "presentation.deck.status_change": (
        "{title}: {before} → {after}",
        "{title}: {before} → {after}",
    ),
    "presentation.deck.footer": (
        "Panel Strategii Toruń · {when}",
        "Toruń Strategy Panel · {when}",
    ),
    "presentation.figure.proposals": ("Propozycje", "Proposals"),
    "presentation.figure.proposals_new": (
        "Nowe propozycje od {date}",
        "New proposals since {date}",
    ),
    "presentation.figure.decided": (
        "Propozycje z decyzją",
        "Proposals with a decision",
    ),
    "presentation.figure.milestones": ("Ukończone kamienie milowe", "Milestones completed"),
    "presentation.figure.overdue": ("Zaległe kamienie milowe", "Overdue milestones"),
    "presentation.figure.members": ("Członkowie podzespołów", "Subteam members"),
    "presentation.figure.signups": (
        "Zapisy na Kongres {edition}",
        "Sign-ups for the Congress {edition}",
    ),
    "presentation.figure.days_to_congress": ("Dni do Kongresu", "Days to the Congress"),
}
