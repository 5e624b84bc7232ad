"""Conflicts between claims: numeric, denial, rival."""

from __future__ import annotations

CONFLICT_KINDS = ("numeric", "denial", "rival", "update")
