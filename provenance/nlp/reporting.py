"""The reporting-verb vocabulary (``reporting_verbs.toml``): one entry per lemma, with its
forms, its role and what it takes. The verb lists of the attribution rules are views of it."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

ROLES = frozenset("speech finding estimate denial confirmation promise appraisal question"
                  " figure".split())
TAKES = frozenset("clause that object quote".split())


@dataclass(frozen=True)
class ReportingVerb:
    """One reporting verb; see the header of ``reporting_verbs.toml`` for each field."""

    lemma: str
    forms: tuple[str, ...]
    role: str
    takes: frozenset[str]
    ing: str | None = None
    trailing: bool = True
    inverted: bool = False
    act: bool = False
    plain_object: bool = False
    addressee: bool = False
    hearer: bool = False

    @property
    def reports_clause(self) -> bool:
        """Whether a clause after it is reported content, with "that" or without."""
        return "clause" in self.takes

    @property
    def takes_clause(self) -> bool:
        """Whether it reports a clause at all, if only after "that"."""
        return bool(self.takes & {"clause", "that"})


@lru_cache(maxsize=1)
def verbs() -> tuple[ReportingVerb, ...]:
    """Every entry of the vocabulary, in file order."""
    raw = resources.files("provenance.nlp").joinpath("reporting_verbs.toml").read_text("utf-8")
    return tuple(_entry(lemma, spec) for lemma, spec in tomllib.loads(raw)["verbs"].items())


def _entry(lemma: str, spec: dict[str, Any]) -> ReportingVerb:
    if spec["role"] not in ROLES or not set(spec.get("takes", ())) <= TAKES \
            or not set(spec) <= _FIELDS:
        raise ValueError(f"reporting_verbs.toml: {lemma}: unknown role, take or field")
    return ReportingVerb(lemma, tuple(spec.get("forms", ())), spec["role"],
                         frozenset(spec.get("takes", ())), spec.get("ing"),
                         spec.get("trailing", True), spec.get("inverted", False),
                         spec.get("act", False), spec.get("plain_object", False),
                         spec.get("addressee", False), spec.get("hearer", False))


_FIELDS = frozenset(
    "forms ing role takes trailing inverted act plain_object addressee hearer".split())


def forms(where: Callable[[ReportingVerb], bool]) -> frozenset[str]:
    """The finite forms of the verbs ``where`` holds for."""
    return frozenset(f for v in verbs() if where(v) for f in v.forms)


def ings(where: Callable[[ReportingVerb], bool]) -> frozenset[str]:
    """The -ing forms of the verbs ``where`` holds for."""
    return frozenset(v.ing for v in verbs() if v.ing and where(v))

