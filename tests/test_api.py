"""The public Python API stays small and stable."""

from __future__ import annotations

import provenance


def test_public_api_is_pinned() -> None:
    assert sorted(provenance.__all__) == sorted([
        "ArticleMeta", "Claim", "Extraction", "SourceDocument", "Speaker", "ProvError",
        "extract", "ingest_paths", "load_taxonomy", "open_database", "update_matches",
    ])
    for name in provenance.__all__:
        assert getattr(provenance, name) is not None
