"""Streamlit rendering helpers shared by the page scripts (no SQL, no chart encodings)."""
