"""SQL queries per area: functions ``fn(engine, ...) -> pd.DataFrame`` aggregating in SQL."""
