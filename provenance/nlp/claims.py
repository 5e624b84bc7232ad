"""Split one sentence into atomic claims, each with the attribution it inherits.

A sentence is first attributed as a whole (:mod:`provenance.nlp.attribution`); then the
attributed content, and the outlet's own text around it, are cut into independent
assertions: non-restrictive relative clauses, coordinated clauses with their own subject,
participle phrases, "X, with Y claiming that ...", "A as well as B" in parallel, and
"X and Y each ..." into one claim per subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from provenance.domain import OWN_REPORTING
from provenance.nlp import lexicon as lx
from provenance.nlp.attribution import Attribution, attribute, has_cue, strip_intro

_RELATIVE = re.compile(r",\s+(?P<rel>which|who|whose|where)\s+")
_COORDINATION = re.compile(
    r",\s+(?:while|whereas)\s+|;\s+|,\s+(?:and|but)\s+(?=(?:(?:the|his|her|its|their|a|an)\s+"
    r"[\w'-]+|[A-Z][\w'.-]*|he|she|they|it)\s+(?:[\w'-]+\s+){0,3}?(?:"
    + "|".join(sorted(lx.AUXILIARIES)) + r"|[a-z]+ed)\b)"
)
# "Turnout was 49 percent and Sandoval lost by 3,000 votes", "Five people were hurt and two
# are missing": without a comma, "and" joins two clauses only when a name, a pronoun or a
# number is followed at once by its own verb (the words before must hold a verb too).
_NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve twenty thirty"
                 " forty fifty dozens hundreds thousands")
_BARE_AND = re.compile(
    r"\s+(?:and|but)\s+(?=(?:[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*)?|he|she|they|it|we|"
    r"(?:" + "|".join(_NUMBER_WORDS.split()) + r"|\d[\d,.]*)(?:\s+[a-z]+)?)\s+"
    r"(?:(?:also|later|then|still)\s+)?(?:"
    + "|".join(sorted(lx.AUXILIARIES | lx.IRREGULAR_PAST_FORMS)) + r"|[a-z]{2,}ed)\b)")
_LEFT_VERB = re.compile(
    r"\b(?:" + "|".join(sorted(lx.AUXILIARIES | lx.IRREGULAR_PAST_FORMS)) + r"|[a-z]{3,}ed)\b"
    r"(?!\s+by\b)(?:(?:\s+\S+){2}|\s*$)")  # "the deal signed by Varga and Rinaldi is ..."
# "The inquiry will be led by a judge, and is due to report in May": a second predicate of
# the same subject, after a comma, opening with an auxiliary.
_FINITE_AUXILIARIES = lx.AUXILIARIES - {"be", "been", "being", "shall", "do"}
_AND_PREDICATE = re.compile(r",\s+(?:and|but)\s+(?=(?:" + "|".join(sorted(_FINITE_AUXILIARIES))
                            + r")\s)")
# "The storm killed three people and injured 40": a second verb of one subject, with a
# figure of its own.
_AND_FIGURE = re.compile(
    r",?\s+and\s+(?=(?:" + "|".join(sorted(lx.IRREGULAR_PAST_FORMS)) + r"|[a-z]{2,}ed)\s+"
    r"(?:about\s+|some\s+|nearly\s+|almost\s+|at\s+least\s+|more\s+than\s+)?(?:\d|(?:"
    + "|".join(_NUMBER_WORDS.split()) + r")\b))")
# "The ministry said 19 people were held, and that two officers were hurt": two contents.
_AND_THAT = re.compile(r",?\s+and\s+(?:also\s+)?that\s+")
# "The body was found on Monday, a day after a man was killed": two events, two claims.
_TIME_LINK = re.compile(
    r",\s+(?:a|one|two|three|four|five|six|several|\d+)\s+(?:minutes?|hours?|days?|weeks?"
    r"|months?|years?)\s+(?:after|before)\s+(?=(?:the|a|an|his|her|its|their|[A-Z])[\w'-]*\s+"
    r"(?:[\w'-]+\s+){0,6}?(?:" + "|".join(sorted(lx.AUXILIARIES)) + r"|[a-z]+ed)\b)")
# Where a second clause may begin: a coordinator, and the subordinators after which a
# clause with a speaker of its own is that speaker's claim ("..., though she said ...").
_CLAUSE_JOIN = re.compile(r",\s+(?:and|but|while|whereas|(?:even\s+)?though|although|because"
                          r"|since|after|when|in\s+which|where)\s+|;\s+")
_AS_CLAUSE = re.compile(
    r",?\s+as\s+(?=(?:the|a|an|his|her|its|their|[A-Z][\w'.-]*)\s+(?:[\w'.-]+\s+){0,8}?(?:"
    + "|".join(sorted(lx.AUXILIARIES | lx.PRESENT_VERBS)) + r")\b)"
)
_BUT_SAID = re.compile(r"\s+(?:but|and)\s+(?:also\s+)?(?P<verb>" + "|".join(
    sorted(lx.CLAUSE_VERBS)) + r")\s+that\s+")
_WITH_GERUND = re.compile(
    r",\s+with\s+(?P<who>[^,\"]{1,60}?)\s+(?P<g>" + "|".join(sorted(lx.GERUND_VERBS))
    + r")\b(?P<adv>(?:\s+(?:in|on|last|this)\s+\w+)?)\s*(?:that\s+)?"
)
_LEAD_GERUND = re.compile(
    r"^(?:Despite|Amid|After|Following)\s+(?P<who>[^,\"]{1,50}?)\s+(?P<g>"
    + "|".join(sorted(lx.GERUND_VERBS)) + r")\s+(?P<obj>[^,]+),\s+"
)
_PARTICIPLE = re.compile(r",\s+(?P<g>[a-z]+ing),?\s+")
_REDUCED_PASSIVE = re.compile(
    r"\s+(?:following|amid|after|during|despite)\s+(?P<np>(?:an?|the)\s+(?:[\w-]+\s+){0,3}?)"
    r"(?P<pp>[a-z]{3,}ed)\s+by\s+")
_AS_WELL_AS = re.compile(r",\s+as\s+well\s+as\s+(?P<g>[a-z]+ing)\s+")
_TEMPORAL_TAIL = re.compile(
    r"(?:\s+(?:(?:late|early)\s+)?(?:on|in|at|by|every|each|this|last|next|late|early)\s+(?:the\s+)?(?:"
    + "|".join(w.capitalize() for w in lx.WEEKDAYS + lx.MONTHS)
    + r"|\d{4}|morning|afternoon|evening|night|week|month|year|day)(?:\s+\d{1,2})?(?:,\s*\d{4})?"
    r"(?:\s+(?:morning|afternoon|evening|night))?)+\s*$")
_PLACE_IDIOM = re.compile(r"\b(?:takes?|took|taken|taking)\s+place\s*$")
_SUBJECT_STARTS = frozenset("the a an his her its their our this these those he she they we it i"
                            .split())
_BOUNDARY_WORDS = frozenset(
    "of in on at to for from with by against during after before over under about into"
    " than between among toward towards through amid despite every each since until like per"
    " via around near beyond across behind inside outside within without along".split()
) | lx.AUXILIARIES


@dataclass(frozen=True)
class Piece:
    """One atomic claim cut from a sentence; spans are offsets into the sentence."""

    text: str
    start: int
    end: int
    kind: str = OWN_REPORTING
    speaker: str | None = None
    via: tuple[str, ...] = ()
    anonymous: bool = False
    context: str = ""
    distributive: bool = False
    cites: tuple[str, ...] = ()
    origin: str = "main"  # main | relative | hanging
    rule: str = ""  # the attribution rule that credited it (attribution.RULES), if any


def split_sentence(sentence: str) -> list[Piece]:
    """Atomic claims of one sentence, in reading order."""
    pieces: list[Piece] = []
    todo = [(0, len(sentence))]  # clauses still to read, the next one last
    while todo:
        start, end = todo.pop()
        cut = _second_speaker(sentence[start:end])
        if cut is None:
            pieces += [replace(p, start=p.start + start, end=p.end + start) if start else p
                       for p in _clause_pieces(sentence[start:end])]
        else:  # "A, and the bank said B": A and B are read on their own
            todo += [(start + cut[1], end), (start, start + cut[0])]
    return pieces


def _clause_pieces(sentence: str) -> list[Piece]:
    att = attribute(sentence)
    c0, c1 = att.content
    if att.kind == OWN_REPORTING:
        return [_own_attribution(p) for p in _split_region(sentence, 0, len(sentence), None)]
    pieces: list[Piece] = []
    lead = _LEAD_GERUND.match(sentence)
    if lead and lead.end() <= c0:
        pieces.append(_lead_gerund_piece(lead))
    pieces += _speaker_acts(sentence, c0)
    if att.act is not None:  # "X toured the site and said ...": the visit is the outlet's
        pieces.append(Piece(_tidy(sentence[att.act[0]:att.act[1]]), *att.act))
    content = _split_region(sentence, c0, c1, att)
    if att.whole:
        # "Maduro accused the opposition of ...": the claim keeps speaker and verb; clauses
        # inside the object that describe something else stay the outlet's own.
        content = content or [Piece(sentence[c0:c1], c0, c1)]
        first = content[0]
        subject_at = max(sentence.find(att.speaker or ""), 0)
        rest = first.text[:1].lower() + first.text[1:] if sentence[c0:c0 + 1].islower() \
            else first.text
        content[0] = Piece(_tidy(f"{sentence[subject_at:c0]} {rest}"), subject_at, first.end)
        content = [p if p.speaker or p.origin == "relative" else _with_attribution(p, att)
                   for p in content]
    else:
        content = [p if p.speaker else _with_attribution(p, att) for p in content]
    if att.lead and content:
        content[0] = _after_lead(sentence, att.lead, content[0])
    if att.more:
        # ", adding that ..." is reported speech unless it opens a quote.
        quoted = sentence[att.more[0] - 1:att.more[0]] == '"'
        said = replace(att, kind="direct_quote" if quoted else "indirect")
        if quoted and sentence[att.more[0]:att.more[0] + 1].islower():
            # '"We opened the gates," he said, "but only after ...": one quoted sentence
            # split around its speaker is one claim.
            joined = _tidy(f"{sentence[c0:c1]}, {sentence[att.more[0]:att.more[1]]}")
            return _distribute(pieces + [_with_attribution(
                Piece(joined, c0, att.more[1]), said)], att, sentence)
        content += [p if p.speaker else _with_attribution(p, said)
                    for p in _split_region(sentence, *att.more, said)]
    return _distribute(pieces + content, att, sentence)


def _speaker_acts(sentence: str, end: int) -> list[Piece]:
    """"Marchand, who declared a state of emergency on Monday, said ...": what the speaker
    did is a claim of the outlet's own; what only describes the speaker ("who heads the
    agency") is not."""
    if end <= 0:
        return []
    relatives, _ = _relative_clauses(sentence, 0, end)
    return [p for p in relatives if _past_act(sentence, p)]


