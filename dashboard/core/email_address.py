"""One check for e-mail addresses typed by people or read from files.

``email_validator`` checks the syntax; on top of it we refuse what a person cannot
see (zero-width and other format characters) and labels that mix scripts, where a
Cyrillic "а" can pass for a Latin "a" and one person could hold two look-alike sign-ups.
"""

from __future__ import annotations

import re
import unicodedata

from email_validator import SPECIAL_USE_DOMAIN_NAMES, EmailNotValidError, validate_email

from dashboard.core.errors import InvalidInput

MAX_EMAIL_LENGTH = 254
# A plain ASCII address that email_validator would accept unchanged, so imports of tens of
# thousands of rows need not run the full check on each (the unit tests compare the two).
_PLAIN_ADDRESS = re.compile(
    r"[a-z0-9_%+-]+(?:\.[a-z0-9_%+-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+([a-z]{2,63})",
)


class InvalidEmail(InvalidInput):
    default_key = "error.email_invalid"


def normalise_email(raw: str) -> str:
    """The address as we store it (trimmed, NFC, domain and local part lower-cased),
    or ``InvalidEmail``."""
    text = unicodedata.normalize("NFC", raw.strip())
    if not text or len(text) > MAX_EMAIL_LENGTH:
        raise InvalidEmail()
    if text.isascii() and _is_plain(text.lower()):
        return text.lower()
    if _has_hidden_characters(text):
        raise InvalidEmail()
    try:
        checked = validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        raise InvalidEmail() from error
    address = checked.normalized.lower()
    if any(_mixes_scripts(part) for part in address.replace("@", ".").split(".")):
        raise InvalidEmail()
    return address


def _is_plain(address: str) -> bool:
    plain = _PLAIN_ADDRESS.fullmatch(address)
    return (
        plain is not None
        and plain.group(1) not in SPECIAL_USE_DOMAIN_NAMES
        and len(address.partition("@")[0]) <= 64
    )


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
