"""Cross-outlet matching: frames -> candidate pairs -> pair chance and gates -> conflicts ->
groups (docs/matching.md).

Each stage is a module with pure functions over :class:`~provenance.match.frames.ClaimFrame`;
``engine`` runs them in id order and ``store`` connects them to the database.
"""

from __future__ import annotations

from provenance.match.store import update_matches

__all__ = ["update_matches"]
