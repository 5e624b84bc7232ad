"""Cross-outlet matching: normalise -> candidate pairs -> score -> cluster -> conflicts."""

from __future__ import annotations

from sqlalchemy.orm import Session


def update_matches(session: Session, rebuild: bool = False) -> None:
    """Placeholder until matching lands: nothing is grouped yet."""


__all__ = ["update_matches"]