_WHO_VERB = re.compile(r",\s+who\s+(?:(?:also|then|first|later|last\s+\w+)\s+)?(?P<verb>[a-z]+)")


def _past_act(sentence: str, piece: Piece) -> bool:
    """Whether a "who" clause opens with a verb in the past: an act, not a description."""
    m = _WHO_VERB.match(sentence, piece.start - 2)
    if m is None:
        return False
    return m.group("verb").endswith("ed") or m.group("verb") in lx.IRREGULAR_PAST_FORMS


def _after_lead(sentence: str, lead: tuple[int, int], piece: Piece) -> Piece:
    """"The talks, Peskov said, would resume": the content's first claim gets its start back."""
    first = piece.text[:1].lower() + piece.text[1:] if sentence[piece.start].islower() \
        else piece.text
    return replace(piece, text=_tidy(f"{sentence[lead[0]:lead[1]]} {first}"), start=lead[0])


def _second_speaker(sentence: str) -> tuple[int, int] | None:
    """Where "A, and the bank said B" turns to a clause with its own speaker: the end of the
    first clause and the start of the second, or None."""
    for m in _CLAUSE_JOIN.finditer(sentence):
        right = sentence[m.end():]
        if _quoted(sentence, m.start()) or len(sentence[:m.start()].split()) < 4 \
                or not has_cue(right):
            continue
        att = attribute(right)
        if att.speaker and att.kind != OWN_REPORTING and not _trails(right, att):
            return m.start(), m.end()
    return None


