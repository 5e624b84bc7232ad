"""One exception tree; every message says what to do next."""

from __future__ import annotations


class ProvError(Exception):
    """Base of every error a user can cause; the CLI prints it as one line."""

    exit_code = 1


class InputError(ProvError):
    """A file, option or value the user gave cannot be used."""

    exit_code = 2


class UnknownTopicError(InputError):
    """A topic name that the taxonomy does not have."""


class NotFoundError(InputError):
    """A claim, article or other record that does not exist."""


class DatabaseError(ProvError):
    """The database cannot be reached or used."""

    exit_code = 3
