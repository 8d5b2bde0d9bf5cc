"""Labels of the proposals area."""

LABELS: dict[str, tuple[str, str]] = {}
