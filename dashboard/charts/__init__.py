"""Charts: pure functions returning ``alt.Chart``; one place gives them their look."""
