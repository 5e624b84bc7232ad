"""Complete-linkage groups, grown one claim at a time in id order: a claim joins a group
only if it states the same thing as every member and no member is from its article, so
one loose pair never chains two stories together. Claims are taken in id order, so the
groups of an archive do not depend on how its claims were split between runs."""

from __future__ import annotations

from collections.abc import Mapping


class Groups:
    """Groups (key -> members) and the group of each claim."""

    def __init__(self, groups: Mapping[int, set[int]], next_key: int) -> None:
        self.members = {key: set(m) for key, m in groups.items()}
        self.group_of = {c: key for key, m in self.members.items() for c in m}
        self.changed: set[int] = set()
        self._next_key = next_key

    def add(self, claim: int, same: Mapping[int, float], article_of: Mapping[int, int]) -> None:
        """Place ``claim``, given its earlier partners judged the same and their chances."""
        best_key, best = None, 0.0
        for key in sorted({self.group_of[p] for p in same if p in self.group_of}):
            members = self.members[key]
            if all(m in same for m in members) and \
                    article_of[claim] not in {article_of[m] for m in members}:
                mean = sum(same[m] for m in members) / len(members)
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
