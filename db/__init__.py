"""Data layer: models, engine and sessions, migrations, demo data. Knows nothing of Streamlit."""
