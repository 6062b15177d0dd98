"""Streamlit helpers: i18n, cached data access, page registry and chrome, charts, citations."""
