"""Extraction on articles written for these tests: cleaning, attribution, splitting,
speakers, numbers and dates. None of these sentences come from the seeds."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from provenance.domain import ArticleMeta, Claim, SourceDocument, chain
from provenance.nlp.attribution import RULES, attribute
from provenance.nlp.dates import event_date, find_dates
from provenance.nlp.numbers import compatible, find_quantities
from provenance.nlp.pipeline import extract
from provenance.nlp.speakers import parse_speaker, same_speaker
from provenance.text import comparable


def claims_of(text: str, published: date | None = date(2023, 6, 15),
              outlet: str | None = "Valley Post") -> list[Claim]:
    doc = SourceDocument("t.txt", text.encode(), text, ArticleMeta(outlet, published), "txt")
    return list(extract(doc).claims)


def one(text: str) -> Claim:
    found = claims_of(text)
    assert len(found) == 1, [c.text for c in found]
    return found[0]


@pytest.mark.parametrize("sentence, kind, speaker", [
    ("A survey of harbour tenants published in March found that most had not been told of "
     "the rent rise.", "according_to", "survey of harbour tenants published in March"),
    ("A 2019 study by the river authority and two universities found that the dyke was "
     "sinking.", "according_to", "2019 study by the river authority and two universities"),
    ("The ferry will run again on Monday, economists at the harbour bank said.", "indirect",
     "economists at the harbour bank"),
    ("The families were moved to the school gym, attorneys for the tenants said.", "indirect",
     "attorneys for the tenants"),
    ("The pumps failed twice overnight, said one engineer at the plant.", "indirect",
     "one engineer at the plant"),
    ('"The dam will hold," engineer Tomas Berg said on Tuesday.', "direct_quote", "Tomas Berg"),
    ('"The dam will hold," said Tomas Berg, the chief engineer.', "direct_quote", "Tomas Berg"),
    ('Tomas Berg said: "The dam will hold through the winter."', "direct_quote", "Tomas Berg"),
    ("Tomas Berg told reporters that the dam would hold.", "indirect", "Tomas Berg"),
    ("The dam will hold through the winter, Tomas Berg said.", "indirect", "Tomas Berg"),
    ("The dam will hold, according to the regional water board.", "according_to",
     "regional water board"),
    ("Mayor Ana Ruiz, however, said the levee would be raised.", "indirect", "Ana Ruiz"),
    ("Ana Ruiz, a former engineer, said the levee would be raised.", "indirect", "Ana Ruiz"),
    ("The company denied the allegations.", "denial", "company"),
    ("Tomas Berg, 61, who has run the dam since 2009, said the spillway was safe.", "indirect",
     "Tomas Berg"),
    ("Tomas Berg, a former chief engineer of the Northern Valley Water Board, said the "
     "spillway was safe.", "indirect", "Tomas Berg"),
    ('"The spillway is safe," the engineer Tomas Berg, who inspected it in May, said.',
     "direct_quote", "Tomas Berg"),
    ("The spillway was inspected twice in May, his deputy said.", "indirect", "deputy"),
    ("Sen. Ana Ruiz (I-Ore.) said the levee would be raised.", "indirect", "Ana Ruiz"),
    ("The chief author of the flood study, Tomas Berg, said the levee would be raised.",
     "indirect", "Tomas Berg"),
    ("What the valley needs most, engineers said, is a second spillway.", "indirect",
     "engineers"),
    ("In the valley, most of the local voters said the levee should be raised.", "indirect",
     "most of the local voters"),
    ("Ana Ruiz, head of Lumo, a Lisbon shipping firm, said the port would reopen.", "indirect",
     "Ana Ruiz"),
    ("Tomas Berg, an engineer who has inspected the dam every spring since 2009, said the "
     "spillway was safe.", "indirect", "Tomas Berg"),
    ('"The spillway is safe," Tomas Berg told me.', "direct_quote", "Tomas Berg"),
    ('The dam "has never been safer," its chief engineer told The Valley Courier.',
     "indirect", "chief engineer"),
    ("The levee will be raised by two metres, Ana Ruiz said, a plan the farmers oppose.",
     "indirect", "Ana Ruiz"),
])
def test_attribution_kinds_and_speakers(sentence: str, kind: str, speaker: str) -> None:
    claim = one(sentence)
    assert claim.kind == kind
    assert claim.speaker is not None and claim.speaker.name == speaker


@pytest.mark.parametrize("sentence, content", [
    ("The new ferry will cost 40 million euros, harbour master Lena Vos said, in the first "
     "estimate anyone has given.", "The new ferry will cost 40 million euros"),
    ("Grain exports fell by a fifth in May, the trade office said, citing the drought in the "
     "south.", "Grain exports fell by a fifth in May"),
    ("The ferry, Lena Vos said, would sail twice a day from June.",
     "The ferry would sail twice a day from June."),
    ("Still, Lena Vos said, the old pier cannot take the new ferry.",
     "The old pier cannot take the new ferry."),
])
def test_phrases_after_said_do_not_replace_the_content(sentence: str, content: str) -> None:
    claim = one(sentence)
    assert claim.text == content and claim.speaker is not None


def test_adding_that_after_a_trailing_said_is_a_second_claim() -> None:
    found = claims_of("The new ferry will carry 300 passengers, the harbour office said, "
                      "adding that tickets go on sale in April.")
    assert [c.text for c in found] == ["The new ferry will carry 300 passengers",
                                       "Tickets go on sale in April"]
    assert {c.speaker.name for c in found if c.speaker} == {"harbour office"}
    assert all(c.speaker for c in found)


def test_openers_and_times_around_the_speaker_stay_out_of_the_claim() -> None:
    asked = one('Asked about the delays, Lena Vos replied: "The new ferry arrives in June."')
    assert asked.speaker and asked.speaker.name == "Lena Vos" and asked.speaker.role is None
    night = one("Lena Vos said Tuesday night that the ferry would arrive in June.")
    assert night.text == "The ferry would arrive in June"


def test_quote_then_adding_that_gives_an_indirect_second_claim() -> None:
    found = claims_of('"The pier is finished," Lena Vos said, adding that the ferry would '
                      "arrive in June.")
    assert [(c.text, c.kind) for c in found] == [
        ("The pier is finished", "direct_quote"),
        ("The ferry would arrive in June", "indirect")]


def test_quotes_around_part_of_a_claim_stay_balanced() -> None:
    claim = one('"We are delighted" with the new spillway, said Ana Ruiz, head of the valley '
                "water board.")
    assert claim.speaker and claim.speaker.name == "Ana Ruiz"
    assert claim.text == '"We are delighted" with the new spillway'
    tweet = one('Ana Ruiz wrote to her 12,000 followers, "The levee held."')
    assert tweet.kind == "direct_quote" and tweet.text == "The levee held"


def test_quotes_continued_and_split_around_the_speaker() -> None:
    found = claims_of('Lena Vos said the harbour was busy. "The old pier has served us for a '
                      'century," she continued. "Frankly," Vos said, "the new ferry needs a '
                      'longer berth."')
    quotes = [(c.text, c.speaker.name if c.speaker else None) for c in found[1:]]
    assert quotes == [("The old pier has served us for a century", "Lena Vos"),
                      ("Frankly, the new ferry needs a longer berth", "Lena Vos")]


def test_reporting_gerund_after_a_short_clause_with_an_irregular_verb() -> None:
    found = claims_of("Lena Vos threw her support behind the plan on Monday, saying the "
                      "harbour needs a second berth.")
    said = [c for c in found if c.speaker]
    assert [(c.text, c.speaker.name) for c in said] == [  # type: ignore[union-attr]
        ("The harbour needs a second berth.", "Lena Vos")]


def test_a_second_clause_with_its_own_speaker_is_its_own_claim() -> None:
    found = claims_of("Ferry fares rose by a tenth in March, and the harbour office said "
                      "they would rise again in the autumn.")
    assert [(c.text, c.speaker.name if c.speaker else None) for c in found] == [
        ("Ferry fares rose by a tenth in March", None),
        ("They would rise again in the autumn", "harbour office")]


def test_doubled_apostrophes_are_quotes() -> None:
    claim = one("''The old pier will not last another winter,'' Lena Vos said.")
    assert claim.kind == "direct_quote"
    assert claim.text == "The old pier will not last another winter"


def test_partial_quote_before_the_speaker_and_according_to_in_the_middle() -> None:
    quoted = one('The ferry service "has never been busier than this summer," harbour master '
                 "Lena Vos told reporters.")
    assert quoted.speaker and quoted.speaker.name == "Lena Vos"
    assert quoted.text.startswith("The ferry service")
    aside = one("Ticket sales, according to the harbour office, doubled in the first week.")
    assert aside.kind == "according_to" and aside.speaker and \
        aside.speaker.name == "harbour office"
    assert aside.text == "Ticket sales doubled in the first week"


def test_outlet_voice_has_no_speaker() -> None:
    claim = one("The river rose two metres overnight in the northern valley.")
    assert claim.kind == "outlet" and claim.speaker is None


def test_reported_by_outlet_citing_unnamed_sources_is_anonymous_via() -> None:
    claim = one("The newspaper El Sol, citing two unnamed officials, reported on Monday that "
                "the minister would resign.")
    assert claim.kind == "reported" and claim.speaker and claim.speaker.name == "El Sol"
    assert claim.via == ("two unnamed officials",) and claim.anonymous


def test_said_according_to_agency_is_a_chain() -> None:
    claim = one("The ministry said the border would reopen on Friday, according to the "
                "Kyodo news agency.")
    assert claim.speaker and claim.speaker.name == "ministry"
    assert "Kyodo news agency" in claim.via[0]


@pytest.mark.parametrize("sentence, expected", [
    ("The Daily Ledger, citing two officials, reported that the plant would close.",
     ["Harbour Post", "Daily Ledger", "two officials"]),
    ("The ministry said the border would reopen on Friday, according to the Kyodo news "
     "agency.", ["Harbour Post", "the Kyodo news agency", "ministry"]),
    ("Grain prices will rise, the farmers' union said, according to a statement carried by "
     "the Tolva Agency.", None),
    # Told to an outlet ("told the Holm Courier"), and a statement an outlet cited.
    ("Two people briefed on the talks told the Holm Courier that the deal was close.",
     ["Harbour Post", "Holm Courier", "Two people briefed on the talks"]),
    ("The pier will close, according to a company statement cited by the Holm Courier.",
     ["Harbour Post", "Holm Courier", "company statement"]),
    ("According to a report published by the Osk Times, the pier was sold.",
     ["Harbour Post", "Osk Times"]),
])
def test_chains_read_outermost_first(sentence: str, expected: list[str] | None) -> None:
    claim = one(sentence)
    steps = chain("Harbour Post", claim.speaker.name if claim.speaker else None, claim.via,
                  claim.cites)
    assert steps[0] == "Harbour Post"
    if expected is not None:
        assert steps == expected
    else:  # however many intermediaries, the speaker stands after everyone who carried it
        assert claim.speaker and steps.index(claim.speaker.name) == len(steps) - 1


@pytest.mark.parametrize("text, speaker", [
    ("Ana Ruiz toured the flooded district on Tuesday.\n\nShe said the pumps would run all "
     "night.", "Ana Ruiz"),
    ("Tomas Berg, the harbour master, inspected the breakwater.\n\nHe said it would hold "
     "through the winter.", "Tomas Berg"),
    ("The council met on Tuesday.\n\nShe said the pumps would run all night.", None),
])
def test_a_pronoun_goes_to_a_person_named_before_when_none_has_spoken(text: str,
                                                                     speaker: str | None) -> None:
    said = claims_of(text)[-1]
    assert (said.speakers[0].name if said.speakers else None) == speaker


def test_a_pronoun_prefers_the_person_who_spoke_to_one_only_named() -> None:
    found = claims_of("Lena Vos said the bridge would reopen in May. Critics blamed Piet "
                      "Kramer for the delay.\n\nShe said the repairs were on budget.")
    assert found[-1].speakers[0].name == "Lena Vos"


@pytest.mark.parametrize("text", [
    '"The river rose faster than anyone expected. We lost the lower road by noon," Mayor Ana '
    'Ruiz said.',
    'Mayor Ana Ruiz said: "The river rose faster than anyone expected. We lost the lower road '
    'by noon. Nobody was hurt."',
    '"The river rose faster than anyone expected. We lost the lower road by noon. Nobody was '
    'hurt," Mayor Ana Ruiz said on Tuesday.',
])
def test_every_sentence_of_a_quotation_is_kept_and_credited(text: str) -> None:
    found = claims_of(text + "\n\nThe council meets on Friday.")
    quoted = [c for c in found if c.kind == "direct_quote"]
    assert {c.speakers[0].name for c in quoted} == {"Ana Ruiz"}
    assert any(c.text.startswith("We lost the lower road") for c in quoted)  # "we" is hers
    assert ("Nobody was hurt" in text) == any(c.text == "Nobody was hurt" for c in quoted)
    assert [c.text for c in found if c.kind == "outlet"] == ["The council meets on Friday."]


def test_a_deed_and_then_a_saying_are_two_claims() -> None:
    found = claims_of("Ana Ruiz toured the flooded harbour on Monday and said the ferry would "
                      "run again in May.")
    assert [(c.kind, c.speakers[0].name if c.speakers else None, c.text) for c in found] == [
        ("outlet", None, "Ana Ruiz toured the flooded harbour on Monday"),
        ("indirect", "Ana Ruiz", "The ferry would run again in May")]


@pytest.mark.parametrize("sentence, speaker, via, text", [
    ("The minister met the dockers on Friday and told them that the talks would resume.",
     "minister", (), "The talks would resume"),
    ("Berg told Radio Nord the dam would hold until spring.", "Berg", ("Radio Nord",),
     "The dam would hold until spring"),
    ("The ferry had been delayed by ice, as harbour officials have said.",
     "harbour officials", (), "The ferry had been delayed by ice"),
])
def test_told_objects_and_as_clauses(sentence: str, speaker: str, via: tuple[str, ...],
                                     text: str) -> None:
    claim = [c for c in claims_of(sentence) if c.speakers][-1]
    assert (claim.speakers[0].name, claim.via, claim.text) == (speaker, via, text)


@pytest.mark.parametrize("sentence, speaker, via", [
    ("The mine will close in June, three engineers familiar with the plan told the Lakeside "
     "Courier.", "engineers familiar with the plan", ("Lakeside Courier",)),
    ("The strike will end on Friday, the union secretary told the BBC.", "union secretary",
     ("BBC",)),
    ("The museum will charge for entry, a curator who asked not to be named told Reuters.",
     "curator", ("Reuters",)),
    ("The bus fares will rise, the transport chief told reporters.", "transport chief", ()),
])
def test_a_trailing_told_names_the_outlet_that_carried_the_words(
        sentence: str, speaker: str, via: tuple[str, ...]) -> None:
    claim = one(sentence)
    assert claim.speaker is not None and speaker in claim.speaker.name
    assert claim.via == via


@pytest.mark.parametrize("sentence, speaker", [
    ("The ferry will run again in May, according to the harbour's director, Ines Moura.",
     "Ines Moura"),
    ("Rents rose by 8 percent last year, according to the housing agency.", "housing agency"),
])
def test_according_to_a_role_and_a_name_credits_the_name(sentence: str, speaker: str) -> None:
    claim = one(sentence)
    assert claim.kind == "according_to" and claim.speaker is not None
    assert claim.speaker.name == speaker


@pytest.mark.parametrize("sentence, speaker, text", [
    ("Two climbers have been admitted to hospital, according to the rescue service.",
     "rescue service", "Two climbers have been admitted to hospital"),
    ('"The pier is closed," said the harbour\'s director, Ines Moura.', "Ines Moura",
     "The pier is closed"),
    ("The pier will reopen in May, said the council's leader, Pavel Horak.", "Pavel Horak",
     "The pier will reopen in May"),
    ("Nurse Ida Brandt said the ward was full.", "Ida Brandt", "The ward was full"),
    ("Organiser Ivo Tamm said the march would go on.", "Ivo Tamm", "The march would go on"),
    ("The blaze has burned 400 hectares, regional fire services said on Monday.",
     "regional fire services", "The blaze has burned 400 hectares"),
    ("The works council said the night shift would end.", "works council",
     "The night shift would end"),
    ("Passenger Łukasz Nowak, 29, said the crew had acted quickly.", "Łukasz Nowak",
     "The crew had acted quickly"),
    ("Teachers in Ostvik said the school roof leaked.", "teachers in Ostvik",
     "The school roof leaked"),
])
def test_who_is_speaking_in_role_place_and_passive_forms(sentence: str, speaker: str,
                                                         text: str) -> None:
    claim = one(sentence)
    assert claim.speaker is not None and (claim.speaker.name, claim.text) == (speaker, text)


@pytest.mark.parametrize("sentence", [
    "The mayor was told that the bridge was unsafe.",
    "The harbour master is believed to have warned the crews twice.",
    "Two wardens were accused of leaving the gate open.",
    "The bakery was praised for keeping its prices low.",
    "The old quay was described as unsafe by the inspectors.",
])
def test_a_passive_reporting_verb_credits_no_one(sentence: str) -> None:
    claim = one(sentence)
    assert claim.kind == "outlet" and claim.speaker is None


@pytest.mark.parametrize("sentence, text, cites, anonymous", [
    ("The farmers' union put the losses at 9 million euros, citing its members.",
     "The farmers' union put the losses at 9 million euros", ("its members",), False),
    ("The mayor resigned, the Holm Post reported, citing two council officials.",
     "The mayor resigned", ("two council officials",), True),
    ("The ferry will stop in May, the operator said, citing fuel costs.",
     "The ferry will stop in May", (), False),
])
def test_citing_at_the_end_of_a_sentence_is_whom_the_speaker_relies_on(
        sentence: str, text: str, cites: tuple[str, ...], anonymous: bool) -> None:
    claim = one(sentence)
    assert (claim.text, claim.cites, claim.anonymous) == (text, cites, anonymous)


@pytest.mark.parametrize("label", ["UPDATE: ", "BREAKING - ", "EXCLUSIVE: "])
def test_a_desk_label_is_no_speaker(label: str) -> None:
    claim = one(f"{label}The port authority said on Monday that the quay would close.")
    assert claim.speaker is not None and claim.speaker.name == "port authority"


def test_a_statement_posted_on_a_website_is_still_said() -> None:
    claim = one("The bridge will close for a week, the roads agency said in a statement "
                "posted on its website.")
    assert claim.speaker is not None and claim.speaker.name == "roads agency"


def test_a_second_that_clause_of_one_verb_is_a_second_claim() -> None:
    found = claims_of("The council said 40 homes had been flooded, and that two roads were "
                      "closed.")
    assert [(c.text, c.speaker.name if c.speaker else None) for c in found] == [
        ("40 homes had been flooded", "council"), ("Two roads were closed", "council")]


def test_an_old_figure_after_the_speaker_leaves_the_attribution_whole() -> None:
    claim = one("Rangers rescued 14 hikers on the ridge, the park service said on Monday, "
                "up from the nine it reported on Sunday.")
    assert claim.speaker is not None and claim.speaker.name == "park service"


def test_she_never_goes_to_a_man_nor_he_to_a_woman() -> None:
    found = claims_of('Ferry captain Olga Berg said the crossing was rough. Harbour master '
                      'Peter Lund said the port would stay open.\n\n"We turned back twice," '
                      'she said.\n\nSpokeswoman Ana Ruiz said the pier was safe. "It was '
                      'checked on Monday," he said.')
    speakers = {c.text: c.speaker.name if c.speaker else None for c in found}
    assert speakers["We turned back twice"] == "Olga Berg"
    assert speakers["It was checked on Monday"] == "Peter Lund"


def test_he_may_mean_a_spokesman_and_never_a_club() -> None:
    found = claims_of("Harbour United denied the report.\n\nThe winger is fit, a club "
                      "spokesman said.\n\nHe will play on Saturday, he said.")
    speakers = {c.text: c.speaker.name if c.speaker else None for c in found}
    assert speakers["He will play on Saturday"] == "club spokesman"


@pytest.mark.parametrize("sentence, anonymous", [
    ("Three witnesses said the gate was open.", True),
    ("The dam leaked, two people with knowledge of the inspection told Radio Holm.", True),
    ("Two workers at the Holm depot said the brakes had failed.", True),
    ("An engineer, Ivo Tamm, said the brakes had failed.", False),
    ("Three drivers said the brakes had failed.", True),  # counted, whatever they are
    ("The brakes had failed, according to two miners who spoke to the Courier.", True),
    ("Three Democrats said the brakes had failed.", False),  # a party's members, named
])
def test_unnamed_people_counted_or_placed_are_anonymous(sentence: str,
                                                         anonymous: bool) -> None:
    assert one(sentence).anonymous is anonymous


@pytest.mark.parametrize("sentence", [
    "The guards, who asked not to be named, said the gate had been left open.",
    "Two nurses, who spoke on condition of anonymity, said the ward was closed.",
    "The tender was rigged, a clerk who declined to be identified said.",
    "The tender was rigged, the clerk said on condition of anonymity.",
    "The ward will close in May, a hospital manager told the Courier on condition of anonymity.",
])
def test_a_request_for_anonymity_makes_the_source_anonymous_and_is_no_claim(
        sentence: str) -> None:
    claim = one(sentence)
    assert claim.anonymous and claim.kind == "indirect"


@pytest.mark.parametrize("sentence, texts", [
    ("Four climbers were rescued on the ridge and two are still missing.",
     ["Four climbers were rescued on the ridge", "Two climbers are still missing."]),
    ("In 2017, the levy raised 3 million euros and Mayor Ruiz spent most of it on roads.",
     ["In 2017, the levy raised 3 million euros", "In 2017, Mayor Ruiz spent most of it on "
                                                  "roads."]),
    ("The council and the mayor met the farmers on Monday.",
     ["The council and the mayor met the farmers on Monday."]),
    ("The contract signed by Berg and Tamm is worth 3 million euros.",
     ["The contract signed by Berg and Tamm is worth 3 million euros."]),
    ("The inspector said the roof and the stairs were unsafe.",
     ["The roof and the stairs were unsafe"]),
])
def test_two_clauses_joined_by_a_bare_and_are_two_claims(sentence: str,
                                                          texts: list[str]) -> None:
    assert [c.text for c in claims_of(sentence)] == texts


@pytest.mark.parametrize("sentence", [
    "The ferry left the harbour at noon and said nothing more.",
    "The statement leaves open whether the driver had a permit, as police have said.",
])
def test_no_speaker_is_made_up(sentence: str) -> None:
    assert all(c.kind == "outlet" for c in claims_of(sentence))


def test_a_quoted_question_is_on_the_record_and_the_outlets_own_is_not() -> None:
    found = claims_of('"Who will pay for the new levee?" the mayor asked.\n\n'
                      "Who will pay for the new levee?")
    assert [(c.kind, c.speakers[0].name, c.text) for c in found] == [
        ("direct_quote", "mayor", "Who will pay for the new levee?")]


def test_a_long_fronted_clause_does_not_hide_the_speaker() -> None:
    claim = one("Though it is hard to judge how much the storm season has weakened the old "
                "levee, engineers say the repairs will take at least a year.")
    assert (claim.speakers[0].name, claim.text) == (
        "engineers", "The repairs will take at least a year")


@pytest.mark.parametrize("sentence, kind, text", [
    ('Ana Ruiz defended the plan, saying, "The levee cannot wait another winter."',
     "direct_quote", "The levee cannot wait another winter."),
    ("Ana Ruiz defended the plan on Monday, tweeting that the levee could not wait.",
     "indirect", "The levee could not wait."),
    ("Ana Ruiz approved the plan, adding the pumps would arrive in May.", "indirect",
     "The pumps would arrive in May."),
])
def test_participial_cues_carry_the_speakers_words(sentence: str, kind: str,
                                                   text: str) -> None:
    found = claims_of(sentence)
    said = [c for c in found if c.speakers]
    assert [(c.kind, c.speakers[0].name, c.text) for c in said] == [(kind, "Ana Ruiz", text)]


@pytest.mark.parametrize("sentence, speaker, text", [
    ("The mayor is telling residents that the levee will hold.", "mayor",
     "The levee will hold"),
    ("Engineers are warning that the old levee may fail in a spring flood.", "engineers",
     "The old levee may fail in a spring flood"),
    ("The tenants' group is accusing the landlord of ignoring the damp.", "tenants' group",
     "The tenants' group is accusing the landlord of ignoring the damp"),
    ("The ferry union is urging its members to refuse overtime.", "ferry union",
     "The ferry union is urging its members to refuse overtime"),
])
def test_progressive_cues_report_speech(sentence: str, speaker: str, text: str) -> None:
    claim = one(sentence)
    assert (claim.speakers[0].name, claim.text) == (speaker, text)


@pytest.mark.parametrize("sentence", [
    "Ana Ruiz did not say that the levee would fail.",
    "The inspection report does not say whether the pumps were serviced.",
])
def test_what_someone_did_not_say_is_not_their_claim(sentence: str) -> None:
    assert one(sentence).kind == "outlet"


@pytest.mark.parametrize("sentence, names", [
    ("Both the port authority and the dockers' union denied the report.",
     ["port authority", "dockers' union"]),
    ("The ministry and the army said the coast road was closed.", ["ministry", "army"]),
])
def test_every_body_named_in_a_joint_subject_is_credited(sentence: str,
                                                         names: list[str]) -> None:
    assert [s.name for s in one(sentence).speakers] == names


@pytest.mark.parametrize("sentence, speaker", [
    ("Wednesday, the harbour master said the ferry would run again.", "harbour master"),
    ("Overall, the survey said most tenants wanted the ferry back.", "survey"),
    ("In a Facebook message posted Friday, the mayor said the ferry would run again.",
     "mayor"),
    ("On Wednesday the harbour master said the ferry would run again.", "harbour master"),
    ("In May the board said the ferry would run again.", "board"),
    ("Finally, Ana Ruiz said the ferry would run again.", "Ana Ruiz"),
    ("June Carter, a ferry pilot, said the crossing was safe.", "June Carter"),
    ("May Lindqvist said the crossing was safe.", "May Lindqvist"),
])
def test_a_fronted_time_or_adverb_is_never_the_speaker(sentence: str, speaker: str) -> None:
    assert one(sentence).speakers[0].name == speaker


def test_found_with_an_object_is_a_deed_not_a_finding() -> None:
    assert one("Rescuers found 31 survivors in the rubble of the market.").kind == "outlet"


def test_people_familiar_with_the_matter_are_anonymous() -> None:
    claim = one("According to people familiar with the matter, the deal collapsed late on "
                "Sunday.")
    assert claim.anonymous


def test_pronouns_and_continuation_quotes_take_the_last_speaker() -> None:
    found = claims_of('Health Minister Petra Lind said the clinics would reopen. She added '
                      'that vaccines had arrived.\n\n"We are ready," Lind said. "Every '
                      'district has staff."')
    speakers = {c.speaker.name for c in found if c.speaker}
    assert speakers == {"Petra Lind"}
    assert len(found) == 4


def test_denial_is_linked_to_the_report_it_denies() -> None:
    found = claims_of("The broadcaster Radio Norte reported that the governor had fled the "
                      "country. The governor's office denied the report.")
    assert found[1].kind == "denial" and found[1].denies == 0


def test_each_claimed_makes_one_claim_per_subject() -> None:
    found = claims_of("The mayor and her challenger Luis Ortega each claimed victory in the "
                      "city election on Sunday.")
    assert len(found) == 2
    assert {c.speaker.name for c in found if c.speaker} == {"mayor", "Luis Ortega"}


def test_relative_and_coordinated_clauses_become_separate_claims() -> None:
    found = claims_of("The bridge, which opened in 1998, carries 40,000 cars a day, and the "
                      "city has promised to repair it.")
    texts = [c.text for c in found]
    assert any(t.startswith("The bridge opened in 1998") for t in texts)
    assert any(t.startswith("The bridge carries 40,000 cars") for t in texts)
    assert any(t.startswith("The city has promised") for t in texts)


def test_appeals_menus_captions_and_credits_are_not_claims() -> None:
    text = ("Home\nWorld\nSport\n\nFlood waters reached the town hall on Monday.\n\n"
            "Rescue boats near the bridge. Photo: Jan Kowal / Valley Post\n\n"
            "We rely on readers like you. Please donate today to keep our reporting free.\n\n"
            "The army sent 300 soldiers to help residents.\n\n"
            "Reporting by Ana Lee; Editing by Mark Dunn\n\n(Reuters, AP)")
    doc = SourceDocument("t.txt", text.encode(), text, ArticleMeta("Valley Post"), "txt")
    found = extract(doc)
    assert [c.text for c in found.claims] == [
        "Flood waters reached the town hall on Monday.",
        "The army sent 300 soldiers to help residents.",
    ]
    assert found.wire == ("Reuters", "AP")


@pytest.mark.parametrize("sentence", [
    "The patient was flown to a Level I trauma centre in Ostvik.",
    "Too often, Ines Moura said, the debate is a test of whether you are with the port or "
    "against it.",
    "The minister did not mention the port in the interview I watched on Monday.",
])
def test_a_pronoun_or_numeral_in_a_report_is_no_appeal(sentence: str) -> None:
    assert claims_of(sentence), "the sentence was dropped as an appeal"


@pytest.mark.parametrize("sentence", [
    "Tap water is likely to return to most homes by Friday, the mayor said.",
    "Share prices fell 4 percent in early trading on Monday.",
    "Support for the bypass has fallen to 38 percent, a poll found.",
    "Help arrived in the village two days after the landslide.",
    "Follow-up talks are planned for May.",
])
def test_a_report_opening_with_a_noun_an_appeal_verb_spells_is_no_appeal(sentence: str) -> None:
    assert claims_of(sentence), "the sentence was dropped as an appeal"


@pytest.mark.parametrize("sentence", ["Tap here to read the full story.", "Support us today.",
                                      "Share this story with a friend.", "Please share.",
                                      "Support local journalism: become a member today.",
                                      "Tune in to Radio Holm at 7 for the morning news.",
                                      "Stream us live on the Radio Holm app."])
def test_an_appeal_verb_speaking_to_the_reader_is_an_appeal(sentence: str) -> None:
    assert not claims_of(f"The bridge reopened on Monday. {sentence}")[1:]


def test_unnamed_people_who_told_an_outlet_are_anonymous() -> None:
    claim = one("Nurses told Radio Holm the ward had been closed for a week.")
    assert claim.speaker is not None and claim.anonymous and claim.via == ("Radio Holm",)
    assert not one("Nurses said the ward had been closed for a week.").anonymous


def test_the_outlets_slogan_is_no_claim_its_reports_are() -> None:
    found = claims_of("The pier closed on Monday. Harbour FM: all the news from the coast, "
                      "all day.", outlet="Harbour FM")
    assert [c.text for c in found] == ["The pier closed on Monday."]


def test_claim_offsets_point_into_the_raw_text() -> None:
    text = ("Intro line without end\n\nThe council\u00a0approved the \u201cgreen\u201d budget "
            "on Friday.")
    doc = SourceDocument("t.txt", text.encode(), text, ArticleMeta(), "txt")
    claim = extract(doc).claims[0]
    assert text[claim.start:claim.end].startswith("The council\u00a0approved")


@pytest.mark.parametrize("phrase, value", [
    ("on Friday", "2023-06-09"), ("last month", "2023-05"), ("earlier this year", "2023"),
    ("in April", "2023-04"), ("in November", "2022-11"), ("will meet on Monday", "2023-06-19"),
    ("March 3, 2021", "2021-03-03"), ("04.12.2018", "2018-12-04"), ("yesterday", "2023-06-14"),
])
def test_dates_resolve_against_publication(phrase: str, value: str) -> None:
    assert find_dates(phrase, date(2023, 6, 15))[0].value == value


# Published on Thursday 2023-06-15.
@pytest.mark.parametrize("sentence, value", [
    ("Tolls are waived from Monday.", "2023-06-19"),
    ("The ferry service resumes from Saturday, the operator says.", "2023-06-17"),
    ("Rain is expected on Sunday.", "2023-06-18"),
    ("Rain fell from Monday until the council closed the road.", "2023-06-12"),
    ("The bridge was closed from Tuesday.", "2023-06-13"),
    ("The port is unlikely to reopen in August.", "2023-08"),  # a hedged forecast
])
def test_starts_still_to_come_resolve_forward(sentence: str, value: str) -> None:
    assert find_dates(sentence, date(2023, 6, 15))[0].value == value


# Published on Tuesday 2026-03-10.
@pytest.mark.parametrize("sentence, value", [
    ("The verdict was expected on Wednesday.", "2026-03-11"),
    ("The hearing was scheduled for Monday.", "2026-03-09"),
    ("The court heard the case on Wednesday.", "2026-03-04"),
])
def test_an_expectation_told_in_the_past_takes_the_nearest_weekday(sentence: str,
                                                                   value: str) -> None:
    assert find_dates(sentence, date(2026, 3, 10))[0].value == value


@pytest.mark.parametrize("sentence, value", [
    ("The lake is at its lowest since records began in 1931.", None),
    ("The pier, rebuilt after the 2009 storm, collapsed on Tuesday.", "2023-06-13"),
    ("Landslides in 2019 and in May 2021 closed the pass.", "2021-05"),
    ("The dam has held since 1984.", None),
])
def test_a_claims_date_is_its_most_precise_event(sentence: str, value: str | None) -> None:
    assert event_date(find_dates(sentence, date(2023, 6, 15))) == value


def test_a_claim_naming_no_date_is_dated_by_its_telling() -> None:
    text = "The port authority said on Tuesday that 12 cranes were damaged.\n"
    doc = SourceDocument("t.txt", text.encode(), text, ArticleMeta(published=date(2023, 6, 15)),
                         "txt")
    claim = extract(doc).claims[0]
    assert (claim.event_date, claim.told_on) == (None, "2023-06-13")


@pytest.mark.parametrize("text, value, unit, modifier", [
    ("at least 11 foreign leaders", 11, "count", "at least"),
    ("a turnout of 61.5 percent", 61.5, "%", None),
    ("$3.5 billion in aid", 3.5e9, "USD", None),
    ("more than two dozen people", 24, "count", "more than"),
    ("Seventeen boats sank", 17, "count", None),
    ("about twenty-five people", 25, "count", "about"),
    ("No one was hurt", 0, "count", None),
    ("There were no deaths", 0, "count", None),
    ("some 12 nautical miles off the cape", 12 * 1852.0, "m", "some"),
    ("Its turnover 40 years ago was small", 40, "count", None),  # no "over" inside a word
    ("a handsome 300 votes", 300, "count", None),
    ("nearly four in ten nurses", 40, "%", "nearly"),  # a proportion is a percentage
    ("One out of five drivers was fined", 20, "%", None),
    ("a grant of 5,000 crowns", 5000, "crown", None),  # a name several currencies share
    ("a profit of 2 trillion won", 2e12, "KRW", None),
    ("about ₹40 million", 4e7, "INR", "about"),
])
def test_quantities(text: str, value: float, unit: str, modifier: str | None) -> None:
    q = find_quantities(text)[0]
    assert (q.value, q.unit, q.modifier) == (value, unit, modifier)


def test_a_proportion_of_minutes_is_no_percentage() -> None:
    assert all(q.unit != "%" for q in find_quantities("The striker scored 3 in 10 minutes."))


def test_quantities_vague_and_compatibility() -> None:
    vague = find_quantities("hundreds of millions of dollars")[0]
    assert vague.unit == "USD" and vague.low == 2e8
    at_least = find_quantities("at least 11 leaders")[0]
    assert compatible(at_least, find_quantities("14 leaders")[0])
    assert not compatible(at_least, find_quantities("about 5 leaders")[0])
    assert find_quantities("Watch video 01:29 from the 80th parade in 2019") == []


@pytest.mark.parametrize("written, plain", [
    ("Małgorzata Wójcik", "Malgorzata Wojcik"), ("Søren Ødegård", "Soren Odegard"),
    ("Đorđe Đukić", "Dorde Dukic"), ("Jörg Straße", "Jorg Strasse"), ("Þóra Æsadóttir",
                                                                      "Thora Aesadottir"),
])
def test_every_latin_letter_folds_so_one_person_is_one_speaker(written: str,
                                                               plain: str) -> None:
    assert comparable(written) == comparable(plain)
    assert same_speaker(written, "person", plain, "person")


def test_speakers_merge_spellings_but_not_people_with_bodies() -> None:
    assert same_speaker("Edmundo Gonzales", "person", "Edmundo González", "person")
    assert same_speaker("Gonzalez", "person", "Edmundo González", "person")
    assert not same_speaker("Maria Lopez", "person", "Mario Perez", "person")
    assert not same_speaker("Kremlin", "organization", "Kremlin", "person")
    assert parse_speaker("the Kremlin").kind == "organization"  # type: ignore[union-attr]
    speaker = parse_speaker("Deputy Finance Minister Olga Brandt")
    assert speaker and (speaker.name, speaker.role) == ("Olga Brandt", "Deputy Finance Minister")


@pytest.mark.parametrize("sentence, name", [
    ("Ottawa said the tariff would be lifted by spring.", "Ottawa"),
    ("The new tariff is unjustified, Canberra said on Monday.", "Canberra"),
    ("According to Downing Street, the talks will resume next week.", "Downing Street"),
    ("Nigeria said it would send a delegation to the summit.", "Nigeria"),
])
def test_a_place_speaking_for_its_government_is_never_a_person(sentence: str,
                                                                name: str) -> None:
    [claim] = claims_of(sentence)
    assert [(s.name, s.kind) for s in claim.speakers] == [(name, "organization")]


def test_a_person_named_like_a_place_in_part_stays_a_person() -> None:
    [claim] = claims_of("Georgia Lindqvist said the tariff would be lifted by spring.")
    assert [(s.name, s.kind) for s in claim.speakers] == [("Georgia Lindqvist", "person")]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=600))
def test_extract_never_raises_on_arbitrary_text(text: str) -> None:
    for claim in claims_of(text):
        assert 0 <= claim.start <= claim.end <= len(text)


def test_declaring_a_state_of_emergency_is_an_act_not_speech() -> None:
    act = one("Mayor Olga Brandt declared a state of emergency across the valley on Friday.")
    assert act.kind == "outlet" and act.speaker is None
    said = one("Mayor Olga Brandt declared that the valley road would stay shut.")
    assert said.speaker and said.speaker.name == "Olga Brandt"


def test_a_who_clause_with_a_past_verb_is_a_claim_and_a_description_is_not() -> None:
    found = claims_of("Olga Brandt, who ordered the evacuation on Friday, said the dyke held.")
    assert [(c.text, c.speaker.name if c.speaker else None) for c in found] == [
        ("Olga Brandt ordered the evacuation on Friday", None),
        ("The dyke held", "Olga Brandt")]
    described = claims_of("Olga Brandt, who runs the ferry office, said the dyke held.")
    assert [c.text for c in described] == ["The dyke held"]


def test_a_day_after_clause_is_a_claim_of_its_own() -> None:
    found = claims_of("The ferry sank on Monday, a day after the harbour master had warned "
                      "of the storm, the coastguard said.")
    assert [c.text for c in found] == ["The ferry sank on Monday",
                                       "The harbour master had warned of the storm"]
    assert all(c.speaker and c.speaker.name == "coastguard" for c in found)


@pytest.mark.parametrize("sentence, speaker", [
    ("The head of the ferry company on Thursday denied reports that the boat was overloaded.",
     "head of the ferry company"),
    ("Olga Brandt also said the ferry would sail again in May.", "Olga Brandt"),
])
def test_when_and_how_are_not_part_of_the_speaker(sentence: str, speaker: str) -> None:
    claim = one(sentence)
    assert claim.speaker and claim.speaker.name == speaker


def test_the_place_of_a_telling_is_not_what_was_told() -> None:
    claim = one("Olga Brandt told reporters at a briefing in the harbour on Tuesday that the "
                "ferry would sail again in May.")
    assert claim.text == "The ferry would sail again in May"


@pytest.mark.parametrize("text", [
    "A 67-year-old fisherman was rescued.", "A woman in her 80s was rescued.",
    "It was first published on 4 March 2014.", "Fares rose almost three times as fast.",
])
def test_ages_dates_and_ratios_are_no_counts(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize("text, figure, low, high", [
    ("Only a few hundred fish had died.", "a few hundred", 200.0, 999.0),
    ("Several thousand people marched on Sunday.", "Several thousand", 2e3, 99_999.0),
    ("Officials said a couple of hundred cars were towed.", "a couple of hundred", 200.0,
     999.0),
])
def test_a_few_hundred_is_a_vague_figure_not_one_hundred(text: str, figure: str, low: float,
                                                          high: float) -> None:
    [found] = find_quantities(text)
    assert (found.text, found.value, found.low, found.high) == (figure, None, low, high)


@pytest.mark.parametrize("text, value", [
    ("Thirty of its sailors had been killed.", 30.0),
    ("Twelve of the injured were children.", 12.0),
    ("One of the victims was a child.", None),  # "one of" picks out one, counts nothing
    ("Two of them said no.", None),
])
def test_a_number_in_words_counts_the_part_of_a_group_it_names(text: str,
                                                                value: float | None) -> None:
    found = find_quantities(text)
    assert [q.value for q in found] == ([value] if value else [])


# One case at least for every attribution rule (attribution.RULES), in sentences of our own,
# and the rule each must be read by; where two rules could read a sentence, the case says
# which one wins.
RULE_CASES = [
    ('"The pier is closed," said the harbour master.', "quote_first"),
    ('"The pier is closed," the harbour master said on Monday.', "quote_first"),
    ('"The pier is closed." - Ines Moura', "dash_or_label"),
    ("MOURA: The pier is closed until spring.", "dash_or_label"),
    ('The harbour master told reporters: "The pier is closed."', "colon"),
    ("The pier, the harbour master said, would stay closed.", "aside"),
    ("The pier is closed, according to the harbour master.", "according_to"),
    ("According to the harbour master, the pier is closed.", "according_to"),
    ("The pier is closed, the harbour master said.", "trailing_said"),
    ("The pier is closed, said the harbour's director, Ines Moura.", "trailing_said"),
    ("The pier has been closed since May, as harbour officials have said.", "as_said"),
    ("The harbour master said that the pier was closed.", "reporting_verb"),
    ("The harbour master told Radio Holm the pier was closed.", "reporting_verb"),
    # Both "according to" and a reporting verb read it: the verb's speaker, via the agency.
    ("The ministry said the pier was closed, according to the Holm news agency.",
     "according_to"),
    ('"The pier is closed."', "bare_quote"),
    # More of each rule's forms, with long speakers and the verb first.
    ('"The pier is closed," Ines Moura, director of the Holm Harbour Research Centre and a '
     "lecturer in shipping law at the University of Holm, said of the plan.", "quote_first"),
    ('"The pier is closed," he added.', "quote_first"),
    ('"Is the pier closed?" asked the harbour master.', "quote_first"),
    ('"MOURA: The pier is closed until spring.', "dash_or_label"),
    ('"The pier is closed for good." -- Ines Moura', "dash_or_label"),
    ('Said Ines Moura: "The pier is closed."', "colon"),
    ('Says the harbour master: "Nobody pays twice."', "colon"),
    ('The harbour master asked, "Who will pay to mend the pier?"', "colon"),
    ('Ines Moura wondered aloud: "Is the pier worth saving?"', "colon"),
    ('The skipper continued, "We sail at dawn whatever the weather."', "colon"),
    ("The pier, according to the harbour master, will stay closed.", "according_to"),
    ("The pier is closed, according to Ines Moura, director of the Holm Harbour Research "
     "Centre and a lecturer in shipping law at the University of Holm.", "according_to"),
    ("The pier would, the ministry said on Monday, stay closed until May.", "aside"),
    ("Closing the pier, the harbour master conceded, was a mistake.", "aside"),
    ("The pier is closed, the harbour master tells reporters.", "trailing_said"),
    # A belief reported by someone who told an outlet: the teller is the source.
    ("Engineers believe the pier is unsafe, two people close to the survey told Radio Holm.",
     "trailing_said"),
    ("The pier is closed, the harbour's director, Ines Moura, said.", "trailing_said"),
    ("The pier is closed, Ines Moura, the harbour's director, said on Monday.",
     "trailing_said"),
    ("The pier has been closed since May, as the harbour master said.", "as_said"),
    ("The pier closed in May, as its owners had long said it would.", "as_said"),
    ("Harbour officials warned that the pier could close.", "reporting_verb"),
    ("There are some harbour engineers who argue that the pier is unsafe.", "there_are"),
    ("Having said that, there are sailors who say the pier is safe.", "there_are"),
    ("There is a survey that claims most residents want the toll.", "there_are"),
    # None of them: no one is credited.
    ("There are three piers that need repair before May.", ""),
    ("Said to be the oldest pier in Holm: the north mole.", ""),
    ("His remarks angered the harbour workers.", ""),
    ("The pier, a listed building, is closed.", ""),
    ("The harbour master declared a state of emergency.", ""),
    ("The harbour master asked whether the pier would reopen.", ""),
    ("The ferry company recalled 300 life jackets on Monday.", ""),  # a deed, not speech
    ("The harbour master warned sailors about the storm on Monday.", ""),  # a topic, no claim
    ("Harbour officials warned of long delays at the pier.", ""),
    ("The harbour master warned sailors about the storm, Ines Moura said.", "trailing_said"),
]


@pytest.mark.parametrize("sentence, rule", RULE_CASES)
def test_every_attribution_rule_reads_its_cases(sentence: str, rule: str) -> None:
    assert attribute(sentence).rule == rule


def test_every_rule_has_three_cases_and_there_are_cases_for_none() -> None:
    cases = [rule for _, rule in RULE_CASES]
    assert all(cases.count(name) >= 3 for name, _ in RULES) and cases.count("") >= 3
    claim = one("The pier is closed, the harbour master said.")
    assert claim.rule == "trailing_said"
    assert one("The pier closed on Monday.").rule == ""


@pytest.mark.parametrize("sentence, content", [
    ("Harbour officials warned sailors that the pier could close.", "The pier could close"),
    ("The coastguard warned the public that the pier could close.", "The pier could close"),
    ("Harbour officials warned the pier could close.", "The pier could close"),
    ("Harbour officials warned the cost of repairs could double.",
     "The cost of repairs could double"),
    ("Ines Moura said about 300 sailors had signed the letter.",
     "About 300 sailors had signed the letter"),  # "about" a number, not a topic
    ("Ines Moura recalled that the pier had flooded in 1990.",
     "The pier had flooded in 1990"),
])
def test_whom_a_warning_is_for_is_not_what_it_says(sentence: str, content: str) -> None:
    assert one(sentence).text == content


@pytest.mark.parametrize("sentence", [
    "Repairs will take a month, the port's chief engineer, Ines Moura, said.",
    "Repairs will take a month, Ines Moura, the port's chief engineer, said.",
    "Repairs will take a month, Ines Moura, 47, said on Tuesday.",
])
def test_a_trailing_speaker_with_an_apposition_closed_by_a_comma(sentence: str) -> None:
    claim = one(sentence)
    assert claim.speaker is not None and claim.speaker.name == "Ines Moura"
    assert claim.text == "Repairs will take a month"


def test_a_trailing_speaker_looks_past_a_passive_verb_in_the_content() -> None:
    claim = one("Divers searched the lake on Sunday, to find out whether swimmers were "
                "properly warned, a police spokeswoman said.")
    assert claim.speaker is not None and claim.speaker.name == "police spokeswoman"
    assert claim.text.endswith("properly warned")


# A second predicate of one subject ("..., and is due to ...") is a claim of its own, with
# the subject; a speaker named at the end speaks for both.
PREDICATE_CASES = [
    ("The review will be led by Ada Berg, a retired judge, and is due to report in June, "
     "the ministry said.",
     [("The review will be led by Ada Berg, a retired judge", "ministry"),
      ("The review is due to report in June", "ministry")]),
    ("Ola Berg, who runs the bakery, was fined, and has appealed.",
     [("Ola Berg was fined", None), ("Ola Berg has appealed.", None),
      ("Ola Berg runs the bakery", None)]),
    ("In 2021, turnout was 49 percent, and was lower in the north.",
     [("In 2021, turnout was 49 percent", None),
      ("In 2021, turnout was lower in the north.", None)]),
    ("Turnout was 49 percent and Sandoval lost by 3,000 votes.",
     [("Turnout was 49 percent", None), ("Sandoval lost by 3,000 votes.", None)]),
    ("Three people died and 40 were hurt in the gale.",
     [("Three people died", None), ("40 people were hurt in the gale.", None)]),
    ("The gale killed three people and injured 40.",
     [("The gale killed three people", None), ("The gale injured 40.", None)]),
    ("The mill cut 400 jobs and closed two kilns.",
     [("The mill cut 400 jobs", None), ("The mill closed two kilns.", None)]),
    ("The gale felled 300 trees and two people died.",
     [("The gale felled 300 trees", None), ("Two people died.", None)]),
    ("The ferry was cancelled, and the skipper said it would sail on Friday.",
     [("The ferry was cancelled", None), ("It would sail on Friday", "skipper")]),
]


@pytest.mark.parametrize("text, expected", PREDICATE_CASES)
def test_a_second_predicate_is_its_own_claim(text: str,
                                              expected: list[tuple[str, str | None]]) -> None:
    assert [(c.text, c.speaker.name if c.speaker else None)
            for c in claims_of(text)] == expected


@pytest.mark.parametrize("reference", ["Both", "Two of them", "One of them"])
def test_both_or_one_of_them_is_the_group_just_quoted(reference: str) -> None:
    found = claims_of("Three nurses at the Halden clinic told the Courier that the ward had "
                      f"closed early. {reference} said the lifts had failed in the storm.")
    lifts = next(c for c in found if "lifts" in c.text)
    assert lifts.speaker is not None and lifts.speaker.name == "Three nurses at the Halden clinic"
    assert lifts.anonymous


@pytest.mark.parametrize("mention, name, kind, role", [
    ("grid operator Harlow Energy", "Harlow Energy", "organization", "grid operator"),
    ("Harlow Energy", "Harlow Energy", "organization", None),
    ("Energy Minister Ana Ruiz", "Ana Ruiz", "person", "Energy Minister"),
    ("Trade Secretary", "Trade Secretary", "group", None),  # a role, no name
    ("the Transport Ministry", "Transport Ministry", "organization", None),
    ("Harlow's Foreign Ministry", "Foreign Ministry", "organization", "Harlow's"),
    ("figures from the weather service", "weather service", "organization", None),
    ("a poll by the Harlow Institute", "Harlow Institute", "organization", None),
    ("ministry aide Ida Brun", "Ida Brun", "person", "ministry aide"),
    ("Mediator Lise Aune", "Lise Aune", "person", "Mediator"),  # an occupation by its ending
    ("Negotiator Tor Vik", "Tor Vik", "person", "Negotiator"),
    ("Victor Hale", "Victor Hale", "person", None),  # a given name, whatever it ends in
    ("Anna Lindqvist", "Anna Lindqvist", "person", None),
    ("the Harlow army", "Harlow army", "organization", "army"),  # the army is not Harlow
    ("the Harlow government", "Harlow", "organization", "government"),
    ("operator Dunmore Mining", "Dunmore Mining", "organization", "operator"),  # a business
    ("a geologist at Holm University, Ada Berg", "Ada Berg", "person",
     "geologist at Holm University"),
    ("Ana Power", "Ana Power", "person", None),  # a given name and a surname
    # A body named with "of" stays whole.
    ("the Holm Chamber of Commerce", "Holm Chamber of Commerce", "organization", None),
    ("the Bank of Harlow", "Bank of Harlow", "organization", None),
    ("Harlow's Ministry of Transport", "Ministry of Transport", "organization", "Harlow's"),
    ("the Institute of Coastal Studies", "Institute of Coastal Studies", "organization", None),
])
def test_names_of_bodies_and_their_people(mention: str, name: str, kind: str,
                                                role: str | None) -> None:
    speaker = parse_speaker(mention)
    assert speaker is not None and (speaker.name, speaker.kind, speaker.role) == (name, kind, role)


def test_a_paper_named_with_the_is_no_person_a_pronoun_can_mean() -> None:
    found = claims_of("The Harlow Echo reported on Monday that the pier had shut. Harbour "
                      "master Ines Moura closed the quay on Tuesday. \"Nobody may land here,\" "
                      "she told the Courier.")
    quote = next(c for c in found if "land here" in c.text)
    assert quote.speaker is not None and quote.speaker.name == "Ines Moura"
    echo = parse_speaker("The Harlow Echo")
    assert echo is not None and echo.kind == "organization"


@pytest.mark.parametrize("sentence", [
    "The Harlow Echo reported on Tuesday, citing two port workers, that the pier had been "
    "shut without notice.",
    "The Harlow Echo reported, citing two port workers, that the pier had been shut without "
    "notice."])
def test_a_citing_aside_before_that_is_the_chain_not_the_content(sentence: str) -> None:
    claim = one(sentence)
    assert claim.text == "The pier had been shut without notice"
    assert claim.cites == ("two port workers",) and claim.anonymous


@pytest.mark.parametrize("sentence, text", [
    ('"Here comes Big Ben," the guide said.', "Here comes Big Ben"),
    ('"I would," Ines Moura said to the crowd.', "I would"),
])
def test_a_short_quote_with_one_lower_case_word_is_a_claim(sentence: str, text: str) -> None:
    claim = one(sentence)
    assert claim.text == text and claim.speaker is not None


@pytest.mark.parametrize("verb", ["argued", "stressed", "conceded", "tweeted", "replied",
                                  "acknowledged", "say"])
def test_every_clause_verb_closes_a_sentence_as_its_attribution(verb: str) -> None:
    speaker = "the harbour masters" if verb == "say" else "the harbour master"
    claim = one(f"The ferry will sail again in May, {speaker} {verb}.")
    assert claim.text == "The ferry will sail again in May" and claim.speaker is not None


def test_a_deed_that_ends_a_sentence_is_no_attribution() -> None:
    assert one("The fire spread to the roof, the crews responded.").speaker is None


def test_an_inverted_said_takes_a_speaker_not_a_clause() -> None:
    claim = one("Economist Ana Ruiz, who studies tax policy at the Harlow Institute, said Ola "
                "Berg's statement didn't clarify the matter.")
    assert claim.speaker is not None and claim.speaker.name == "Ana Ruiz"
    assert claim.text == "Ola Berg's statement didn't clarify the matter"


def test_a_quote_that_opens_with_a_question_is_the_speakers() -> None:
    """A question inside a quotation is the speaker's, not the outlet's own question, and
    the quotation runs on to its speaker."""
    found = claims_of('Ines Moura runs the Holm port.\n\n"Will the pier reopen in May? Yes, '
                      'it will," she said. "We have the money now."')
    credited = [(c.text, c.speaker.name if c.speaker else None) for c in found[1:]]
    assert credited == [("Will the pier reopen in May?", "Ines Moura"),
                        ("Yes, it will", "Ines Moura"), ("We have the money now", "Ines Moura")]
    assert [c.text for c in claims_of("Will the pier reopen in May? Nobody at the port knows.")] \
        == ["Nobody at the port knows."]


def test_a_quoted_transcript_names_its_speaker_and_runs_on() -> None:
    found = claims_of('The hearing ran late.\n\n"MOURA: Well, the pier was never safe. We '
                      'said so in May.\n\n"BERG: But you kept it open.')
    credited = [(c.text, c.speaker.name if c.speaker else None) for c in found[1:]]
    assert credited == [("Well, the pier was never safe", "Moura"),
                        ("We said so in May", "Moura"), ("But you kept it open", "Berg")]


def test_according_to_a_source_described_after_it() -> None:
    claim = one("The pier is unsafe, according to two harbour engineers, who asked not to "
                "be named.")
    assert (claim.text, claim.anonymous) == ("The pier is unsafe", True)
    claim = one("In May, according to the port, who pays for the pier was still unclear.")
    assert claim.text.startswith("Who pays for the pier")


@pytest.mark.parametrize("sentence, outlets, speakers", [
    ("Ines Moura runs the Holm port. The port published no cost estimate, though she said "
     "new fees would pay for the pier.", "The port published no cost estimate",
     ("New fees would pay for the pier", "Ines Moura")),
    ("Ines Moura runs the Holm port. She spoke on Radio Holm, in which she said the survey "
     "was flawed.", "She spoke on Radio Holm", ("The survey was flawed", "Ines Moura")),
    ("The pier closed in May, when the harbour council said it was unsafe.",
     "The pier closed in May", ("It was unsafe", "harbour council")),
])
def test_a_subordinate_clause_with_its_own_speaker_is_that_speakers_claim(
        sentence: str, outlets: str, speakers: tuple[str, str]) -> None:
    found = [(c.text, c.speaker.name if c.speaker else None) for c in claims_of(sentence)]
    assert (outlets, None) in found and speakers in found, found


def test_a_quote_split_around_its_speaker_runs_on_with_that_speaker() -> None:
    found = claims_of('Ines Moura runs the Holm port.\n\n"By closing the pier," Ms. Moura '
                      'said, "we saved the harbour. The repairs will take a year."')
    credited = [(c.text, c.speaker.name if c.speaker else None) for c in found[1:]]
    assert credited == [("By closing the pier, we saved the harbour", "Ines Moura"),
                        ("The repairs will take a year", "Ines Moura")]
    assert found[1].sentence.endswith("harbour.")


@pytest.mark.parametrize("sentence, speaker", [
    ("If anything, harbour engineers say the pier is safer now.", "harbour engineers"),
    ("Giving a speech in Holm, Ines Moura says the pier is safe.", "Ines Moura"),
    ("Well, officials said the pier would reopen in May.", "officials"),
    # A subordinate clause that opens the sentence is nobody, whatever verb follows it.
    ("While a curfew was announced from midnight, police did not enforce it.", None),
    ("As stated in the survey, there are many questions about the pier.", None),
    # An apposition that describes the name, even when it opens with a possessive name.
    ("Norway, Sweden's closest ally and its main trading partner in the north, said it "
     "opposed the toll.", "Norway"),
    ("Ines Moura, Ana Berg's deputy, said the pier was safe.", "Ines Moura"),
    # A focusing adverb, a time or "Having said that" before the subject.
    ("Even Norway, a close ally of Sweden and its main trading partner in the north, said "
     "it opposed the toll.", "Norway"),
    ("Even on Friday, the mayor claimed that the pier was sold.", "the mayor"),
    ("(Having said that, the pier is still closed.)", None),
])
def test_what_opens_a_sentence_is_not_its_speaker(sentence: str, speaker: str | None) -> None:
    assert attribute(sentence).speaker == speaker


def test_as_a_speaker_put_it_and_an_aside_told_to_someone() -> None:
    found = attribute("As Ms. Moura put it in a letter to the council, the pier is a lifeline.")
    assert (found.rule, found.speaker) == ("as_said", "Ms. Moura")
    claim = claims_of("Tom Lund runs the pier. The difference now, he told me on Friday, is "
                      "that the pier has a new owner.")[-1]
    assert claim.speaker is not None and claim.speaker.name == "Tom Lund"


def test_each_speaker_mention_is_placed_in_the_article_text() -> None:
    text = ('Ines Moura runs the Holm port.\n\n"By closing the pier," Ms. Moura said, "we saved '
            'the harbour. The repairs will take a year."\n\nShe said the ferry would stop. The '
            "mayor, Ana Berg, said the pier was safe.")
    placed = [(c.speaker.name, text[c.speaker.mention_start:][:len(c.speaker.mention or "")])
              for c in claims_of(text) if c.speaker and c.speaker.mention_start is not None]
    assert placed == [("Ines Moura", "Ms. Moura"), ("Ines Moura", "Ms. Moura"),
                      ("Ines Moura", "She"), ("Ana Berg", "The mayor, Ana Berg")]


@pytest.mark.parametrize("sentence, speaker", [
    ("One study found the new toll would cost commuters 40 euros a month.", "One study"),
    ("A 2024 survey by the port found 31 cases of fare dodging in a million trips.",
     "A 2024 survey by the port"),
    ("The audit found the harbour had lost money for a decade.", "The audit"),
    ("Rescuers found 31 bodies in the rubble.", None),  # a deed: no study finds it
])
def test_a_study_finds_without_that(sentence: str, speaker: str | None) -> None:
    found = attribute(sentence)
    assert found.speaker == speaker and (speaker is None or found.kind == "according_to")


def test_the_outlets_own_count_is_its_own_voice() -> None:
    """A finding of the outlet's own ("A Gazette count", in the Gazette) is its report,
    whole; another outlet's stays that outlet's."""
    found = claims_of("A Gazette count on Tuesday, made door by door, found water inside 212 "
                      "of the 230 houses.", outlet="Lowford Gazette")
    assert [(c.text, c.speaker) for c in found] == [
        ("A Gazette count on Tuesday, made door by door, found water inside 212 of the 230 "
         "houses.", None)]
    other = claims_of("A Herald survey found most residents back the toll.",
                      outlet="Lowford Gazette")
    assert other[0].speaker is not None and other[0].text == "Most residents back the toll"
    named = claims_of("Lowford Water said 300 homes had no supply.", outlet="Radio Lowford")
    assert [(c.text, c.speaker.name if c.speaker else None) for c in named] == [
        ("300 homes had no supply", "Lowford Water")]  # a name the outlet's shares a word with


def test_he_or_she_is_a_person_never_the_body_that_spoke_last() -> None:
    found = claims_of("The Holm Port Authority said the pier was unsafe. On Friday, she said "
                      "the ferry would run.")
    assert [c.speaker.name if c.speaker else None for c in found] == ["Holm Port Authority", None]


def test_a_fronted_time_is_not_the_subject_of_a_participle() -> None:
    found = claims_of("In August, several harbour groups granted Ms. Moura an extension on the "
                      "order, saying her plan to fix the deck was credible.")
    assert ("Her plan to fix the deck was credible.", "several harbour groups") in [
        (c.text, c.speaker.name if c.speaker else None) for c in found]


@pytest.mark.parametrize("sentence, claim", [
    ("The ferry ran onto a sandbank off Holm on Sunday afternoon, stranding 200 passengers "
     "on board for six hours.", "The ferry stranded 200 passengers on board for six hours."),
    ("A freight train left the tracks near the station late on Friday night, blocking the "
     "main line to the coast.", "A freight train blocked the main line to the coast."),
    ("The council hosted the regatta on May 9, marking a century of sailing on the lake.",
     "The regatta marked a century of sailing on the lake."),
    ("The mayor invited residents to watch the fireworks display on Saturday, marking two "
     "centuries since the town's founding.",
     "The fireworks display marked two centuries since the town's founding."),
    ("The tanker overturned on the road to nearby farms, spilling diesel into the river.",
     "The tanker spilled diesel into the river."),
    ("Ines Moura beat the champion in the final on Sunday, winning the title for the first "
     "time since 2019.", "Ines Moura won the title for the first time since 2019."),
    # The content's subject, not the speaker's: the board did not end the closure.
    ("The board announced on Monday that the pier would reopen in the spring, bringing an "
     "end to two years of closure.", "The pier brought an end to two years of closure."),
])
def test_a_participle_after_a_place_or_time_is_the_subjects_deed(sentence: str,
                                                                 claim: str) -> None:
    assert claim.rstrip(".") in [c.text.rstrip(".") for c in claims_of(sentence)]


def test_an_aside_with_then() -> None:
    found = attribute("The truth, the senator said then, was that the pier had been sold.")
    assert (found.rule, found.speaker) == ("aside", "the senator")


@pytest.mark.parametrize("sentence, speaker", [
    ("Mayors have urged the council to keep the ferry, although they say they back some of "
     "the changes.", "mayors"),
    ("Harbour workers walked out on Monday, and they said the strike would last a week.",
     "Harbour workers"),
    ("The pier closed in May, though they said it was safe.", None),  # a pier says nothing
])
def test_they_are_the_people_their_sentence_opens_with(sentence: str,
                                                        speaker: str | None) -> None:
    last = claims_of(sentence)[-1]
    assert (last.speaker.name if last.speaker else None) == speaker


def test_speech_whose_pronoun_names_no_one_is_never_the_outlets_own() -> None:
    """'They said X' with no one 'they' can be is still reported speech: X is not the
    outlet's claim, and the rule that read it is kept."""
    claim = one("They said the pier was safe.")
    assert (claim.text, claim.speaker, claim.kind, claim.rule) == \
        ("The pier was safe", None, "indirect", "reporting_verb")
    assert one("The pier was safe on Monday.").kind == "outlet"