def _trails(clause: str, att: Attribution) -> bool:
    """Whether the speaker is named after the content ("..., and is due to report in May,
    the ministry said"): then it speaks for the whole sentence, not for its last clause."""
    return clause.find(att.speaker or "", att.content[1]) >= att.content[1] \
        and not clause[:att.content[0]].strip()


def _own_attribution(piece: Piece) -> Piece:
    """A clause cut from the outlet's text may still report someone ("which X accused ...")."""
    if piece.speaker:
        return piece
    att = attribute(piece.text)
    return piece if att.kind == OWN_REPORTING or not att.speaker else _with_attribution(piece, att)


def _with_attribution(piece: Piece, att: Attribution) -> Piece:
    distributive = bool(att.speaker and re.search(r"\beach$", att.speaker.strip()))
    speaker = re.sub(r"\s+each$", "", att.speaker.strip()) if att.speaker else None
    return replace(piece, kind=att.kind, speaker=speaker, via=att.via, anonymous=att.anonymous,
                   context=att.context, distributive=distributive, cites=att.cites,
                   rule=att.rule)


def _distribute(pieces: list[Piece], att: Attribution, sentence: str) -> list[Piece]:
    """"X and Y each claimed victory" -> one claim per subject."""
    out: list[Piece] = []
    for piece in pieces:
        names = re.split(r"\s+and\s+|,\s+", piece.speaker or "")
        if not piece.distributive or len(names) < 2:
            out.append(piece)
            continue
        verb_at = sentence.find(f" {att.verb} ") if att.verb else -1
        predicate = sentence[verb_at + 1: piece.end] if verb_at >= 0 else piece.text
        for name in names:
            out.append(replace(piece, speaker=name, distributive=False,
                               text=_tidy(f"{name} {predicate}")))
    return out


