"""The floor of the browser timings: a bare Streamlit page over the panel's database file.

What /propozycje shows on arrival — a title, the 200 newest proposals and four count
tables (status, subteam, okręg, source) — with nothing of the panel: no sign-in, no
navigation, no components, only ``sqlite3`` and pandas reading the same file. Query
results are kept with ``st.cache_data``, as the panel keeps its own, so the floor is
what Streamlit itself costs a fresh tab. Run by ``bench/browser_timing.py`` as
``streamlit run bench/floor_app.py -- <database path>``.
"""

import sqlite3
import sys

import pandas as pd
import streamlit as st

NEWEST = """
SELECT p.id, p.title, p.status, s.name AS subteam, p.source, d.number AS okreg,
       d.name AS okreg_name, p.strategic_area, p.created_at, p.updated_at
FROM proposals AS p
JOIN subteams AS s ON s.id = p.subteam_id
LEFT JOIN districts AS d ON d.id = p.district_id
ORDER BY p.created_at DESC, p.id DESC
LIMIT 200
"""
COUNTS = {
    "Status": "SELECT status AS value, count(*) AS n FROM proposals GROUP BY status",
    "Podzespół": (
        "SELECT s.name AS value, c.n FROM (SELECT subteam_id, count(*) AS n FROM proposals "
        "GROUP BY subteam_id) AS c JOIN subteams AS s ON s.id = c.subteam_id"
    ),
    "Okręg": (
        "SELECT coalesce(d.name, 'cała gmina') AS value, c.n FROM (SELECT district_id, "
        "count(*) AS n FROM proposals GROUP BY district_id) AS c "
        "LEFT JOIN districts AS d ON d.id = c.district_id"
    ),
    "Źródło": "SELECT source AS value, count(*) AS n FROM proposals GROUP BY source",
}


@st.cache_data(show_spinner=False)
def read(path: str, sql: str) -> pd.DataFrame:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return pd.read_sql_query(sql, connection)
    finally:
        connection.close()


database = sys.argv[1]
st.title("Propozycje")
table_column, count_column = st.columns([3, 1])
with table_column:
    st.dataframe(read(database, NEWEST), hide_index=True)
with count_column:
    for title, sql in COUNTS.items():
        st.markdown(f"**{title}**")
        st.dataframe(read(database, sql), hide_index=True)
