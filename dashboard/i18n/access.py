"""Labels of the access area."""

LABELS: dict[str, tuple[str, str]] = {}
