"""Words a reader understands for prov's kinds of claim and conflict."""

from __future__ import annotations

CONFLICT_LABELS = {
    "denial": "Denied",
    "polarity": "Contradicted",
    "modality": "Disagree on how likely",
    "update": "Figure revised by its source",
    "numeric": "Different figures",
    "rival": "Rival claims",
}
CLAIM_LABELS = {
    "direct_quote": "quoted",
    "indirect": "reported speech",
    "according_to": "according to a source",
    "reported": "reported",
    "denial": "denial",
    "outlet": "outlet's own reporting",
}


def conflict_label(kind: str) -> str:
    return CONFLICT_LABELS.get(kind, kind.replace("_", " ").capitalize())


def claim_label(kind: str) -> str:
    return CLAIM_LABELS.get(kind, kind.replace("_", " "))
