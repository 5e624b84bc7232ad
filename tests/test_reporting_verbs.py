"""The reporting-verb vocabulary: every verb it declares works in every form it is declared
for, so that the rules' verb lists cannot drift apart again."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from provenance.domain import ArticleMeta, SourceDocument
from provenance.nlp import reporting
from provenance.nlp.attribution import attribute
from provenance.nlp.lexicon import PLURAL_ONLY_FORMS
from provenance.nlp.pipeline import extract

VERBS = reporting.verbs()


def _ids(verbs: list[reporting.ReportingVerb]) -> list[str]:
    return [v.lemma for v in verbs]


def _forms(where: Callable[[reporting.ReportingVerb], bool]) -> list[tuple[str, str]]:
    return [(v.lemma, f) for v in VERBS if where(v) for f in v.forms]


def _who(form: str, one: str, many: str) -> str:
    """The subject a form takes: a bare form ("show", "argue") only follows a plural."""
    return many if form in PLURAL_ONLY_FORMS else one


def _content(sentence: str) -> str:
    found = attribute(sentence)
    return sentence[found.content[0]:found.content[1]]


@pytest.mark.parametrize("lemma, form", _forms(
    lambda v: v.reports_clause and v.trailing and v.role != "finding"))
def test_a_clause_verb_closes_a_sentence_as_its_attribution(lemma: str, form: str) -> None:
    told = " reporters" if next(v for v in VERBS if v.lemma == lemma).addressee else ""
    who = _who(form, "the harbour master", "the harbour masters")
    sentence = f"The ferry to Osk will stop running in March, {who} {form}{told}."
    found = attribute(sentence)
    assert found.speaker == who, (lemma, found)
    assert _content(sentence) == "The ferry to Osk will stop running in March"


@pytest.mark.parametrize("lemma, form", _forms(lambda v: v.takes_clause))
def test_a_clause_verb_with_that_reports_the_clause(lemma: str, form: str) -> None:
    who = _who(form, "The harbour master", "The harbour masters")
    sentence = f"{who} {form} that the ferry to Osk will stop running in March."
    found = attribute(sentence)
    assert found.speaker == who, (lemma, found)
    assert _content(sentence) == "the ferry to Osk will stop running in March"


@pytest.mark.parametrize("lemma, form", _forms(lambda v: "that" in v.takes
                                               and not v.reports_clause))
def test_a_that_only_verb_without_that_is_a_deed(lemma: str, form: str) -> None:
    assert attribute(f"The harbour master {form} to keep the ferry to Osk running.").speaker \
        is None


@pytest.mark.parametrize("lemma, form", _forms(lambda v: v.inverted))
def test_an_inverted_verb_names_the_speaker_after_it(lemma: str, form: str) -> None:
    found = attribute(f'"The ferry will stop running in March," {form} Ines Aalto.')
    assert found.speaker == "Ines Aalto" and found.kind == "direct_quote", (lemma, found)


@pytest.mark.parametrize("lemma, form", _forms(lambda v: "quote" in v.takes))
def test_a_quote_verb_marks_who_speaks(lemma: str, form: str) -> None:
    found = attribute(f'"The ferry will stop running in March," Ines Aalto {form}.')
    assert found.speaker == "Ines Aalto" and found.kind == "direct_quote", (lemma, found)


@pytest.mark.parametrize("lemma, form", _forms(lambda v: v.role == "denial"))
def test_a_denial_verb_denies_what_it_names(lemma: str, form: str) -> None:
    who = _who(form, "The harbour master", "The harbour masters")
    found = attribute(f"{who} {form} reports that the ferry to Osk will stop.")
    assert found.kind == "denial" and found.speaker == who, (lemma, found)


@pytest.mark.parametrize("lemma, form", _forms(lambda v: v.role == "finding"))
def test_a_finding_verb_cites_evidence(lemma: str, form: str) -> None:
    who = _who(form, "A survey of ferry users", "Surveys of ferry users")
    found = attribute(f"{who} {form} that most want a later timetable.")
    assert found.kind == "according_to" and found.speaker == who, (lemma, found)


def _claims(text: str) -> list[tuple[str, str | None]]:
    """Each claim of a one-sentence article, lower-cased without its full stop, with the
    name of its speaker."""
    doc = SourceDocument("osk.txt", text.encode(), text, ArticleMeta(outlet="Osk Courier"), "txt")
    return [(c.text.lower().rstrip("."), c.speaker.name if c.speaker else None)
            for c in extract(doc).claims]


@pytest.mark.parametrize("lemma", _ids([v for v in VERBS if v.ing and v.reports_clause
                                        and not v.addressee]))
def test_a_gerund_after_a_comma_reports_a_clause(lemma: str) -> None:
    ing = next(v.ing for v in VERBS if v.lemma == lemma)
    claims = _claims(f"Mayor Ines Aalto closed the old pier on Monday, {ing} that the ferry to "
                     "Osk will stop running in March.")
    assert ("the ferry to osk will stop running in march", "Ines Aalto") in claims, \
        (lemma, claims)


@pytest.mark.parametrize("lemma", _ids([v for v in VERBS if v.ing and v.plain_object]))
def test_a_gerund_that_takes_a_plain_object_reports_no_speech(lemma: str) -> None:
    ing = next(v.ing for v in VERBS if v.lemma == lemma)
    claims = _claims(f"Mayor Ines Aalto closed the old pier on Monday, {ing} two new ferry "
                     "berths to the harbour plan.")
    assert all(not text.startswith("two new ferry berths") for text, _ in claims), (lemma, claims)


def test_a_noun_form_is_no_verb() -> None:
    """Forms that are as often nouns are not declared, so a sentence that opens with one of
    them has no speaker."""
    assert attribute("His remarks angered the harbour workers.").speaker is None
    assert attribute("Her posts drew thousands of replies overnight.").speaker is None


def test_the_vocabulary_refuses_an_unknown_role() -> None:
    with pytest.raises(ValueError, match="unknown role"):
        reporting._entry("murmur", {"forms": ["murmured"], "role": "whisper"})
