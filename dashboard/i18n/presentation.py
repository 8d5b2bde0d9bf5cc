"""Labels of the presentation area."""

LABELS: dict[str, tuple[str, str]] = {}
