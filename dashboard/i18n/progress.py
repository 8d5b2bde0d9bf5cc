"""Labels of the progress area."""

LABELS: dict[str, tuple[str, str]] = {}
