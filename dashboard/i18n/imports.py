"""Labels of the imports (proposals and Congress sign-ups): reports, problems, admin section."""

LABELS: dict[str, tuple[str, str]] = {
    # problems: one reason per key, with the offending value
    "imports.problem.unreadable": (
        "nie można odczytać pliku: {detail}",
        "cannot read the file: {detail}",
    ),
    "imports.problem.no_rows": (
        "plik nie zawiera żadnych wierszy danych",
        "the file contains no data rows",
    ),
    "imports.problem.missing_column": (
        "brak wymaganej kolumny „{column}”",
        "the required column “{column}” is missing",
    ),
    "imports.problem.duplicate_column": (
        "kolumna „{column}” występuje dwa razy",
        "the column “{column}” appears twice",
    ),
    "imports.problem.required": ("puste pole, a jest wymagane", "empty, but required"),
    "imports.problem.too_long": (
        "za długi tekst ({length} znaków, najwyżej {limit})",
        "text too long ({length} characters, at most {limit})",
    ),
    "imports.problem.unknown_subteam": (
        "nieznany podzespół „{value}” (podaj nazwę, skrót albo numer)",
        "unknown subteam “{value}” (give its name, slug or number)",
    ),
    "imports.problem.not_your_subteam": (
        "brak uprawnień do importu do podzespołu „{value}” (tylko własne podzespoły)",
        "no permission to import into subteam “{value}” (own subteams only)",
    ),
    "imports.problem.unknown_status": (
        "nieznany status „{value}”",
        "unknown status “{value}”",
    ),
    "imports.problem.unknown_source": (
        "nieznane źródło „{value}”",
        "unknown source “{value}”",
    ),
    "imports.problem.unknown_district": (
        "nieznany okręg „{value}” (Toruń ma okręgi 1–13; podaj numer albo nazwę)",
        "unknown district “{value}” (Toruń has districts 1–13; give the number or name)",
    ),
    "imports.problem.unknown_category": (
        "nieznana kategoria uczestnika „{value}”",
        "unknown participant category “{value}”",
    ),
    "imports.problem.bad_date": (
        "nieznany format daty „{value}” (oczekiwano 30.09.2025 albo 2025-09-30)",
        "unknown date format “{value}” (expected 30.09.2025 or 2025-09-30)",
    ),
    "imports.problem.impossible_date": (
        "taki dzień nie istnieje: „{value}”",
        "no such day: “{value}”",
    ),
    "imports.problem.bad_age": (
        "nieznany format wieku „{value}” (podaj grupę, np. 25-34, albo liczbę lat, np. 33)",
        "unknown age format “{value}” (give a group such as 25-34 or a number of years such as 33)",
    ),
    "imports.problem.bad_email": (
        "nieprawidłowy adres e-mail „{value}”",
        "invalid e-mail address “{value}”",
    ),
    "imports.problem.duplicate_email": (
        "ten sam adres e-mail co w wierszu {row}",
        "the same e-mail address as in row {row}",
    ),
    "imports.problem.duplicate_row": (
        "ta sama propozycja co w wierszu {row}",
        "the same proposal as in row {row}",
    ),
    "imports.problem.unknown_workshop": (
        "nieznany warsztat „{value}” w tej edycji Kongresu",
        "unknown workshop “{value}” in this Congress edition",
    ),
    "imports.problem.bad_days": (
        "nieznane dni „{value}” (oczekiwano 1, 2 albo „oba”)",
        "unknown days “{value}” (expected 1, 2 or “both”)",
    ),
    "imports.problem.bad_yes_no": (
        "oczekiwano „tak” albo „nie”, jest „{value}”",
        "expected “yes” or “no”, got “{value}”",
    ),
    "imports.problem.no_consent": (
        "brak zgody na przetwarzanie danych osobowych — zapisu nie można zaimportować",
        "no consent to the processing of personal data — the sign-up cannot be imported",
    ),
    "imports.problem.anonymised_edition": (
        "zapisy edycji {value} zostały zanonimizowane — import przywróciłby usunięte dane osobowe",
        "the sign-ups of edition {value} were anonymised — an import would restore erased "
        "personal data",
    ),
    "imports.problem.unknown_edition": (
        "nie ma edycji Kongresu {value} w bazie",
        "there is no Congress edition {value} in the database",
    ),
    # report
    "imports.column.row": ("Wiersz", "Row"),
    "imports.column.column": ("Kolumna", "Column"),
    "imports.column.reason": ("Problem", "Problem"),
    "imports.file_level": ("cały plik", "whole file"),
    "imports.summary": (
        "Wierszy w pliku: {total}. Do dodania: {add}, do zaktualizowania: {update}, "
        "bez zmian: {unchanged}.",
        "Rows in the file: {total}. To add: {add}, to update: {update}, unchanged: {unchanged}.",
    ),
    "imports.summary_done": (
        "Zaimportowano. Dodano: {add}, zaktualizowano: {update}, bez zmian: {unchanged}.",
        "Imported. Added: {add}, updated: {update}, unchanged: {unchanged}.",
    ),
    "imports.problems_found": (
        "Znaleziono problemy: {count}. Import niczego nie zmieni, dopóki ich nie poprawisz.",
        "Problems found: {count}. The import will change nothing until they are fixed.",
    ),
    "imports.problems_refused": (
        "Import odrzucony — nic nie zostało zapisane. Problemy: {count}.",
        "Import refused — nothing was saved. Problems: {count}.",
    ),
    "imports.ignored_columns": (
        "Pominięte kolumny (nieznane): {columns}",
        "Ignored columns (unknown): {columns}",
    ),
    "imports.nothing_to_do": (
        "Wszystkie wiersze są już w bazie — import niczego nie doda.",
        "Every row is already in the database — the import will add nothing.",
    ),
    # admin section
    "imports.section": ("Import danych", "Data import"),
    "imports.kind": ("Co importujesz?", "What are you importing?"),
    "imports.kind.proposals": ("Propozycje", "Proposals"),
    "imports.kind.signups": ("Zapisy na Kongres", "Congress sign-ups"),
    "imports.help": (
        "Plik CSV (UTF-8 albo Windows-1250, separator „,” lub „;”) albo XLSX, nagłówki po polsku "
        "lub angielsku. Najpierw sprawdzamy plik bez zapisywania; import jest wykonywany w całości "
        "albo wcale, a ponowny import tego samego pliku niczego nie dubluje.",
        "A CSV file (UTF-8 or Windows-1250, separated by “,” or “;”) or XLSX, with Polish or "
        "English headers. The file is checked first without saving; the import is all or nothing, "
        "and importing the same file again duplicates nothing.",
    ),
    "imports.upload": ("Plik do importu", "File to import"),
    "imports.edition": ("Edycja Kongresu", "Congress edition"),
    "imports.default_source": (
        "Źródło dla wierszy bez kolumny „Źródło”",
        "Source for rows without a “Source” column",
    ),
    "imports.no_default_source": (
        "— brak (wymagaj w pliku) —",
        "— none (require it in the file) —",
    ),
    "imports.check": ("Sprawdź plik", "Check the file"),
    "imports.confirm": ("Importuj {count}", "Import {count}"),
    "imports.no_editions": (
        "W bazie nie ma żadnej edycji Kongresu — nie ma dokąd importować zapisów.",
        "There is no Congress edition in the database — nowhere to import sign-ups to.",
    ),
    "imports.forbidden": (
        "Nie masz uprawnień do tego importu.",
        "You are not allowed to run this import.",
    ),
    "imports.signups_admin_only": (
        "Zapisy zawierają dane osobowe — importuje je tylko administrator.",
        "Sign-ups contain personal data — only an administrator imports them.",
    ),
}