def _lead_gerund_piece(m: re.Match[str]) -> Piece:
    text = f"{m.group('who')} {lx.past_tense(m.group('g'))} {m.group('obj')}"
    return Piece(_tidy(text), m.start("who"), m.end("obj"), kind="indirect",
                 speaker=m.group("who"))


def _split_region(s: str, a: int, b: int, att: Attribution | None) -> list[Piece]:
    """Cut ``s[a:b]`` into clauses; pieces not carrying their own speaker inherit later."""
    lead = _LEAD_GERUND.match(s, a) if att is None else None
    pieces: list[Piece] = []
    if lead:
        pieces.append(_lead_gerund_piece(lead))
        a = lead.end()
    relatives, mask = _relative_clauses(s, a, b)
    pieces_main = _coordinated(s, a, b, mask)
    out: list[Piece] = []
    first = s[pieces_main[0][0]:pieces_main[0][1]]
    for start, end in pieces_main:
        out += _participles(s, start, end, mask, att.speaker if att else None,
                            quoted=att is not None and att.kind == "direct_quote",
                            first=first if start != pieces_main[0][0] else None)
    return pieces + out + relatives


_FRONTED_TIME = re.compile(
    r"^(?P<time>(?:In|On|During|By|Since|Last|Earlier|Later)\b[^,\"]{0,40}?"
    r"(?:(?:19|20)\d\d|" + "|".join(w.capitalize() for w in lx.WEEKDAYS + lx.MONTHS)
    + r")[^,\"]{0,25}),\s+")
