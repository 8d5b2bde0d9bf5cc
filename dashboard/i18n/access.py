"""Labels of the access area: sign-in, sign-out, demo mode, user-management errors."""

LABELS: dict[str, tuple[str, str]] = {
    "access.sign_in.title": ("Logowanie", "Sign in"),
    "access.sign_in.nav": ("Zaloguj się", "Sign in"),
    "access.sign_in.intro": (
        "Panel jest dostępny dla członków zespołu po zalogowaniu. "
        "Mieszkańców zapraszamy do zapisów na Kongres Dialogu.",
        "The panel is for team members who sign in. "
        "Residents are welcome to sign up for the Congress of Dialogue.",
    ),
    "access.sign_in.username": ("Nazwa użytkownika", "Username"),
    "access.sign_in.password": ("Hasło", "Password"),
    "access.sign_in.submit": ("Zaloguj się", "Sign in"),
    "access.sign_in.failed": (
        "Nie udało się zalogować: nieprawidłowa nazwa użytkownika lub hasło. "
        "Po 5 nieudanych próbach logowanie na to konto jest wstrzymane na 15 minut.",
        "Sign-in failed: wrong username or password. "
        "After 5 failed attempts, sign-in to the account is paused for 15 minutes.",
    ),
    "access.sign_in.missing": (
        "Podaj nazwę użytkownika i hasło.",
        "Enter your username and password.",
    ),
    "access.sign_in.to_signup": ("Zapisy na Kongres Dialogu", "Congress of Dialogue sign-up"),
    "access.sign_in.after": (
        "Po zalogowaniu otworzy się strona, o którą prosisz.",
        "After signing in you will see the page you asked for.",
    ),
    "access.signed_in_as": ("Zalogowano: {name}", "Signed in: {name}"),
    "access.role": ("Rola: {role}", "Role: {role}"),
    "access.sign_out": ("Wyloguj się", "Sign out"),
    "access.signed_out": ("Wylogowano.", "You have signed out."),
    "access.account_unavailable": (
        "Twoje konto jest nieaktywne — zalogowanie nie jest możliwe. "
        "Skontaktuj się z administratorem panelu.",
        "Your account is inactive and cannot sign in. Please contact the panel's administrator.",
    ),
    "access.no_cookie_key": (
        "Panel nie może wystartować: brak klucza ciasteczka logowania (cookie_key). "
        "Ustaw zmienną środowiskową COOKIE_KEY albo wpis cookie_key w .streamlit/secrets.toml "
        "(np. poleceniem: python -m dashboard make-secrets .streamlit/secrets.toml).",
        "The panel cannot start: the sign-in cookie key (cookie_key) is missing. "
        "Set the COOKIE_KEY environment variable or cookie_key in .streamlit/secrets.toml "
        "(e.g. with: python -m dashboard make-secrets .streamlit/secrets.toml).",
    ),
    "access.demo_badge": ("DEMO", "DEMO"),
    "access.demo_note": (
        "Tryb demonstracyjny: istnieją konta demonstracyjne (hasło „demo”). "
        "Nie używaj tej bazy do prawdziwych danych.",
        "Demo mode: demo accounts exist (password “demo”). Do not use this database for real data.",
    ),
    "access.no_permission": (
        "Nie masz uprawnień do tej strony.",
        "You do not have permission to open this page.",
    ),
    "access.role.admin": ("administrator", "administrator"),
    "access.role.director": ("dyrekcja", "director"),
    "access.role.lead": ("lider podzespołu", "subteam lead"),
    "access.role.member": ("członek zespołu", "team member"),
    "access.error.password_short": (
        "Hasło musi mieć co najmniej {minimum} znaków.",
        "The password must have at least {minimum} characters.",
    ),
    "access.error.password_long": (
        "Hasło może mieć najwyżej {maximum} bajtów (znaki spoza ASCII liczą się podwójnie).",
        "The password may have at most {maximum} bytes (non-ASCII characters count double).",
    ),
    "access.error.password_spaces": (
        "Hasło nie może zaczynać się ani kończyć spacją.",
        "The password must not start or end with a space.",
    ),
    "access.error.password_mismatch": (
        "Hasła nie są takie same.",
        "The passwords do not match.",
    ),
    "access.error.username_format": (
        "Nazwa użytkownika „{username}” jest nieprawidłowa: 3–50 znaków, małe litery "
        "bez polskich znaków, cyfry, kropka, myślnik lub podkreślnik.",
        "The username “{username}” is not valid: 3–50 characters, lower-case letters "
        "without diacritics, digits, dot, hyphen or underscore.",
    ),
    "access.error.username_taken": (
        "Użytkownik „{username}” już istnieje.",
        "The user “{username}” already exists.",
    ),
    "access.error.display_name_missing": (
        "Podaj imię i nazwisko (nazwę wyświetlaną).",
        "Enter the display name.",
    ),
    "access.error.role_unknown": (
        "Nieznana rola „{role}”; dozwolone: {roles}.",
        "Unknown role “{role}”; allowed: {roles}.",
    ),
    "access.error.lead_needs_subteam": (
        "Lider musi mieć przypisany co najmniej jeden podzespół.",
        "A lead must be bound to at least one subteam.",
    ),
    "access.error.subteams_only_for_leads": (
        "Podzespoły przypisuje się tylko liderom (rola lead).",
        "Subteams are assigned to leads only (role lead).",
    ),
    "access.error.subteam_unknown": (
        "Nie ma podzespołu o numerze: {ids}.",
        "No subteam with id: {ids}.",
    ),
    "access.error.user_unknown": (
        "Nie ma użytkownika „{username}”.",
        "There is no user “{username}”.",
    ),
    "access.error.last_admin": (
        "Nie można wyłączyć ostatniego aktywnego administratora.",
        "The last active administrator cannot be disabled.",
    ),
}
