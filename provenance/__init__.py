"""prov: claims and their provenance across news articles.

    from provenance import open_database, ingest_paths
    engine = open_database("prov.db")
    report = ingest_paths(engine, [Path("seeds")])
"""

from __future__ import annotations

from provenance.db.engine import open_database
from provenance.domain import ArticleMeta, Claim, Extraction, SourceDocument, Speaker
from provenance.errors import ProvError
from provenance.jobs import ingest_paths
from provenance.match import update_matches
from provenance.nlp.pipeline import extract
from provenance.nlp.topics import load_taxonomy

__all__ = [
    "ArticleMeta", "Claim", "Extraction", "SourceDocument", "Speaker", "ProvError",
    "extract", "ingest_paths", "load_taxonomy", "open_database", "update_matches",
]
