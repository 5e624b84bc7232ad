"""Speaker resolution: one row per real speaker, however often and however spelled."""

from __future__ import annotations

from provenance.db.engine import make_engine, unit_of_work, upgrade
from provenance.db.speakers import resolve_speakers
from provenance.domain import Speaker


def resolve_all(db: str, speakers: list[Speaker]) -> list[int]:
    """Half the mentions in one article, the other half in the next."""
    engine = make_engine(db)
    upgrade(engine)
    half = len(speakers) // 2
    with unit_of_work(engine) as session:
        first = [s.id for s in resolve_speakers(session, speakers[:half])]
    with unit_of_work(engine) as session:
        return first + [s.id for s in resolve_speakers(session, speakers[half:])]


def test_organisations_sharing_a_first_word_stay_apart(db_url: str) -> None:
    ids = resolve_all(db_url, [
        Speaker("Ministère de la Défense", "organization"),
        Speaker("Ministère de la Santé", "organization"),
        Speaker("ministere de la defense", "organization"),
        Speaker("Ministère de la Santé", "organization"),
    ])
    assert ids[0] == ids[2] and ids[1] == ids[3] and ids[0] != ids[1]


def test_people_merge_by_surname_and_keep_the_fuller_name(sqlite_url: str) -> None:
    ids = resolve_all(sqlite_url, [
        Speaker("Okonkwo", "person"),
        Speaker("Adaeze Okonkwo", "person", role="finance minister"),
        Speaker("Adaeze Okonkow", "person"),
        Speaker("Chidi Okonkwo", "person"),
    ])
    assert ids[0] == ids[1] == ids[2] and ids[3] != ids[0]


def test_unnamed_sources_are_never_merged(sqlite_url: str) -> None:
    unnamed = Speaker("senior officials", "anonymous")
    ids = resolve_all(sqlite_url, [unnamed, unnamed, unnamed, unnamed])
    assert len(set(ids)) == 4
