"""Panel Strategii Toruń: queries, domain rules, charts, services and the CLI."""