_BARE_NUMBER = re.compile(r"^(?P<n>\d[\d,.]*|" + "|".join(_NUMBER_WORDS.split())
                          + r")\s+(?=(?:still\s+|also\s+)?(?:" + "|".join(sorted(
                              lx.AUXILIARIES | lx.IRREGULAR_PAST_FORMS)) + r"|[a-z]{2,}ed)\b)",
                          re.IGNORECASE)  # "two are missing", not "two police officers"
_COUNTED_NOUN = re.compile(r"\b(?:\d[\d,.]*|" + "|".join(_NUMBER_WORDS.split())
                           + r"|\w+teen|\w+ty)\s+(?!(?:percent|per|more|times|of|or|and)\b)"
                           r"(?P<noun>[a-z]{3,})\b", re.IGNORECASE)


def _completed(piece: Piece, first: str) -> Piece:
    """A clause cut from a longer sentence with what it shares with the first clause: its
    fronted time ("In 2021, turnout was 49 percent and Sandoval lost ..." -> "In 2021,
    Sandoval lost ...") and the noun a bare number counts ("Five people were hurt and two
    are missing" -> "two people are missing"), and the subject of a bare predicate ("...,
    and is due to report" -> "The inquiry is due to report")."""
    text = piece.text
    head = _FRONTED_TIME.sub("", first, count=1).split(",")[0]  # "Ola Berg, who runs ..."
    words = head.split()
    verb_at = next((i for i, w in enumerate(words) if w in lx.IRREGULAR_PAST_FORMS), len(words))
    head = " ".join(words[:verb_at])  # "The company cut 400 jobs": "cut" is its verb
    subject = subject_of(head[:1].upper() + head[1:])
    opener = text.split(" ", 1)[0].lower()
    if subject and (opener in _FINITE_AUXILIARIES
                    or _AND_FIGURE.match(f" and {opener}{text[len(opener):]}")):
        subject = subject if head[:1].isupper() else subject[:1].lower() + subject[1:]
        text = f"{subject} {text[:1].lower() + text[1:]}"  # "Is due to ..." -> "The inquiry is due"
    number = _BARE_NUMBER.match(text)
    counted = _COUNTED_NOUN.search(first)
    if number and counted and not text[number.end():].startswith(counted.group("noun")):
        text = f"{number.group('n')} {counted.group('noun')} {text[number.end():]}"
    time = _FRONTED_TIME.match(first)
    if time and not _FRONTED_TIME.match(text):
        text = f"{time.group('time')}, {text if _proper(text) else text[:1].lower() + text[1:]}"
    return replace(piece, text=text) if text != piece.text else piece


def _relative_clauses(s: str, a: int, b: int) -> tuple[list[Piece], list[tuple[int, int]]]:
    pieces: list[Piece] = []
    mask: list[tuple[int, int]] = []
    for m in _RELATIVE.finditer(s, a, b):
        if _quoted(s, m.start()) or any(x <= m.start() < y for x, y in mask):
            continue
        end = _clause_end(s, m.end(), b)
        body = s[m.end():end]
        if set(body.lower().split()[:3]) & lx.MODALS:
            continue  # "which could lead to ...": a possibility, not a separate fact
        if lx.ANONYMITY_REQUEST.search(body):
            mask.append((m.start(), end + 1 if end < b else end))
            continue  # "who asked not to be named": why a source is unnamed, no claim
        antecedent = _antecedent(s, a, m.start())
        text = _relative_text(m.group("rel"), antecedent, body)
        pieces.append(Piece(text, m.start() + 2, end, origin="relative"))
        mask.append((m.start(), end + 1 if end < b else end))
    return pieces, mask


def _relative_text(rel: str, antecedent: str, body: str) -> str:
    if rel == "whose":
        return _tidy(f"{antecedent}'s {body}")
    if rel == "where":
        return _tidy(body)
    first = body.split(" ", 1)[0]
    own_subject = first[:1].isupper() or first.lower() in _SUBJECT_STARTS
    if not own_subject:
        return _tidy(f"{antecedent} {body}")
    # "which lawmakers have accused of ..." -> "lawmakers have accused <antecedent> of ..."
    m = re.match(r"^(.*?\b(?:" + "|".join(lx.AUXILIARIES) + r")\s+\w+)\b(.*)$", body) \
        or re.match(r"^(.*?\b[a-z]{3,}ed)\b(.*)$", body)
    if m:
        inserted = antecedent if _proper(antecedent) else antecedent[:1].lower() + antecedent[1:]
        return _tidy(f"{m.group(1)} {inserted}{m.group(2)}")
    return _tidy(body)


