"""Cross-outlet matching: normalise -> candidate pairs -> score -> cluster -> conflicts.

Each stage is a module with pure functions over :class:`ClaimFeatures`; ``store`` connects
them to the database.
"""

from __future__ import annotations

from provenance.match.store import update_matches

__all__ = ["update_matches"]
