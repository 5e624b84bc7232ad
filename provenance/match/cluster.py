"""Complete-linkage clustering that grows: a claim joins a group only if it states the same
thing as every member, so one loose pair never chains two stories together."""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def grow_groups(new_ids: Iterable[int], same: Mapping[tuple[int, int], float],
                groups: dict[int, set[int]], article_of: Mapping[int, int],
                next_key: int) -> dict[int, set[int]]:
    """Assign ``new_ids`` to ``groups`` (key -> members), creating groups as needed.

    ``same`` holds the pairs (a < b) judged the same proposition, with their score. Returns
    the groups that changed or were created. Keys of new groups start at ``next_key``.
    """
    member_of = {c: key for key, members in groups.items() for c in members}
    partners: dict[int, dict[int, float]] = {}
    for (a, b), s in same.items():
        partners.setdefault(a, {})[b] = s
        partners.setdefault(b, {})[a] = s
    changed: dict[int, set[int]] = {}
    for claim in sorted(new_ids):
        if claim in member_of:
            continue
        mine = partners.get(claim, {})
        best_key, best = None, 0.0
        for key in {member_of[p] for p in mine if p in member_of}:
            members = groups[key]
            if all(m in mine for m in members) and \
                    article_of[claim] not in {article_of[m] for m in members}:
                mean = sum(mine[m] for m in members) / len(members)
                if mean > best:
                    best_key, best = key, mean
        if best_key is None:
            loose = [(s, p) for p, s in mine.items() if p not in member_of]
            if not loose:
                continue
            _, partner = max(loose)
            best_key, next_key = next_key, next_key + 1
            groups[best_key] = {partner}
            member_of[partner] = best_key
        groups[best_key].add(claim)
        member_of[claim] = best_key
        changed[best_key] = groups[best_key]
    return changed
