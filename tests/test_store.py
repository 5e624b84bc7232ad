"""Speaker resolution: one row per real speaker, however often and however spelled."""

from __future__ import annotations

from provenance.db.engine import make_engine, unit_of_work, upgrade
from provenance.db.store import resolve_speaker
from provenance.domain import Speaker


def resolve_all(db: str, speakers: list[Speaker]) -> list[int]:
    engine = make_engine(db)
    upgrade(engine)
    with unit_of_work(engine) as session:
        return [resolve_speaker(session, s).id for s in speakers]


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