def _antecedent(s: str, a: int, comma: int) -> str:
    """The noun phrase just before a relative clause, back to a preposition or verb."""
    words = s[a:comma].split()
    while words and words[0].lower() in lx.INTRO_WORDS | _BOUNDARY_WORDS:
        words = words[1:]
    if 0 < len(words) <= 12 and not any(_verbish(w) for w in words):
        phrase = " ".join(words)  # the clause interrupts the subject: "X, which ..., did"
        return phrase[:1].upper() + phrase[1:]
    taken: list[str] = []
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if (word.islower() and word.strip(",") in _BOUNDARY_WORDS) or _verbish(word) \
                or len(taken) >= 8 or (i > 0 and words[i - 1] == "to" and word.islower()):
            break
        if word.endswith(","):
            break
        taken.insert(0, word)
    phrase = " ".join(taken)
    return phrase[:1].upper() + phrase[1:] if phrase else "It"


def _clause_subject(clause: str) -> str | None:
    """The words before a clause's first finite verb, irregular ones included ("The ferry"
    of "The ferry ran aground"), when they open with a capital, a determiner or a pronoun
    and are few."""
    verb = _FINITE_WORD.search(clause)
    words = clause[:verb.start()].split() if verb else []
    if not 0 < len(words) <= 6 or not (words[0][:1].isupper() or words[0] in _SUBJECT_STARTS):
        return None
    phrase = " ".join(words)
    return phrase[:1].upper() + phrase[1:]


_PREPOSITIONS = _BOUNDARY_WORDS - lx.AUXILIARIES | frozenset(
    "onto off past beside upon beneath below above underneath alongside up down".split())


def _ends_in_adjunct(clause: str) -> bool:
    """Whether the clause ends in a noun phrase a preposition other than "of" governs ("...
    overturned on the bridge"), not one a verb takes ("... hosted the parade")."""
    words = clause.split()
    for back, word in enumerate(reversed(words[-9:])):
        if word.islower() and word in _PREPOSITIONS:
            return word != "of" and back > 0 and not (word == "to" and _infinitive(words[-back:]))
        if _verbish(word) or word.endswith(","):
            return False
    return False


def _infinitive(after_to: list[str]) -> bool:
    """Whether the words after "to" are a verb and its object ("to attend the parade",
    "to visit Lisbon's port"), not a noun phrase ("to nearby farms")."""
    return len(after_to) >= 2 and after_to[0].islower() and after_to[0] not in _SUBJECT_STARTS \
        and (after_to[1].lower() in _SUBJECT_STARTS or after_to[1][:1].isupper())


def _proper(phrase: str) -> bool:
    first = phrase.split(" ", 1)[0]
    return first[:1].isupper() and first.lower() not in _SUBJECT_STARTS


def _verbish(word: str) -> bool:
    low = word.strip(",")
    return low.islower() and (low in lx.AUXILIARIES or low in lx.PRESENT_VERBS
                              or (low.endswith("ed") and len(low) > 4 and "-" not in low))


def _clause_end(s: str, start: int, b: int) -> int:
    """End of a relative clause: the first comma that is not inside a list or quote."""
    for m in re.finditer(r",", s[start:b]):
        at = start + m.start()
        if _quoted(s, at):
            continue
        following = s[at + 1:b].split(",")[0].split()
        if " and " in " " + " ".join(following[:4]) + " " and len(following) <= 8 \
                and not set(following) & lx.AUXILIARIES:
            continue  # "weapons, technology and other resources"
        return at
    return b


