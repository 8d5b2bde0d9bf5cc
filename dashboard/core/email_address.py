"""One check for e-mail addresses typed by people or read from files.

``email_validator`` checks the syntax; on top of it we refuse what a person cannot
see (zero-width and other format characters) and labels that mix scripts, where a
Cyrillic "а" can pass for a Latin "a" and one person could hold two look-alike sign-ups.
"""

from __future__ import annotations

import unicodedata

from email_validator import EmailNotValidError, validate_email

from dashboard.core.errors import InvalidInput

MAX_EMAIL_LENGTH = 254


class InvalidEmail(InvalidInput):
    default_key = "error.email_invalid"


def normalise_email(raw: str) -> str:
    """The address as we store it (trimmed, NFC, domain and local part lower-cased),
    or ``InvalidEmail``."""
    text = unicodedata.normalize("NFC", raw.strip())
    if not text or len(text) > MAX_EMAIL_LENGTH or _has_hidden_characters(text):
        raise InvalidEmail()
    try:
        checked = validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidEmail() from error
    address = checked.normalized.lower()
    if any(_mixes_scripts(part) for part in address.replace("@", ".").split(".")):
        raise InvalidEmail()
    return address


def is_valid_email(raw: str) -> bool:
    try:
        normalise_email(raw)
    except InvalidEmail:
        return False
    return True


def _has_hidden_characters(text: str) -> bool:
    return any(unicodedata.category(char) in {"Cf", "Cc", "Co", "Cs", "Zs"} for char in text)


def _mixes_scripts(label: str) -> bool:
    scripts = {_script(char) for char in label if char.isalpha()}
    return len(scripts) > 1


def _script(char: str) -> str:
    return unicodedata.name(char, "UNKNOWN").split(" ")[0]
