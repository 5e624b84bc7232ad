"""Matching as a pure function of frames: claims are taken in id order, each against the
earlier claims it meets through its keys, so that matching an archive in several runs
gives what matching it in one gives."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from provenance.match.candidates import KeyIndex, blocking_keys
from provenance.match.cluster import Groups
from provenance.match.config import MatchConfig
from provenance.match.conflicts import Context, FoundConflict, detect
from provenance.match.features import TermWeights
from provenance.match.frames import ClaimFrame
from provenance.match.pairs import is_same, judge, may_be_same, same_story


@dataclass
class Archive:
    """What matching knows of the claims already matched."""

    frames: dict[int, ClaimFrame] = field(default_factory=dict)
    index: KeyIndex = field(default_factory=KeyIndex)
    groups: Groups = field(default_factory=lambda: Groups({}, 0))
    article_of: dict[int, int] = field(default_factory=dict)
    """The article of every claim in ``frames`` and in ``groups``."""

    def add(self, frame: ClaimFrame, keys: frozenset[str] | None = None) -> None:
        self.frames[frame.id] = frame
        self.article_of[frame.id] = frame.article_id
        self.index.add(frame.id, blocking_keys(frame) if keys is None else keys)


def blocked_partners(new_keys: Mapping[int, frozenset[str]], index: KeyIndex,
                     frequency: Callable[[str], int], config: MatchConfig) -> set[int]:
    """Every claim of ``index`` that blocking finds for one of the new claims (id -> its
    blocking keys), filling ``index`` with them as :func:`match_frames` does: what a match
    run must read beside its new claims, with their groups."""
    found: set[int] = set()
    for claim_id in sorted(new_keys):
        found.update(index.partners(new_keys[claim_id], frequency, config))
        index.add(claim_id, new_keys[claim_id])
    return found


def _partners(frame: ClaimFrame, keys: frozenset[str], archive: Archive,
              frequency: Callable[[str], int], config: MatchConfig) -> list[int]:
    """The earlier claims ``frame`` is judged against: those blocking finds, the other
    members of their groups (a claim joins a group only if it states what every member
    does, so it is compared with every member), and the claim extraction read it as
    denying."""
    found = set(archive.index.partners(keys, frequency, config))
    for key in {archive.groups.group_of[p] for p in found if p in archive.groups.group_of}:
        found |= set(sorted(archive.groups.members[key])[:config.max_group_members])
    if frame.denies in archive.frames:
        found.add(frame.denies)
    return sorted(found)


@dataclass
class Outcome:
    """What one matching run found."""

    conflicts: list[FoundConflict] = field(default_factory=list)
    pairs: int = 0


def match_frames(new: Iterable[ClaimFrame], archive: Archive, weigh: TermWeights,
                 frequency: Callable[[str], int], config: MatchConfig) -> Outcome:
    """Match ``new`` claims (ids above every claim in ``archive``) one by one, adding them to
    ``archive``; ``archive.groups.changed`` says which groups changed."""
    context = Context(weigh, config)
    article_of = archive.article_of
    outcome = Outcome()
    for frame in sorted(new, key=lambda f: f.id):
        article_of[frame.id] = frame.article_id
        same: dict[int, float] = {}
        apart: set[int] = set()
        keys = blocking_keys(frame)
        for other_id in _partners(frame, keys, archive, frequency, config):
            if not same_story(archive.frames[other_id], frame):
                apart.add(other_id)
                continue
            pair = judge(archive.frames[other_id], frame, weigh, config)
            outcome.pairs += 1
            found = detect(pair, context)
            outcome.conflicts += found
            if found or not may_be_same(pair):
                apart.add(other_id)
            elif is_same(pair, config):
                same[other_id] = pair.chance
            elif pair.chance < config.link_veto:
                apart.add(other_id)
        archive.groups.add(frame.id, same, apart, article_of, config.link_share)
        archive.add(frame, keys)
    return outcome
