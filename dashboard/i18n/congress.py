"""Labels of the congress area."""

LABELS: dict[str, tuple[str, str]] = {}