def _coordinated(s: str, a: int, b: int, mask: list[tuple[int, int]]) -> list[tuple[int, int]]:
    cuts: list[tuple[int, int]] = []
    for pattern in (_COORDINATION, _AS_CLAUSE, _TIME_LINK, _BARE_AND, _AND_THAT,
                    _AND_PREDICATE, _AND_FIGURE):
        for m in pattern.finditer(s, a, b):
            if _quoted(s, m.start()) or _masked(m.start(), mask):
                continue
            if pattern is _BARE_AND and not _LEFT_VERB.search(s, a, m.start()):
                continue  # "Sandoval and Ekberg met": one subject of two names
            cuts.append((m.start(), m.end()))
    spans, begin = [], a
    for cut_start, cut_end in sorted(cuts):
        if cut_start > begin:
            spans.append((begin, cut_start))
            begin = cut_end
    spans.append((begin, b))
    return spans


def _participles(s: str, a: int, b: int, mask: list[tuple[int, int]],
                 speaker: str | None, quoted: bool = False,
                 first: str | None = None) -> list[Piece]:
    """Main clause plus the claims hanging off it ("..., saying ...", "..., with X claiming").
    A quotation is someone's even before its speaker is known, so it may be short. A clause
    after the ``first`` of its sentence takes what it shares with it (:func:`_completed`)."""
    extra: list[Piece] = []
    end = b
    subject = re.sub(r"\s+each$", "", speaker) if speaker else subject_of(s[a:b])
    for pattern in (_WITH_GERUND, _BUT_SAID, _REDUCED_PASSIVE, _AS_WELL_AS, _PARTICIPLE):
        for m in pattern.finditer(s, a, end):
            if _quoted(s, m.start()) or _masked(m.start(), mask):
                continue
            piece = _hanging_piece(s, m, a, b, subject, pattern)
            if piece is None:
                continue
            extra.append(piece)
            end = min(end, m.start())
            break
    main = Piece(_masked_text(s, a, end, mask), a, end)
    if first is not None:
        main = _completed(main, first)
    worth = _worth(main.text, attributed=speaker is not None or quoted, quoted=quoted)
    return ([main] if worth else []) + extra


def _hanging_piece(s: str, m: re.Match[str], a: int, b: int, subject: str | None,
                   pattern: re.Pattern[str]) -> Piece | None:
    rest = s[m.end():b]
    if pattern is _WITH_GERUND:
        if not s[m.start():m.end()].rstrip().endswith("that") and len(rest.split()) < 5:
            return None  # "with 10 nations confirming their participation": a detail
        return Piece(_tidy(rest), m.start("who"), b, kind="indirect", speaker=m.group("who"),
                     origin="hanging")
    if pattern is _REDUCED_PASSIVE:
        # "... following an election campaign marred by fraud claims": the campaign was.
        text = f"{m.group('np').strip()} was {m.group('pp')} by {rest}"
        return Piece(_tidy(text), m.start("np"), b, origin="relative")
    if pattern is _BUT_SAID:
        return Piece(_tidy(rest), m.end(), b, kind="indirect", speaker=subject,
                     origin="hanging")
    gerund = m.group("g")
    if pattern is _AS_WELL_AS:
        heads = [h for h in re.finditer(r"(\w+)\s+([a-z]+ing)\b", s[a:m.start()])
                 if h.group(2) not in lx.PREPOSITIONAL_ING
                 and h.group(1).lower() not in _SUBJECT_STARTS]
        if not heads:
            return None
        prefix = s[a:a + heads[-1].start(2)]
        return Piece(_tidy(prefix + gerund + " " + rest), m.start("g"), b, origin="hanging")
    main_words = len(s[a:m.start()].split())
    if gerund in lx.PREPOSITIONAL_ING or main_words < 3:
        return None
    if gerund in lx.CLAUSE_GERUNDS and subject and (
            gerund not in lx.OBJECT_GERUNDS or _says_something(rest)):
        text = re.sub(r"^that\s+", "", rest)  # "Ruiz attacked the plan, saying ..."
        quoted = text.startswith('"') and text.rstrip(" .").endswith('"')
        return Piece(_tidy(text.strip('" ') if quoted else text), m.end() + quoted, b,
                     kind="direct_quote" if quoted else "indirect", speaker=subject,
                     origin="hanging")
    if main_words < 4:
        return None
    if gerund in lx.GERUND_VERBS and subject:
        text = f"{subject} {lx.past_tense(gerund)} {rest}"
        return Piece(_tidy(text), m.start("g"), b, kind="indirect", speaker=subject,
                     origin="hanging")
    if len(rest.split()) < 4:
        return None  # "..., contradicting the company": a comment, not a claim of its own
    # The phrase describes the nearest noun phrase when a verb takes it ("hosted the parade
    # on May 9, marking ..."), else the subject: after an idiom ("X takes place ...,
    # celebrating") or a place or path ("The tanker overturned on the bridge, spilling").
    before = _TEMPORAL_TAIL.sub("", s[a:m.start()])
    opener = subject_of(before) or _clause_subject(before)  # whoever speaks, the clause's own
    if _PLACE_IDIOM.search(before) and subject:
        doer = subject
    elif opener and _ends_in_adjunct(before):
        doer = opener
    else:
        doer = _antecedent(before, 0, len(before))
    return Piece(_tidy(f"{doer} {lx.past_tense(gerund)} {rest}"), m.start("g"), b,
                 origin="hanging")


