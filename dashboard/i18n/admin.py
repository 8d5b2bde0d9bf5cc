"""Labels of the admin area."""

LABELS: dict[str, tuple[str, str]] = {}
