import pytest

from dashboard.core.email_address import InvalidEmail, is_valid_email, normalise_email


@pytest.mark.parametrize(
    ("raw", "stored"),
    [
        ("  Anna.Nowak@Example.PL ", "anna.nowak@example.pl"),
        ("zażółć@gęśla.pl", "zażółć@gęśla.pl"),
    ],
)
def test_valid_addresses_are_normalised(raw, stored):
    assert normalise_email(raw) == stored


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "anna\u200b@example.pl",  # zero-width space
        "an\u00adna@example.pl",  # soft hyphen
        "anna@exаmple.pl",  # Cyrillic "а" among Latin letters
        "anna nowak@example.pl",
        "anna@",
        "a" * 250 + "@example.pl",
    ],
)
def test_hidden_confusable_or_malformed_addresses_are_refused(raw):
    with pytest.raises(InvalidEmail):
        normalise_email(raw)
    assert not is_valid_email(raw)


def test_the_refusal_says_what_to_check_in_both_languages():
    error = InvalidEmail()
    assert "e-mail" in error.message("pl")
    assert "invisible" in error.message("en")


def _slow_path(raw: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(raw.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


@pytest.mark.parametrize(
    "raw",
    [
        "osoba123@example.org",
        "Jan.Kowalski+kongres@Torun.PL",
        "a_b%c-d@sub-domain.mieszkancy.example",
        "x@a.b.c.de",
        "jan..kowalski@example.pl",
        ".jan@example.pl",
        "jan.@example.pl",
        "jan@-example.pl",
        "jan@example-.pl",
        "jan@example.p",
        "jan@localhost",
        "jan@example.local",
        "jan@example.test",
        "jan@example.invalid",
        "a" * 64 + "@example.pl",
        "a" * 65 + "@example.pl",
        "jan@" + "d" * 63 + ".pl",
        "jan@" + "d" * 64 + ".pl",
        "jan@example.pl1",
        "jan@123.pl",
    ],
)
def test_the_quick_check_agrees_with_email_validator(raw):
    expected = _slow_path(raw)
    if expected is None:
        assert not is_valid_email(raw)
    else:
        assert normalise_email(raw) == expected