_FINITE_WORD = lx.finite_verbs(present=False)  # "adding two pumps to the plan": no verb


def _says_something(rest: str) -> bool:
    """After "saying" or "adding": a clause or a quote ("adding that the pumps failed"),
    not an object ("adding two pumps to the plan")."""
    return rest.startswith(("that ", '"')) or bool(_FINITE_WORD.search(rest))


def subject_of(clause: str) -> str | None:
    """The capitalised noun phrase a clause opens with, up to its verb ("Ana Ruiz",
    "Harbour workers"), past a fronted time or adverbial; None when it opens otherwise."""
    bare = strip_intro(clause)  # "In August, several groups ...": the groups
    words = bare.split()
    taken: list[str] = []
    for word in words:
        if _verbish(word) or "," in word:
            break
        if len(taken) >= 2 and word[:1].islower() and word not in _BOUNDARY_WORDS \
                and _is_name(taken):
            break  # "Ana Ruiz threw her support ...": a name, then its (irregular) verb
        taken.append(word)
    return " ".join(taken) if 0 < len(taken) <= 6 and (taken[0][:1].isupper() or bare != clause) \
        else None


def _is_name(words: list[str]) -> bool:
    return all(w[:1].isupper() for w in words) and words[0].lower() not in _SUBJECT_STARTS


def _masked_text(s: str, a: int, b: int, mask: list[tuple[int, int]]) -> str:
    parts, pos = [], a
    for x, y in sorted(mask):
        if x >= b or y <= a:
            continue
        parts.append(s[pos:max(x, pos)])
        pos = max(pos, y)
    parts.append(s[pos:b])
    return _tidy("".join(parts))


def _masked(pos: int, mask: list[tuple[int, int]]) -> bool:
    return any(x <= pos < y for x, y in mask)


def _quoted(s: str, pos: int) -> bool:
    return s.count('"', 0, pos) % 2 == 1


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    if text.count('"') % 2 == 1:
        text = text.rstrip('"').strip() if text.endswith('"') else text + '"'
    return text[:1].upper() + text[1:] if text else text


def _worth(text: str, attributed: bool = False, quoted: bool = False) -> bool:
    """A claim has a few words and at least two in lower case (not a dateline); what
    someone is quoted as saying may be shorter ("We are ready"; a quote needs one word in
    lower case: "I would"), and so may a count ("two people died")."""
    words = re.findall(r"[A-Za-z][\w'-]*", text)
    numbers = len(re.findall(r"(?<![\w.,])\d[\d,.]*", text))  # "Turnout was 49 percent"
    counted = bool(_COUNTED_NOUN.search(text))  # "two people died": a count is a claim
    return len(words) + numbers >= (2 if attributed else 3 if counted else 4) \
        and sum(w.islower() for w in words) >= (1 if quoted else 2)
