"""Wire credits, datelines and page notices, on lines and sentences of our own."""

from __future__ import annotations

import pytest

from provenance.domain import ArticleMeta, SourceDocument
from provenance.nlp.clean import byline_writers, clean, is_notice
from provenance.nlp.pipeline import extract
from provenance.nlp.wire import CREDIT_FORMS, dateline, line_credits, sentence_credits

# One case at least for every form in CREDIT_FORMS, and lines that credit no agency.
CREDIT_LINES = [
    ("bracket", "jm/kt (dpa, AP)", ("dpa", "AP")),
    ("contributed", "Harbour Wire contributed reporting.", ("Harbour Wire",)),
    ("with", "Mira Okafor, with Harbour Wire", ("Harbour Wire",)),
    ("with", "- With Osprey", ("Osprey",)),
    ("outlet_with", "Coastal Times with Osprey", ("Osprey",)),
    ("by", "By Osprey staff", ("Osprey",)),
    ("by", "By Agence France-Presse", ("AFP",)),
    ("byline", "Osprey News Agency", ("Osprey",)),
    ("byline", "The Associated Press", ("AP",)),
    (None, "By Mira Okafor", None),
    (None, "Coastal Times staff", None),
    (None, "By Coastal Times staff", None),
    (None, "Talks with the mayor", None),
    (None, "Storm damage in pictures", None),
    (None, "Ferry Operator with Harbour Authority", None),
    ("licence", "Copyright 2022 The Associated Press. All rights reserved. It may not be "
                "rewritten.", ("AP",)),
    ("licence", "© Osprey News Agency 2021", ("Osprey",)),
    (None, "© 2023 Coastal Times. All rights reserved.", None),
]


def test_every_credit_form_has_a_case() -> None:
    assert {form.name for form in CREDIT_FORMS} <= {form for form, _, _ in CREDIT_LINES}


@pytest.mark.parametrize(("form", "line", "agencies"), CREDIT_LINES)
def test_credit_lines(form: str | None, line: str, agencies: tuple[str, ...] | None) -> None:
    assert line_credits(line, outlet="Coastal Times") == agencies


@pytest.mark.parametrize(("paragraph", "dateline_text", "agencies"), [
    ("PORT ELLIS, Nov 3 (Osprey) - The ferry sank.", "PORT ELLIS, Nov 3 (Osprey) - ", ("Osprey",)),
    ("ÉCIJA, Spain, 19 Nov (EFE) - Fire crews were called.", "ÉCIJA, Spain, 19 Nov (EFE) - ",
     ("EFE",)),
    ("МОСКВА, 7 мая (ТАСС) - Переговоры начались.", "МОСКВА, 7 мая (ТАСС) - ", ("ТАСС",)),
    ("HARLOW - The council met.", "HARLOW - ", ()),
    ("Harlow, May 4 - The council met.", "Harlow, May 4 - ", ()),
    ("The mayor said on May 4 - and again later - that", "", ()),
    ("Councillors - most of them new - voted.", "", ()),
])
def test_datelines(paragraph: str, dateline_text: str, agencies: tuple[str, ...]) -> None:
    assert dateline(paragraph) == (len(dateline_text), agencies)


def test_a_datelines_date_never_reaches_a_claim() -> None:
    cleaned = clean("PORT ELLIS, Nov 3 (Osprey) - The ferry sank after hitting rocks.\n")
    body = cleaned.body()
    assert cleaned.wire == ("Osprey",)
    assert [u.start for u in body] == [len("PORT ELLIS, Nov 3 (Osprey) - ")]


@pytest.mark.parametrize(("sentence", "notice"), [
    ("This story may not be reprinted without the written permission of the publisher.", True),
    ("No part of this site may be reproduced.", True),
    ("It may not be redistributed or rewritten without a licence.", True),
    ("It first published on Monday and may be out of date.", True),
    ("\u00a9 2031 Coastal Times Ltd.", True),
    ("It was the first published account of the rescue.", True),  # a cost of "It": accepted
    ("The report was distributed to every councillor.", False),
    ("It rained for three days.", False),
    ("Permission to build the sea wall was refused.", False),
    ("Comments are closed for this article.", True),
    ("Commenting has been disabled on this story.", True),
    ("Reader comments are moderated before they appear.", True),
    ("Comments by the mayor angered residents.", False),
    ("This site uses cookies to remember what you read.", True),
    ("By using this website you accept our terms of use.", True),
    ("The bakery's cookies won a prize at the county show.", False),
    ("The council's privacy policy was criticised by auditors.", False),
    ("The bridge is closed to traffic.", False),
])
def test_notices(sentence: str, notice: bool) -> None:
    assert is_notice(sentence) is notice


@pytest.mark.parametrize(("line", "writers"), [
    ("By Sara Lindqvist", ("Sara Lindqvist",)),
    ("By Jon Akers and Mei Lund, Port Reporters | 2 May 2025", ("Jon Akers", "Mei Lund")),
    ("By Ana María Ruiz \u00b7 4 min read", ("Ana María Ruiz",)),
    ("By Reuters Staff", ()),  # an agency
    ("By Tejo Post Reporters", ()),  # the outlet itself
    ("By Kestrel staff", ()),
    ("By Tuesday", ()),
])
def test_byline_writers(line: str, writers: tuple[str, ...]) -> None:
    assert byline_writers(line, "Tejo Post") == writers


def test_a_distribution_notice_names_the_wire_and_yields_no_claim() -> None:
    text = ("The ferry sank after hitting rocks, the coastguard said.\n"
            "This article is distributed by Osprey News Agency. It may not be republished.\n")
    cleaned = clean(text, outlet="Coastal Times")
    assert cleaned.wire == ("Osprey",)
    assert [text[u.start:u.end] for u in cleaned.body()] == [
        "The ferry sank after hitting rocks, the coastguard said."]


def test_aid_distributed_by_a_charity_is_no_wire() -> None:
    assert sentence_credits("Food parcels were distributed by the Harbour Trust.") == ()


def test_a_sentence_of_links_is_navigation() -> None:
    text = ("Storm closes the port\n"
            "We use cookies to improve the site for everyone. [Settings](/c) \u00b7 [Accept](#).\n"
            "The ferry sank after hitting rocks, the coastguard said.\n"
            "Rescuers reached all 40 passengers.\n")
    kinds = {text[u.start:u.end]: u.kind for u in clean(text).units}
    assert kinds["[Settings](/c) \u00b7 [Accept](#)."] == "menu"
    assert kinds["Rescuers reached all 40 passengers."] == "body"


def test_an_agency_among_the_authors_is_the_articles_wire() -> None:
    text = "The ferry sank after hitting rocks, the coastguard said.\n"
    meta = ArticleMeta(outlet="Coastal Times", authors=("Mira Okafor", "Osprey staff",
                                                        "Coastal Times staff"))
    doc = SourceDocument("a.json", text.encode(), text, meta, "json")
    assert extract(doc).wire == ("Osprey",)