def test_a_paragraph_that_leads_into_a_quotation_names_its_speaker() -> None:
    claims = claims_of('The council met on Monday.\n\nAna Ruiz continued:\n\n"We will rebuild '
                       'the pier before the summer. Nobody will pay twice for it."\n\nThe '
                       'harbour master told reporters on Tuesday:\n\n"The pier stays shut."')
    assert [(c.text, c.speakers[0].name if c.speakers else None) for c in claims] == [
        ("The council met on Monday.", None),
        ("We will rebuild the pier before the summer", "Ana Ruiz"),
        ("Nobody will pay twice for it", "Ana Ruiz"),
        ("The pier stays shut", "harbour master")]


def test_a_line_ending_in_a_colon_before_no_quotation_is_still_no_claim() -> None:
    claims = claims_of("The council met on Monday.\n\nRead more:\n\nPier plans and other stories")
    assert [c.text for c in claims] == ["The council met on Monday."]


@pytest.mark.parametrize("sentence, speaker, text", [
    ("Polls show most residents want the toll.", "Polls",
     "Polls show most residents want the toll"),
    ("Critics argue that the toll is too high.", "critics", "The toll is too high"),
    ("Harbour records indicate the pier was last repaired in 1990.", "Harbour records",
     "The pier was last repaired in 1990"),
    ("They believe the pier will reopen in May.", None, "The pier will reopen in May"),
])
def test_a_plural_subject_reports_with_the_bare_verb(sentence: str, speaker: str | None,
                                                      text: str) -> None:
    claim = one(sentence)
    assert claim.text == text and claim.kind != "outlet"
    if speaker:
        assert claim.speakers[0].name.lower() == speaker.lower()


@pytest.mark.parametrize("sentence", [
    "The TV show was cancelled in May.",
    "The insurance claim does not cover the pier.",
    "The harbour report does not say whether the pumps were serviced.",
])
def test_a_singular_noun_is_no_bare_reporting_verb(sentence: str) -> None:
    assert one(sentence).kind == "outlet"


def test_an_appeal_that_reports_what_others_say_of_the_newsroom_is_still_an_appeal() -> None:
    claims = claims_of('The ferry resumed service on Monday, the operator said.\n\nWe are facing '
                       'hard times. The ministry has banned our website and put our staff at '
                       'risk. These steps are attempts to silence independent reporting. The '
                       'authorities claim our reporting "harms the nation." We see things '
                       'differently: we report what we see.\n\nPlease support us today.')
    assert [c.text for c in claims] == ["The ferry resumed service on Monday"]


def test_a_trailing_verb_after_punctuation_alone_credits_no_one() -> None:
    assert attribute("The plan, which failed, ( told reporters").speaker is None
