"""Groups grown one claim at a time in id order: a claim joins a group only if it states
the same thing as enough of its members (``MatchConfig.link_share``), is kept apart from
none of them by a gate or a low chance, and no member is from its article; so one loose
pair never chains two stories together. Claims are taken in id order, so the groups of an
archive do not depend on how its claims were split between runs."""

from __future__ import annotations

from collections.abc import Mapping, Set


class Groups:
    """Groups (key -> members) and the group of each claim."""

    def __init__(self, groups: Mapping[int, set[int]], next_key: int) -> None:
        self.members = {key: set(m) for key, m in groups.items()}
        self.group_of = {c: key for key, m in self.members.items() for c in m}
        self.changed: set[int] = set()
        self._next_key = next_key

    def add(self, claim: int, same: Mapping[int, float], apart: Set[int],
            article_of: Mapping[int, int], share: float = 1.0) -> None:
        """Place ``claim``, given its earlier partners judged the same (with their chances)
        and those judged apart. It joins the group whose members it is closest to, if it
        is judged the same as ``share`` of them at least and apart from none."""
        best_key, best = None, 0.0
        for key in sorted({self.group_of[p] for p in same if p in self.group_of}):
            members = self.members[key]
            inside = [m for m in members if m in same]
            if len(inside) >= share * len(members) and not members & apart and \
                    article_of[claim] not in {article_of[m] for m in members}:
                mean = sum(same[m] for m in inside) / len(members)
                if mean > best:
                    best_key, best = key, mean
        if best_key is None:
            loose = sorted(((s, p) for p, s in same.items() if p not in self.group_of),
                           reverse=True)
            if not loose:
                return
            best_key = self._new_group(loose[0][1])
        self.members[best_key].add(claim)
        self.group_of[claim] = best_key
        self.changed.add(best_key)

    def _new_group(self, first: int) -> int:
        key, self._next_key = self._next_key, self._next_key + 1
        self.members[key] = {first}
        self.group_of[first] = key
        return key
