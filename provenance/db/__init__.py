"""Storage: tables, engine and session helpers, and data-access functions."""
