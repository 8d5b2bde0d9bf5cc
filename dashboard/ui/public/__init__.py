"""/wyniki: filters kept in the URL, the summary charts with their tables, the list and
the open-data downloads."""
