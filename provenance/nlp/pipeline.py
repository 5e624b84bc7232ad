"""The extraction pipeline, assembled in one place: clean -> segment -> claims ->
attribution and speakers -> numbers and dates -> topics."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from provenance.domain import OWN_REPORTING, ArticleMeta, Claim, Extraction, SourceDocument, Speaker
from provenance.nlp import lexicon as lx
from provenance.nlp import wire
from provenance.nlp.attribution import attribute, is_group
from provenance.nlp.claims import Piece, split_sentence, subject_of
from provenance.nlp.clean import Unit, clean
from provenance.nlp.dates import event_date, find_dates
from provenance.nlp.numbers import find_quantities
from provenance.nlp.speakers import gender_of, parse_speaker, parse_speakers
from provenance.nlp.topics import Taxonomy, load_taxonomy, tag_claims
from provenance.text import comparable, fold_chars

_PERSON_RUN = re.compile(r"\b[A-Z][\w'-]+(?:\s+(?:de\s+|da\s+|del\s+)?[A-Z][\w'-]+){1,5}\b")
_QUESTION = re.compile(r"\?[\"')]*\s*$")
_DENIABLE = ("reported", "according_to", "indirect")
MAX_SENTENCE_CHARS = 1000
"""Longer sentences are not read for attribution. Real news sentences stay far below it
(99.9 % of PolNeAR's are under 450 characters, the longest 1,094); run-on text of any
length would otherwise cost time that grows faster than its length."""


@dataclass
class _ArticleState:
    """What the reader of an article remembers from one sentence to the next."""

    people: dict[str, str] = field(default_factory=dict)  # surname -> full name
    last_speaker: Speaker | None = None
    last_quote_speaker: Speaker | None = None
    last_person: Speaker | None = None
    last_mentioned: Speaker | None = None
    """The last person named in full, speaking or not: whom "he" or "she" means when no
    person has spoken yet ("Ana Ruiz toured the site. She said ...")."""
    recent: list[Speaker] = field(default_factory=list)  # people, the latest last
    sentence_group: Speaker | None = None
    """The people a clause of this sentence opens with ("Mayors have urged ..."): whom a
    later "they" of the same sentence means ("..., although they say ...")."""
    genders: dict[str, str] = field(default_factory=dict)  # full name -> f | m
    """What each person's title, given name or an earlier pronoun says: "she" never goes
    to Viktor Hale, nor "he" to a spokeswoman."""

    def met(self, person: Speaker) -> None:
        """Remember a person just named or heard, and what says their gender."""
        self.recent = [p for p in self.recent if p.name != person.name][-RECENT_PEOPLE:]
        self.recent.append(person)
        gender = gender_of(person)
        if gender:
            self.genders.setdefault(person.name, gender)


RECENT_PEOPLE = 6
"""How many people back a pronoun may reach."""


def extract(doc: SourceDocument, taxonomy: Taxonomy | None = None) -> Extraction:
    """Every claim of one article, attributed, dated, quantified and tagged."""
    taxonomy = taxonomy or load_taxonomy()
    text = fold_chars(doc.text)
    cleaned = clean(text, doc.meta.outlet, doc.meta.title)
    state = _ArticleState()
    drafts: list[tuple[Claim, int]] = []
    open_quote: list[Unit] = []
    quote_from: int | None = None  # the line of 'X said: "A. B."', whose quote runs on
    unread = 0
    for unit in cleaned.body():
        sentence = text[unit.start:unit.end]
        too_long = len(sentence) > MAX_SENTENCE_CHARS
        if open_quote and (unit.line != open_quote[-1].line or sentence.startswith('"')
                           or too_long):
            drafts += _quoted_run(open_quote, None, text, doc, state)
            open_quote = []
        if quote_from is not None and (unit.line != quote_from or sentence.startswith('"')):
            quote_from = None
        if too_long:
            drafts += _unread_claims(sentence, unit, doc, state)
            unread += 1
            continue
        if _QUESTION.search(sentence) and not open_quote and not _opens_quote(sentence) \
                and not _asked_by_someone(sentence):
            continue  # the outlet's own questions assert nothing
        if open_quote or (_opens_quote(sentence) and not _names_its_speaker(sentence)) \
                or quote_from is not None:
            open_quote.append(unit)
            if (len(open_quote) > 1 or quote_from is not None) \
                    and sentence.count('"') % 2 == 1:
                drafts += _quoted_run(open_quote[:-1], unit, text, doc, state)
                open_quote, quote_from = [], None
            continue
        if _opens_quote(sentence):  # read closed; each claim keeps the sentence as written
            drafts += [(replace(c, sentence=doc.text[unit.start:unit.end]), line) for c, line
                       in _sentence_claims(_closed(sentence), unit.start, unit.line, doc, state)]
        elif not _lead_in(sentence, unit.start, doc, state):
            drafts += _sentence_claims(sentence, unit.start, unit.line, doc, state)
        if sentence.count('"') % 2 == 1 and state.last_quote_speaker:
            quote_from = unit.line
    if open_quote:
        drafts += _quoted_run(open_quote, None, text, doc, state)
    claims = _link_denials([c for c, _ in drafts])
    topics = tag_claims(taxonomy, [(c.text, c.context, line) for c, (_, line) in
                                   zip(claims, drafts)])
    claims = [replace(c, topics=tuple(sorted(t))) for c, t in zip(claims, topics)]
    return Extraction(tuple(claims), _wire(cleaned.wire, doc.meta), cleaned.headline, unread,
                      cleaned.bylined)


def _wire(credited: tuple[str, ...], meta: ArticleMeta) -> tuple[str, ...]:
    """The agencies the text credits, and those its metadata names as authors ("Kestrel
    staff", "Reuters"), read as a byline is."""
    from_authors = (a for author in meta.authors
                    for a in wire.line_credits(f"By {author}", meta.outlet) or ())
    return tuple(dict.fromkeys((*credited, *from_authors)))


def _unread_claims(sentence: str, unit: Unit, doc: SourceDocument,
                   state: _ArticleState) -> list[tuple[Claim, int]]:
    """A sentence over the length cap, kept in the outlet's voice, cut at spaces into
    pieces no longer than the cap; its attribution is not read."""
    drafts = []
    start = 0
    while start < len(sentence):
        end = min(len(sentence), start + MAX_SENTENCE_CHARS)
        if end < len(sentence) and (space := sentence.rfind(" ", start + 1, end)) > start:
            end = space
        piece = Piece(sentence[start:end].strip(), start, end)
        if piece.text:
            drafts.append((_claim(piece, sentence, unit.start, doc, state), unit.line))
        start = end
    return drafts


_LEAD_IN_QUOTE = ' "It is so."'  # stands for the quotation a lead-in introduces


def _lead_in(sentence: str, offset: int, doc: SourceDocument, state: _ArticleState) -> bool:
    """Whether the sentence only says who speaks next ("Ana Ruiz continued:", "The minister
    told reporters on Monday:"), its speaker then taken for the quotation that follows."""
    if not sentence.rstrip().endswith(":"):
        return False
    led = sentence.rstrip() + _LEAD_IN_QUOTE
    found = attribute(led)
    if not found.speaker or found.kind != "direct_quote" \
            or led[found.content[0]:found.content[1]].strip(' ".') != _LEAD_IN_QUOTE.strip(' ".'):
        return False
    end = len(sentence)
    _speakers(Piece("", end, end, kind="direct_quote", speaker=found.speaker), state,
              sentence, offset, doc.text)
    return True


def _asked_by_someone(sentence: str) -> bool:
    """'"Who will pay for it?" the mayor asked.': a quoted question, on the record."""
    return '"' in sentence and attribute(sentence).speaker is not None


def _opens_quote(sentence: str) -> bool:
    """A sentence that starts a quotation it does not close ('"We will stay. ...')."""
    return sentence.startswith('"') and sentence.count('"') % 2 == 1


def _sentence_claims(sentence: str, offset: int, line: int, doc: SourceDocument,
                     state: _ArticleState) -> list[tuple[Claim, int]]:
    pieces = split_sentence(sentence)
    state.sentence_group = None
    drafts = [(_claim(p, sentence, offset, doc, state), line) for p in pieces]
    _remember_people(sentence, state)
    if pieces and pieces[0].kind == OWN_REPORTING:
        state.last_quote_speaker = None
    return drafts


def _names_its_speaker(sentence: str) -> bool:
    """A quotation that runs on past a sentence which names its speaker: a transcript
    ('"PENCE: Well, we will win. ...') or a quote split around the speaker ('"By closing
    the pier," Moura said, "we saved the harbour. ...')."""
    found = attribute(_closed(sentence))
    return found.rule == "dash_or_label" or (found.rule == "quote_first"
                                             and found.more is not None)


def _closed(sentence: str) -> str:
    """The sentence with the quote it leaves open closed."""
    return sentence + '"' if sentence.count('"') % 2 else sentence


def _quoted_run(inside: list[Unit], closing: Unit | None, text: str, doc: SourceDocument,
                state: _ArticleState) -> list[tuple[Claim, int]]:
    """A quotation over several sentences: the attribution, usually in the last one, covers
    them all; without one, the quote continues the previous speaker's."""
    tail: list[tuple[Claim, int]] = []
    if closing is not None:
        # Re-open the quote so the closing sentence reads as a whole quotation.
        sentence = '"' + text[closing.start:closing.end]
        tail = _sentence_claims(sentence, closing.start - 1, closing.line, doc, state)
    speaker = tail[0][0].speakers if tail and tail[0][0].kind == "direct_quote" else ()
    if not speaker and state.last_quote_speaker:
        speaker = (state.last_quote_speaker,)
    head = []
    for unit in inside:
        sentence = text[unit.start:unit.end]
        quote = sentence.strip('" ')
        piece_start = sentence.index(quote[:1]) if quote else 0
        claim = Claim(text=quote.rstrip(".,"), sentence=doc.text[unit.start:unit.end],
                      start=unit.start + piece_start, end=unit.end, kind="direct_quote",
                      speakers=tuple(speaker), sentence_start=unit.start,
                      quantities=tuple(find_quantities(quote)), rule="quote_run")
        head.append((claim, unit.line))
    return head + tail


def _claim(piece: Piece, sentence: str, offset: int, doc: SourceDocument,
           state: _ArticleState) -> Claim:
    speakers = _speakers(piece, state, sentence, offset, doc.text)
    if speakers and all(_is_own_outlet(s, doc.meta.outlet) for s in speakers):
        # "A Gazette count found water in 212 houses", in the Gazette: its own report,
        # read whole from the start of the sentence.
        speakers = []
        piece = Piece(sentence[:piece.end].strip().rstrip(".") + ".", 0, piece.end)
    if not speakers and piece.kind == OWN_REPORTING and state.sentence_group is None:
        state.sentence_group = _group_subject(piece.text)
    anonymous = piece.anonymous or any(s.kind == "anonymous" for s in speakers) \
        or any(getattr(parse_speaker(c), "kind", None) == "anonymous" for c in piece.cites) \
        or bool(piece.via) and any(s.kind == "group" for s in speakers)  # "staff told Z"
    dates = tuple(find_dates(piece.text, doc.meta.published))
    own_date = event_date(list(dates))
    context = fold_chars(" ".join(filter(None, [piece.context]
                                         + [s.mention or "" for s in speakers])))
    reported = bool(speakers) or piece.kind == "direct_quote" or _unresolved_pronoun(piece)
    text = doc.text  # offsets refer to the article's own text (folding keeps lengths)
    start, end = offset + piece.start, offset + piece.end
    return Claim(
        text=piece.text, sentence=text[offset:offset + len(sentence)], start=start, end=end,
        kind=piece.kind if reported else OWN_REPORTING,
        speakers=tuple(speakers), via=piece.cites + piece.via, cites=piece.cites,
        anonymous=anonymous,
        quantities=tuple(find_quantities(piece.text)), dates=dates,
        event_date=own_date, told_on=None if own_date else _date_of_telling(piece, sentence, doc),
        context=context,
        sentence_start=offset,
        rule=_rule(piece) if reported else "",
    )


def _rule(piece: Piece) -> str:
    """Which rule credited a piece: its attribution's, or how it hangs off one."""
    if piece.rule:
        return piece.rule
    return "hanging" if piece.origin == "hanging" else "quote_run"


def _date_of_telling(piece: Piece, sentence: str, doc: SourceDocument) -> str | None:
    """For a claim that names no date, the date of the rest of its sentence: "The agency
    said on Wednesday that 4,100 people were out of their homes" is about Wednesday."""
    # Within a sentence's length of the piece: all of any sentence read for attribution,
    # and a bounded cost for each piece of one too long to read.
    before = sentence[max(0, piece.start - MAX_SENTENCE_CHARS):piece.start]
    rest = f"{before} {sentence[piece.end:piece.end + MAX_SENTENCE_CHARS]}"
    return event_date(find_dates(rest, doc.meta.published))


_DETERMINERS = frozenset("a an the our this its".split())


def _is_own_outlet(speaker: Speaker, outlet: str | None) -> bool:
    """Whether the speaker is the article's own outlet ("A Gazette count ... found", "The
    Lowford Gazette's survey shows" in the Lowford Gazette): then the outlet speaks."""
    if not outlet or not speaker.mention:
        return False
    own = [w for w in comparable(outlet).split() if w != "the"]
    tokens = speaker.mention.replace("'s", "").split()
    words = comparable(" ".join(tokens)).split()
    if not own or " ".join(own) in " ".join(words):
        return bool(own)
    # Its last word alone, as a modifier ("A Gazette count"), not opening another name
    # ("Calder Power" in Radio Calder).
    return len(words) == len(tokens) and any(
        w == own[-1] and (i == 0 or words[i - 1] in _DETERMINERS)
        and (i + 1 == len(tokens) or not tokens[i + 1][:1].isupper())
        for i, w in enumerate(words))


def _unresolved_pronoun(piece: Piece) -> bool:
    """'They said the pier was safe', with no one "they" can be: still reported speech,
    from a speaker the article does not name, never the outlet's own claim."""
    said_by = parse_speakers(piece.speaker) if piece.speaker else ()
    return bool(said_by) and all(s.kind == "pronoun" for s in said_by)


def _group_subject(text: str) -> Speaker | None:
    """The people a clause opens with, when they are many ("Mayors", "Harbour workers")."""
    subject = subject_of(text)
    head = lx.head_noun(subject) if subject else ""
    if not subject or not head.endswith("s") or not is_group(head):
        return None
    return parse_speaker(subject)


def _placed(speaker: Speaker, piece: Piece, sentence: str, offset: int,
            original: str) -> Speaker:
    """The speaker with where its mention stands, found in the sentence outside the claim's
    own words, when it is not known yet; the mention then reads as the article writes it
    (``original``: curly quotes and all)."""
    if speaker.mention_start is not None or not speaker.mention:
        return speaker
    found = _whole_word_at(speaker.mention, sentence)
    outside = [i for i in found if not piece.start <= i < piece.end] or found
    if not outside:
        return speaker
    start = offset + outside[0]
    return replace(speaker, mention=original[start:start + len(speaker.mention)],
                   mention_start=start)


def _whole_word_at(words: str, text: str) -> list[int]:
    """Where ``words`` stand in ``text`` as whole words (found without a regular
    expression per mention: one for each would overflow the ``re`` cache)."""
    out = []
    at = text.find(words)
    while at >= 0:
        end = at + len(words)
        if not (at and _is_word_char(text[at - 1])) and not (
                end < len(text) and _is_word_char(text[end])):
            out.append(at)
        at = text.find(words, at + 1)
    return out


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _speakers(piece: Piece, state: _ArticleState, sentence: str, offset: int,
              original: str) -> list[Speaker]:
    """Whom a piece is credited to, resolved against the article so far and placed in its
    text; a quote with no speaker of its own continues the last quoted speaker's."""
    if piece.kind == "direct_quote" and not piece.speaker:
        return [state.last_quote_speaker] if state.last_quote_speaker else []
    if not piece.speaker:
        return []
    resolved = [_resolve(s, state) for s in parse_speakers(piece.speaker)]
    found = [_placed(s, piece, sentence, offset, original) for s in resolved if s is not None]
    if found:
        state.last_speaker = found[0]
        if found[0].kind == "person" or gender_of(found[0]):
            # "a club spokesman said ... he said": a role that says a gender is one person
            state.last_person = found[0]
            state.met(found[0])
        state.last_quote_speaker = found[0] if piece.kind == "direct_quote" else None
    return found


def _resolve(speaker: Speaker, state: _ArticleState) -> Speaker | None:
    if speaker.kind == "pronoun" and speaker.name == "they" and state.sentence_group:
        return replace(state.sentence_group, mention=speaker.mention, mention_start=None)
    if speaker.kind == "pronoun":
        # "He" and "she" are people: never the body that spoke last.
        found = _gendered(speaker.name, state) if speaker.name in ("he", "she") \
            else state.last_speaker
        return replace(found, mention=speaker.mention, mention_start=None) if found else None
    if speaker.kind == "person" and len(speaker.name.split()) == 1:
        full = state.people.get(comparable(speaker.name))
        if full:
            return replace(speaker, name=full)
    return speaker


def _gendered(pronoun: str, state: _ArticleState) -> Speaker | None:
    """Whom "he" or "she" means: the last person who spoke, else the last named, else an
    earlier one, skipping anyone whose gender is known to be the other; the one taken is
    then known to be of the pronoun's."""
    want = "f" if pronoun == "she" else "m"
    candidates = [state.last_person, state.last_mentioned, *reversed(state.recent)]
    found = next((c for c in candidates
                  if c is not None and state.genders.get(c.name, want) == want), None)
    if found is not None:
        state.genders.setdefault(found.name, want)
    return found


def _remember_people(sentence: str, state: _ArticleState) -> None:
    for m in _PERSON_RUN.finditer(sentence):
        for found in parse_speakers(m.group(0)):
            words = found.name.split()
            if found.kind == "person" and len(words) >= 2:
                state.people.setdefault(comparable(words[-1]), found.name)
                state.last_mentioned = Speaker(name=found.name, kind="person",
                                               role=found.role, mention=found.mention)
                state.met(state.last_mentioned)


def _link_denials(claims: list[Claim]) -> list[Claim]:
    """A denial points at the nearest earlier claim it can be denying."""
    out = list(claims)
    for i, claim in enumerate(claims):
        if claim.kind != "denial":
            continue
        for j in range(i - 1, max(-1, i - 4), -1):
            if claims[j].kind in _DENIABLE:
                out[i] = replace(claim, denies=j)
                break
    return out
