"""Find who a sentence attributes its content to, and through whom.

Input is one sentence (character-folded: straight quotes). The result says which part of
the sentence is the attributed content, the speaker phrase, the kind of attribution and
the chain of intermediaries. Patterns, tried in order: quote then speaker; speaker, verb and
colon; an aside ("However, he said, ..."); "according to"; subject + reporting verb.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from provenance.domain import OWN_REPORTING
from provenance.nlp import lexicon as lx

_VERB_ALT = "|".join(sorted(lx.CLAUSE_VERBS | lx.OBJECT_VERBS | lx.DENIAL_VERBS, key=len,
                            reverse=True))
_AUX = r"(?:(?:has|have|had|was|were|is|are|will|would|did|does|do|could|may|might)\s+" \
       r"(?:(?:also|not|repeatedly|previously|already|long|since)\s+)*(?:been\s+)?)?"
_QUOTED_AS = r"(?:(?:was|were|is|are)\s+quoted\s+as\s+saying|quoted)"
# "is telling voters that", "were warning that": speech going on.
_PROGRESSIVE = r"(?:is|are|was|were|has\s+been|have\s+been)\s+(?:also\s+)?(?:" + "|".join(
    sorted(lx.SPEECH_GERUNDS)) + ")"
_VERB = rf"(?:{_QUOTED_AS}|{_PROGRESSIVE}|{_AUX}(?:{_VERB_ALT}))"
_VERB_AFTER_SPACE = re.compile(rf"\s(?P<verb>{_VERB})\b")
_VERB_NEXT = re.compile(r"\s+(?:" + "|".join(sorted(lx.PLURAL_ONLY_FORMS)) + r")\b")
_TRAILING_ASIDE = re.compile(r",\s*+[a-z]++(?:\s++[a-z]++){0,3}\s*+,?\s*$")  # ", however,"
# Unnamed groups: "aides", "senior officials", and agent nouns ("engineers", "economists").
_GROUP = (r"(?:[a-z][\w'-]*\s+){0,2}(?:" + "|".join(sorted(lx.GROUP_NOUNS))
          + r"|[a-z]{3,}(?:ers|ists|ants|ents|ors))")
_NAMEISH = rf"(?:{_GROUP}|he|she|they|[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|of|the|de|al))*" \
           r"|the\s+[\w'-]+(?:\s+[\w'-]+){0,3})"
# After a quote, verbs that only mark who is speaking ("he continued") count too.
_INVERTED = "|".join(sorted(lx.INVERTED_VERBS, key=len, reverse=True))
_QUOTE_VERB = rf"(?:{_VERB}|" + "|".join(sorted(lx.QUOTE_VERBS)) + ")"
_QUOTE_FIRST = re.compile(
    rf"^\"(?P<q>[^\"]+)\"\s*+,?\s*+(?P<who>[^\"\s][^\"]{{0,159}}?)\s++(?P<verb>{_QUOTE_VERB})\b"
    r"(?P<rest>.*)$"
)
_QUOTE_FIRST_INVERTED = re.compile(
    r"^\"(?P<q>[^\"]+)\"\s*,?\s*(?P<verb>" + _INVERTED + ")"
    r"\s+(?P<who>[^,.\"]{1,80}?)(?P<rest>[,.].*)?$"
)
_DASH_AFTER_QUOTE = re.compile(
    r"^\"(?P<q>[^\"]+)\"\s*-{1,2}\s*(?P<who>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})(?P<rest>,.*)?$")
# "PENCE: Well, ...", also opening a quoted transcript ('"PENCE: Well, ...').
_TRANSCRIPT = re.compile(r"^\"?(?P<who>[A-Z][A-Z.'-]+(?:\s+[A-Z][A-Z.'-]+){0,2}):\s+(?P<q>\S.+)$")
_APPOSITIVE = re.compile(r"^(?P<name>(?:(?:the|a|an)\s+)?(?:[a-z][\w'-]*\s+){0,3}"
                         r"[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}),\s+"
                         r"(?P<role>[^,\"]{3,80}),?$")
_ADDRESSEE = re.compile(r"^\s+to\s+(?:[^,\"]|,(?=\d)){1,60},\s*(?=\")")
_PARENTHETICAL = re.compile(r"\s*\([^()\"]{1,40}\)")  # "Rep. Ana Ruiz (D-Md.)"
_ROLE_FIRST = re.compile(  # "One of its authors, Ari Lund, said"
    r"^[a-zA-Z][^,\"]{2,80},\s+(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3}),?$")
_APPOSITIVE_NAME = re.compile(r"^,\s+(?P<name>[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){1,3})\s*[.!]?$")
_AGE = re.compile(r",\s*\d{1,3}\s*(?=,|$)")  # "Ana Ruiz, 58, said"
# "The head of the board on Wednesday denied", "Veldt also said": when or how, not who.
_TRAILING_ADVERBIAL = re.compile(
    r"(?:\s+(?:(?:on|last|this|late|early|on\s+the\s+night\s+of)\s+)?(?:"
    + "|".join(w.capitalize() for w in lx.WEEKDAYS) + r"|yesterday|today|tonight)"
    r"(?:\s+(?:morning|afternoon|evening|night))?|\s+(?:also|too|again|later|previously|then"
    r"|now|however|meanwhile|separately|instead|still|already|repeatedly|publicly|privately"
    r"|earlier|once|first))+$")
_TRAILING_RELATIVE = re.compile(r"(?:,\s+|\s+)(?:who|whose)\s[^,\"]*,?\s*$")
_NAME_FIRST = re.compile(  # "Ana Ruiz, head of Lumo, a Lisbon firm, said"
    r"^(?P<name>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){1,3}),\s+(?:a|an|the|[a-z]+)\s[^\"]*$")
_DETERMINERS = frozenset("the a an he she they her his their its our".split())
_LEAD_CONJUNCTION = re.compile(r"^(?:and|but|yet|so)\s+", re.IGNORECASE)
_COLON = re.compile(
    rf"^(?P<who>[^\":]{{1,90}}?)\s++(?P<verb>{_VERB})\b[^\":]{{0,40}}:\s*+\"(?P<q>.+)$")
# Verbs that only mark who speaks, before the quote: 'The mayor asked, "Who pays?"'.
_QUOTE_ONLY = "|".join(sorted(lx.QUOTE_VERBS - lx.CLAUSE_VERBS, key=len, reverse=True))
_QUOTE_AFTER = re.compile(
    rf"^(?P<who>[^\":,]{{1,90}}?)\s++(?P<verb>{_QUOTE_ONLY})(?:\s++[a-z]++){{0,2}}\s*+[,:]\s*+\"(?P<q>.+)$")
_COLON_INVERTED = re.compile(
    r"^(?P<verb>" + "|".join(sorted(v.capitalize() for v in lx.INVERTED_VERBS))
    + r")\s+(?P<who>[^\":,]{1,60}?):\s*+\"?(?P<q>\S.+)$")
# What may follow "..., X said" and qualify the saying, not the content: "in a statement
# on Monday", "citing weaker demand", "adding that ..." (which is further content).
_TAIL_OPENER = (r"(?:[a-z]+ing|in|at|on|during|after|before|while|when|as|without|with|amid"
                r"|despite|from|through|under|via|because|since|though|although|but|and"
                r"|up\s+from|down\s+from|compared|a|an)")
# ", up from the 12 reported"; ", a move that ...": an appositive on the content.
_TAIL_START = re.compile(rf"{_TAIL_OPENER}\b")
_QUOTE_RESUMED = re.compile(r",\s*(?=\")")  # '"Honestly," he said, "we may lose."'
_CONTENT_TAIL = re.compile(
    r",\s+(?:" + "|".join(sorted(lx.CLAUSE_GERUNDS)) + r")\s+(?:that\s+)?(?=[\w\"])")
# The verbs that may stand between two commas or after "as" ("as the mayor said").
_ASIDE_VERB = "|".join(sorted(lx.TRAILING_VERBS - lx.ADDRESSEE_VERBS | lx.QUOTE_VERBS, key=len,
                              reverse=True))
_TOLD_SOMEONE = (r"(?:" + "|".join(sorted(lx.ADDRESSEE_VERBS)) + r")\s+(?:me|us|him|her|them"
                 r"|reporters|journalists|[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3})")
_ASIDE = re.compile(
    rf"^(?P<pre>[^\"]{{0,60}}?),\s+(?P<who>{_NAMEISH})\s+(?P<verb>{_ASIDE_VERB}|{_TOLD_SOMEONE})"
    r"(?:\s+(?:on|last|this|late|early)\s+\w+|\s+\w+day|\s+(?:then|later|earlier|again|today"
    r"|yesterday))?,\s+(?P<post>.+)$"
)
_TRAILING_SAID = re.compile(
    r"^(?P<content>(?=.{12})(?:[^\"]|\"[^\"]*\")+?)(?:,|(?<=,\"))\s++"
    # The speaker, or a name and its apposition closed by a comma ("the board's chair,
    # Ana Ruiz, said"; "Ana Ruiz, the board's chair, said").
    r"(?:(?P<who>[^,\"\s][^,\"]{0,69}?(?:,\s+[^,\"\s][^,\"]{0,59}?,)?)\s++(?P<verb>"
    r"(?:" + "|".join(sorted(lx.ADDRESSEE_VERBS)) + r")\s+"
    r"(?:(?:the\s+)?[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4}|\w+)|"
    + "|".join(sorted(lx.TRAILING_VERBS - lx.ADDRESSEE_VERBS, key=len, reverse=True))
    + r")|(?P<verb2>" + _INVERTED + r")\s++"
    # At most four adverbials after the verb: an unbounded run of them ("to to to ...")
    # could be split in exponentially many ways before failing.
    r"(?P<who2>[^,\"\s][^,\"]{0,69}?))(?P<rest>(?:\s+on\s+(?:the\s+)?condition\s+of\s+anonymity"
    r"|\s+(?:on|in|late|early|last|this)\s+\w+|\s+\w+day"
    r"|\s+in\s+an?\s+\w+(?:\s+\w+)?(?:\s+(?:on|in)\s+(?:its|his|her|their|the)\s+\w+)?"
    r"|\s+to\s+\w+(?:\s+\w+)?){0,4})"
    r"(?P<tail>,\s+[^\"]*?|,\s+\w+\s+\".*?)?\s*[.!]?$"
)
_ACCORDING_TAIL = re.compile(  # "..., according to Sarnia's ambassador, Ilse Varga."
    r"^(?P<content>.+?),?\s+according\s+to\s+(?P<who>[^,]+?"
    r"(?:,\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})?)[.!]?$")
_ACCORDING_HEAD = re.compile(r"^According\s+to\s+(?P<who>[^,]+),\s+(?P<content>.+)$")
_ACCORDING_ASIDE = re.compile(
    r"^(?P<pre>[^,\"]{3,60}),\s+according\s+to\s+(?P<who>[^,\"]+),\s+(?P<content>.+)$")
_CITED_BY = re.compile(r"\s+(?:cited|quoted|carried)\s+by\s+"
                       r"(?P<via>(?:the\s+)?[A-Z][\w.'&-]*(?:\s+[A-Z][\w.'&-]*)*)")
_CITING = re.compile(r",\s+citing\s+(?P<via>[^,]+?)(?:,|\.?$)")
_STATEMENT_VIA = re.compile(
    r"\bin\s+(?:a|an)\s+(?:statement|interview|post|message|release|report|article)"
    r"\s+(?:published|released|issued|posted|carried|broadcast)\s+(?:by|on)\s+"
    r"(?P<via>(?:the\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)"
)
_TOLD_OBJECT = re.compile(
    r"^\s*(?P<obj>(?:the\s+)?(?:[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*|reporters|journalists"
    r"|lawmakers|parliament|supporters|them|him|her|us|me|the\s+\w+(?:\s+(?!that\b)\w+)?|"
    + "|".join(sorted(lx.GROUP_NOUNS)) + r"))\s+(?=\S)"
)
_WHEN = (r"(?:(?:" + "|".join(lx.WEEKDAYS + lx.MONTHS) + r"|(?:19|20)\d\d)"
         r"(?:\s+(?:morning|afternoon|evening|night))?)")
_TIME_ADVERBIAL = re.compile(
    rf"^\s*+,?\s*+(?:(?:on|in|since|until)\s+(?:late\s+|early\s+|mid-?)?{_WHEN}(?:\s+\d{{1,2}})?"
    rf"(?:,?\s+\d{{4}})?|(?:last|this|next|earlier|later)(?:\s+this)?\s+\w+|(?:late|early)\s+{_WHEN}"
    rf"|yesterday|today|{_WHEN}|in\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+)?(?:statement"
    rf"|interview|post|letter|speech|briefing|release|tweet|message)(?:\s+(?:on|to)\s+\w+)?"
    rf"|(?:also|again|repeatedly|previously|publicly|privately|separately))\b,?\s*",
    re.IGNORECASE,
)
_FINITE = re.compile(r"\b(?:" + "|".join(sorted(lx.AUXILIARIES | lx.PRESENT_VERBS)) + r")\b")
# A finite verb: what the words after "said" need for them to be what was said.
_CLAUSE_VERB = lx.finite_verbs()
_RELATIVE_BEFORE = re.compile(r"\b(?:who|which)(?:\s+(?:also|then|later|first|\w+ly))?$")
_PLACE_BEFORE_THAT = re.compile(
    r"(?P<place>\s*(?:at|in|during|outside|from|after)\s+(?:a|an|the|his|her|its|their)\s"
    r"[^,\"]{1,70}?)\s+that\b")
_CLAUSE_WORDS = re.compile(r"\b(?:which|who|whose|that|when|where|while|if|because)\b|[\";]")
_ANONYMOUS_VIA = re.compile(r"\b(?:anonymous|unnamed|unidentified|sources?|people familiar)\b",
                            re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """How one sentence is attributed; ``content`` is a span of the sentence."""

    kind: str
    speaker: str | None
    content: tuple[int, int]
    via: tuple[str, ...] = ()
    """Who carried the speaker's words to the outlet, innermost first ("told Reuters",
    "according to Interfax")."""
    anonymous: bool = False
    verb: str | None = None
    whole: bool = False
    context: str = ""
    cites: tuple[str, ...] = ()
    """Whom the speaker relies on ("Le Point, citing anonymous sources"): behind the speaker
    in the chain, where ``via`` stands between the speaker and the outlet."""
    lead: tuple[int, int] | None = None
    """Words before an aside that begin the content ("The talks, he said, would ...")."""
    more: tuple[int, int] | None = None
    """Further content after the attribution (", adding that ...")."""
    act: tuple[int, int] | None = None
    """What the speaker did before saying it, a claim of the outlet's own ("Ana Ruiz toured
    the harbour and said ..."), as a span of the sentence."""
    rule: str = ""
    """The name of the rule that read it (:data:`RULES`), recorded with each claim."""


def has_cue(text: str) -> bool:
    """Whether ``text`` holds anything an attribution needs: a quote, a reporting verb or
    "according to" (cheap; ``attribute`` is not)."""
    return '"' in text or "ccording to" in text \
        or _VERB_AFTER_SPACE.search(text) is not None  # "ccording": either case of "A"


def attribute(sentence: str) -> Attribution:
    """Read the attribution of one sentence (kind ``none`` when the outlet speaks): the
    first of :data:`RULES` that reads it, its name recorded in ``rule``."""
    for name, finder in RULES:
        found = finder(sentence)
        if found is not None:
            return replace(found, rule=name)
    if _is_full_quote(sentence):
        return Attribution("direct_quote", None, _inner(sentence, 0, len(sentence)),
                           rule="bare_quote")
    return Attribution(OWN_REPORTING, None, (0, len(sentence)))


def _is_full_quote(s: str) -> bool:
    s = s.strip()
    return s.startswith('"') and s.rstrip(".").endswith('"') and s.count('"') == 2


def _inner(s: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding spaces, punctuation and quotes; a quote that opens or
    closes only part of it stays ('"We are happy" about the decision')."""
    outer = start
    while start < end and s[start] in ' "':
        start += 1
    while end > start and s[end - 1] in ' ",.':
        end -= 1
    if s.count('"', start, end) % 2 and start > outer and s[start - 1] == '"':
        start -= 1
    return start, end


def _quote_first(s: str) -> Attribution | None:
    m = _QUOTE_FIRST.match(s)
    who = _subject_phrase(m.group("who")) if m else None
    if m is None or not _is_subject(who or ""):
        m = _QUOTE_FIRST_INVERTED.match(s)
        if m is None or not _is_subject(m.group("who")):
            return None
        who = m.group("who")
        named = _APPOSITIVE_NAME.match(m.group("rest") or "")
        if named and who.split()[-1].islower():  # 'said the department's spokesman, Ana Ruiz'
            who = f"{who}, {named.group('name')}"
    rest = m.group("rest") or ""
    added = _CONTENT_TAIL.match(rest) or _QUOTE_RESUMED.match(rest)
    more = _inner(s, m.start("rest") + added.end(), len(s)) if added else None
    return Attribution("direct_quote", who, _inner(s, m.start("q"), m.end("q")),
                       _statement_via(rest), verb=m.group("verb").split()[-1],
                       context="" if more else rest, more=more)


def _dash_or_label(s: str) -> Attribution | None:
    """'"..." - Sonya Herridge' and interview transcripts ("PENCE: Well, ...")."""
    m = _DASH_AFTER_QUOTE.match(s) or _TRANSCRIPT.match(s)
    if m is None:
        return None
    return Attribution("direct_quote", m.group("who").title() if m.group("who").isupper()
                       else m.group("who"), _inner(s, m.start("q"), m.end("q")))


def _colon(s: str) -> Attribution | None:
    """'Ruiz told reporters: "We will win."', the verb first ('Said Ruiz: "..."'), and a
    verb that only marks the speaker ('Ruiz asked, "Who pays?"')."""
    if '"' not in s and ":" not in s:
        return None  # what each of the three patterns needs: most sentences have neither
    m = _COLON.match(s) or _QUOTE_AFTER.match(s) or _COLON_INVERTED.match(s)
    if m is None or not _is_subject(strip_intro(m.group("who"))):
        return None
    return Attribution("direct_quote", strip_intro(m.group("who")),
                       _inner(s, m.start("q"), len(s)), verb=m.group("verb").split()[-1].lower())


def _aside(s: str) -> Attribution | None:
    """"The talks, Peskov said, would resume in May": the content runs on around the aside."""
    m = _ASIDE.match(s)
    if m is None or not _is_subject(m.group("who")) or _TAIL_START.match(m.group("post")):
        return None  # "X will cost $9m, Ruiz said, in her estimate" is a trailing "said"
    kind = "direct_quote" if '"' in m.group("post") else "indirect"
    return Attribution(kind, m.group("who"), (m.start("post"), len(s)),
                       verb=m.group("verb").split()[0], context=m.group("pre"),
                       lead=_lead(s, m.group("pre")))


def _lead(s: str, pre: str) -> tuple[int, int] | None:
    """The words before an aside when they begin the content, not when they open the
    sentence ("However, he said, ..."; "In the long run, according to X, ...")."""
    words = pre.split()
    return _inner(s, 0, len(pre)) if words and words[0].lower() not in lx.INTRO_WORDS \
        else None


def _trailing_said(s: str) -> Attribution | None:
    """"The ships were diverted, the port authority said on Thursday." """
    m = _trailing_match(s)
    if m is None:
        return None
    raw = m.group("who") or m.group("who2")
    if raw.startswith("as "):
        return None  # "..., as the mayor said": a speaker agreeing, read by as_said
    if m.group("verb2") and _CLAUSE_WORD.search(raw):
        return None  # "X, who ..., said Ana's plan didn't add up": a clause, not a speaker
    appositive = _APPOSITIVE_NAME.match(m.group("tail") or "") if m.group("verb2") else None
    if appositive and raw.split()[-1].islower():  # "said the union's leader, Ana Ruiz."
        raw = f"{raw}, {appositive.group('name')}"
    who = _subject_phrase(raw)
    if not who.split():
        return None  # "..., ( told reporters": punctuation, no speaker
    named = who[:1].isupper() or who.split()[0].lower() in _DETERMINERS \
        or is_group(lx.head_noun(who)) or who.split()[-1][:1].isupper()
    if not named or not _is_subject(who) or (_reporting_verb(m.group("content")) is not None
                                             and not _told_via(m.group("verb"))):
        return None  # "X said Y, Z said": X's, unless Z told an outlet (then Z is the source)
    verb = (m.group("verb") or m.group("verb2")).split()[0]
    kind = "reported" if verb in ("reported", "reports") else (
        "direct_quote" if _is_full_quote(m.group("content")) else "indirect")
    tail = m.group("tail") or ""
    if tail and not _TAIL_START.match(tail[1:].lstrip()) and not m.group("verb2"):
        return None  # "..., X said, the plan would ...": the content runs on
    added = _CONTENT_TAIL.match(tail)
    more = _inner(s, m.start("tail") + added.end(), m.end("tail")) if added else None
    citing = _CITING.match(tail)
    cites = _cited(citing.group("via")) if citing else ()
    return Attribution(kind, who, _inner(s, *m.span("content")), _told_via(m.group("verb")),
                       anonymous=_asked_anonymity(f"{raw} {m.group('rest')}")
                       or any(map(_ANONYMOUS_VIA.search, cites)),
                       verb=verb, cites=cites,
                       context=" ".join(filter(None, [m.group("rest"), tail if not more
                                                      else ""])).strip(", "),
                       more=more)


# A word that makes the phrase after an inverted "said" a clause ("said the plan was
# vague"), where a speaker ("said the mayor") has none.
_CLAUSE_WORD = re.compile(r"n't\b|\b(?:is|are|was|were|has|have|had|did|does|do|will|would"
                          r"|can|could|should|not|may|might)\b")
MASKED_VERBS = 3
"""How many earlier verbs that have no subject before them a trailing attribution looks
past ("..., to establish whether drivers were properly warned, a spokeswoman said")."""


_TRAILING_CUE = re.compile(r"\b(?:" + "|".join(sorted(
    lx.ADDRESSEE_VERBS | lx.TRAILING_VERBS | lx.INVERTED_VERBS, key=len, reverse=True)) + ")")


def _trailing_match(s: str) -> re.Match[str] | None:
    """The trailing-attribution match of ``s``, past verbs whose "subject" is no subject
    but the content running on: each such verb is masked (offsets kept) and ``s`` matched
    again."""
    if "," not in s or not _TRAILING_CUE.search(s):
        return None  # what the pattern needs: a comma before the speaker, and a verb
    m = _TRAILING_SAID.match(s)
    for _ in range(MASKED_VERBS):
        if m is None or not m.group("verb") or not (m.group("tail") or "").strip(" .") \
                or _is_subject(_subject_phrase(m.group("who") or "")):
            return m
        s = s[:m.start("verb")] + "~" * len(m.group("verb")) + s[m.end("verb"):]
        later = _TRAILING_SAID.match(s)
        if later is None:
            return m
        m = later
    return m


def _cited(phrase: str) -> tuple[str, ...]:
    """Whom "citing ..." names as a source ("anonymous sources", "Interfax", "data from
    the recorder"); a reason ("citing fuel costs") is none."""
    phrase = phrase.strip()
    head = lx.head_noun(phrase)
    named = phrase[:1].isupper() or head in lx.SOURCE_NOUNS or is_group(head) \
        or _ANONYMOUS_VIA.search(phrase) is not None \
        or re.search(r"\b(?:data|figures|documents|records|statement|report)\b", phrase)
    return (phrase,) if named else ()


def _asked_anonymity(subject: str) -> bool:
    return lx.ANONYMITY_REQUEST.search(subject) is not None


def _told_via(verb: str | None) -> tuple[str, ...]:
    """"told the Northgate Observer", "told Reuters": the outlet that carried the words."""
    told = re.match(r"told\s+(?:the\s+)?(?P<obj>[A-Z].*?)\.?$", verb or "")
    return (told.group("obj"),) if told else ()


# "The ferry was delayed by ice, as harbour officials have said."
_AS_SAID_FIRST = re.compile(
    r"^As\s+(?P<who>[^,\"]{2,60}?)\s+(?:has\s+|have\s+|had\s+)?(?P<verb>put\s+it|"
    + _ASIDE_VERB + r")(?P<rest>\s+[^,\"]{1,80})?,\s+(?P<content>[^\"].{11,})$")
_AS_SAID = re.compile(
    r"^(?P<content>[^\"]{12,}?),?\s+as\s+(?P<who>[^,\"]{2,60}?)\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:long\s+|repeatedly\s+|previously\s+)?(?P<verb>" + _ASIDE_VERB
    + r")(?P<rest>\s+\w+(?:\s+\w+)?)?[.!]?$")


_EMBEDDED_QUESTION = re.compile(r"\b(?:whether|if)\b")


def _as_said(s: str) -> Attribution | None:
    """"..., as harbour officials have said", and first: "As the mayor put it, ..."."""
    m = _AS_SAID.match(s) or _AS_SAID_FIRST.match(s)
    if m is None or not _is_subject(m.group("who")) or _reporting_verb(m.group("content")) \
            or _EMBEDDED_QUESTION.search(m.group("content")):
        return None  # "It does not say whether X, as police said": police said X, not that
    kind = "reported" if m.group("verb") == "reported" else "indirect"
    return Attribution(kind, m.group("who"), _inner(s, *m.span("content")),
                       verb=m.group("verb").split()[0],
                       context=(m.group("rest") or "").strip())


def _according(s: str) -> Attribution | None:
    if "ccording" not in s:
        return None  # what the three patterns need: one substring test before them
    m = _ACCORDING_TAIL.match(s) or _ACCORDING_HEAD.match(s) or _ACCORDING_ASIDE.match(s)
    if m is None:
        return None
    after = m.group("content") if m.re is _ACCORDING_ASIDE else ""
    if after and _CLAUSE_VERB.search(m.group("pre")) \
            and (after.startswith("who ") or not _CLAUSE_VERB.search(after)):
        # "The toll is fair, according to Ana Ruiz, director of ...": the clause is before
        # the aside, and what follows it describes the source.
        who = _subject_phrase(f"{m.group('who')}, {after}".rstrip("."))
        anonymous = bool(_ANONYMOUS_VIA.search(who) or lx.ANONYMITY_REQUEST.search(after))
        return Attribution("according_to", who, _inner(s, *m.span("pre")), anonymous=anonymous)
    lead = _lead(s, m.group("pre")) if m.re is _ACCORDING_ASIDE else None
    inner = _reporting_verb(m.group("content"))
    who = m.group("who").strip()
    if inner is not None and inner.speaker:
        # "The Kremlin said ..., according to Interfax": the Kremlin, via Interfax.
        start, end = inner.content
        offset = m.start("content")
        return Attribution(inner.kind, inner.speaker, (start + offset, end + offset),
                           inner.via + (who,), inner.anonymous, inner.verb, inner.whole,
                           cites=inner.cites)
    anonymous = bool(_ANONYMOUS_VIA.search(who))
    via: tuple[str, ...] = ()
    if carried := _CITED_BY.search(who):  # "a company statement cited by the Holm Courier"
        via = (re.sub(r"^the\s+", "", carried.group("via")).rstrip("."),)
        who = who[:carried.start()]
    if "," in who:  # an appositive: "Sarnia's ambassador, Ilse Varga."
        who = _subject_phrase(who.removesuffix(".") if who.count(".") == 1 else who)
    return Attribution("according_to", who, _inner(s, *m.span("content")), via,
                       anonymous=anonymous, lead=lead)


_THERE_ARE = re.compile(
    r"^(?:[^\"]{0,80}?,\s+)?there\s+(?:are|were|is|was|have\s+been)\s+(?P<who>[^,\"]{3,80}?)\s+"
    r"(?:who|that)\s+(?P<verb>" + "|".join(sorted(lx.CLAUSE_VERBS - lx.THAT_ONLY_VERBS
                                                   | lx.CLAUSE_LEMMAS, key=len, reverse=True))
    + r")\s+(?:that\s+)?(?P<content>\S.{7,})$", re.IGNORECASE)


def _there_are(s: str) -> Attribution | None:
    """"There are some economists who argue that the tax is too low": the economists."""
    m = _THERE_ARE.match(s)
    if m is None or not _is_subject(m.group("who")):
        return None
    return Attribution("indirect", m.group("who"), _inner(s, *m.span("content")),
                       verb=m.group("verb"))


def _reporting_verb(s: str) -> Attribution | None:
    cites: tuple[str, ...] = ()
    anonymous = False
    work = s
    citing = _CITING.search(work)
    if citing:
        cites = _cited(citing.group("via"))
        anonymous = bool(_ANONYMOUS_VIA.search(citing.group("via")))
        work = s[: citing.start()] + " " * (citing.end() - citing.start()) + s[citing.end():]
    if citing and not s[citing.end():].strip(" ."):
        s = s[: citing.start()]  # "..., citing reports from nurses." ends the content
    for m in _VERB_AFTER_SPACE.finditer(work):
        if m.start() > SUBJECT_REACH or ";" in work[:m.start()]:
            break  # no subject runs this long, nor across a semicolon: nor for later verbs
        if _inside_quotes(work, m.start()):
            return None
        if _RELATIVE_BEFORE.search(work, 0, m.start()):
            continue  # "Marchand, who declared ..., said": the verb of a "who" clause
        subject = _subject_phrase(work[: m.start()])
        if _NEGATED.search(m.group("verb")):
            return None  # "did not say that ...": what the subject did not claim
        if _PASSIVE.search(m.group("verb")):
            continue
        verb = _finite(m.group("verb").split()[-1])
        if verb in lx.PLURAL_ONLY_FORMS and not _plural(subject) \
                or _VERB_NEXT.match(work, m.end()):
            continue  # "The inspection report does ...", "reports show": nouns, not verbs
        if _is_subject(subject):
            return _after_verb(s, subject, verb, m.end(), cites,
                               anonymous or _asked_anonymity(work[: m.start()]))
        coordinated = _DEED_THEN.match(work[: m.start()])
        if coordinated and _is_subject(coordinated.group("who")):
            found = _after_verb(s, coordinated.group("who"), verb, m.end(), cites, anonymous)
            return replace(found, act=_inner(s, 0, coordinated.end("deed"))) if found else None
    return None


SUBJECT_REACH = 300
"""How far into a sentence a reporting verb may stand and still have its subject before it
(a fronted clause of 160 characters and a subject of a few words): reading every prefix of
a long run-on would cost the square of its length."""
_NEGATED = re.compile(r"\bnot\b")
# "have been admitted", "was told", "were accused of", "is believed to": done to the
# subject, not said by it ("is telling", "was quoted as saying" are its own words).
_PASSIVE = re.compile(r"(?:\bbeen|^(?:was|were|is|are|be))\s+(?:\w+\s+)*?(?!\w+ing$)\w+$")
_PREPOSITIONS = frozenset("in on at during after before since for by with under over amid"
                          " following from to into of via through".split())


def _finite(verb: str) -> str:
    """"telling" -> "told": a progressive cue reads as its verb does."""
    return lx.past_tense(verb) if verb.endswith("ing") else verb


# "Ana Ruiz toured the harbour on Monday and said ...": a speaker, a deed in the past, "and".
_DEED_THEN = re.compile(
    r"^(?P<deed>(?P<who>(?:[Tt]he\s+)?[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3}|[Tt]he\s+[a-z]+"
    r"(?:\s+[a-z]+)?)\s+(?:[a-z]+ly\s+)?(?:[a-z]{3,}ed|" + "|".join(sorted(lx.IRREGULAR_PAST_FORMS))
    + r")\b[^\";]{3,150}?),?\s+and(?:\s+(?:also|then|later))?\s*$")


_HEARER = re.compile(
    rf"^\s*(?:the\s+)?(?:public|them|him|her|us|me|{_GROUP}|[a-z]{{3,}}ians"
    r"|[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)"
    r"(?=\s+(?:that\b|about\s|of\s|against\s))")
# After the verb (and whom it was said to), a topic instead of a clause.
_TOPIC_ONLY = re.compile(r"^\s*(?:about|of|against)\s+(?!\d)")
_CITING_BEFORE_THAT = re.compile(r"\s*,?\s*citing\s+[^,\"]{1,80},\s*(?=that\b)")


def _after_verb(s: str, subject: str, verb: str, pos: int, cites: tuple[str, ...],
                anonymous: bool) -> Attribution | None:
    rest = s[pos:]
    via: tuple[str, ...] = ()
    if verb in lx.ADDRESSEE_VERBS:
        obj = _TOLD_OBJECT.match(rest)
        if obj and " that " not in f" {obj.group('obj')} ":
            told = re.sub(r"^the\s+", "", obj.group("obj"))
            if told[:1].isupper():  # "told Reuters", "told the Holm Courier"
                via = via + (told,)
            pos += obj.end()
            rest = s[pos:]
    elif verb in lx.HEARER_VERBS and (hearer := _HEARER.match(rest)):
        pos += hearer.end()  # "warned residents that ...": the clause is what was said
        rest = s[pos:]
    if addressee := _ADDRESSEE.match(rest):  # 'wrote to his followers, "..."'
        pos += addressee.end()
        rest = s[pos:]
    while (t := _TIME_ADVERBIAL.match(rest)) and t.end() > 0 and not rest[:t.end()].strip() == "":
        pos += t.end()
        rest = s[pos:]
    if place := _PLACE_BEFORE_THAT.match(rest):  # "told reporters at a briefing ... that"
        pos += place.end("place")
        rest = s[pos:]
    if aside := _CITING_BEFORE_THAT.match(rest):  # "reported, citing two workers, that"
        pos += aside.end()
        rest = s[pos:]
    if (verb in lx.ADDRESSEE_VERBS | lx.HEARER_VERBS) and _TOPIC_ONLY.match(rest) \
            and " that " not in rest:
        return None  # "warned residents about the cracks": a deed, not what was said
    has_that = bool(re.match(r"\s*that\b", rest))
    if has_that:
        pos += re.match(r"\s*that\s*", rest).end()  # type: ignore[union-attr]
    elif verb in lx.THAT_ONLY_VERBS and not _is_evidence(subject, verb):
        return None  # "pledged to help", "Rescuers found 31 bodies": deeds
    elif verb in lx.ACT_VERBS and not rest.lstrip().startswith('"') \
            and not _CLAUSE_VERB.search(rest):
        return None  # "declared a state of emergency": an act with an object, not speech
    whole = not has_that and verb in lx.OBJECT_VERBS
    kind = _kind(subject, verb, rest, whole)
    if kind == "denial":
        whole = True
    if kind is None:
        return None
    content = _inner(s, pos, len(s))
    if content[1] - content[0] < 8:
        return None
    return Attribution(kind, subject, content, via + _statement_via(rest), anonymous, verb, whole,
                       cites=cites)


def _is_evidence(subject: str, verb: str) -> bool:
    """A study, a poll or a report that finds: what it found needs no "that" ("one study
    found Trump would raise taxes")."""
    return verb in lx.EVIDENTIAL_VERBS and lx.head_noun(subject) in lx.SOURCE_NOUNS


def _kind(subject: str, verb: str, rest: str, whole: bool) -> str | None:
    first_word = rest.strip().split(" ", 1)[0].lower().strip(".,") if rest.strip() else ""
    if verb in lx.DENIAL_VERBS:
        return "denial" if first_word in lx.DENIED_OBJECTS | {"the", "this", "these", "those",
                                                              "such", "any"} else None
    if verb in lx.EVIDENTIAL_VERBS:
        return "according_to"
    if verb in ("reported", "reports"):
        return "reported"
    if not whole and rest.strip().startswith('"') and rest.strip().rstrip('.').endswith('"'):
        return "direct_quote"
    return "indirect"


def _statement_via(rest: str) -> tuple[str, ...]:
    m = _STATEMENT_VIA.search(rest)
    return (re.sub(r"^the\s+", "", m.group("via")).rstrip("."),) if m else ()


def _subject_phrase(text: str) -> str:
    """The speaker phrase without what only describes it: an age, a "who ..." clause, and
    an appositive role too long to keep ("Ana Ruiz, a director of the Port Authority")."""
    subject = _TRAILING_ASIDE.sub("", strip_intro(text))
    subject = _TRAILING_RELATIVE.sub("", _AGE.sub("", _PARENTHETICAL.sub("", subject))).strip(" ,")
    subject = _TRAILING_ADVERBIAL.sub("", subject)
    if _ROLE_FIRST.match(subject):
        return subject  # "the airline's safety chief, Petra Vogl": the role says for whom
    appositive = _APPOSITIVE.match(subject)  # "Keron Blair, director of AROS, said"
    if appositive and _describes(appositive.group("role")):
        role, name = appositive.group("role"), appositive.group("name")
        short = len(f"{role} {name}".split()) <= 9 and not re.search(r"\s[A-Z]", role)
        subject = f"{role} {name}" if short else name
    elif (described := _NAME_FIRST.match(subject)) is not None:
        subject = described.group("name")
    return subject


_TIME_WORDS = frozenset(lx.WEEKDAYS)  # not months: "June Carter, a farmer, said"
_MONTH = "|".join(lx.MONTHS)
# A time before the subject without a comma: "On Wednesday the mayor said", "In May the
# board said". A month opens one only after a preposition or before a day ("May Ruiz said").
_LEAD_TIME = re.compile(  # "On Friday, ", "Even last week, ", "In May, "
    r"^(?:even\s+|still\s+)?(?:(?:(?:on|last|this|late|early)\s+)?(?:"
    + "|".join(lx.WEEKDAYS) + r")"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:in|by|last|this|late|early)\s+(?:{_MONTH})(?:\s+\d{{1,2}})?"
    rf"|(?:{_MONTH})\s+\d{{1,2}}),?\s+(?=[A-Za-z])", re.IGNORECASE)
# A focusing adverb before a name is not part of it: "Even China, its only ally, said".
_FOCUS = re.compile(r"^(?:even|only)\s+(?=[A-Z])", re.IGNORECASE)
# A fronted adverbial or subordinate clause: "In April, ", "Though the cost is hard to
# judge, " (up to a long clause: the subject follows its comma).
_INTRO = re.compile(r"^([A-Za-z]+)\b[^,\"]{0,160},\s+")


def strip_intro(text: str) -> str:
    """Drop a leading adverbial ("In April, ", "However, ") before the subject."""
    stripped = _LEAD_CONJUNCTION.sub("", text.strip().lstrip("("))
    stripped = _FOCUS.sub("", _LEAD_TIME.sub("", stripped))
    while True:
        m = _INTRO.match(stripped)
        if not m or not _opens_adverbial(m.group(1).lower()):
            return stripped
        stripped = stripped[m.end():]


def _opens_adverbial(word: str) -> bool:
    """"In", "However", "Wednesday", "Overall", "Finally", "If", "Ah", "Speaking": a word
    that opens a phrase saying when or how, before the subject."""
    return word in lx.INTRO_WORDS | lx.LEAD_PARTICIPLES | lx.SUBORDINATORS | lx.OPENERS \
        | _TIME_WORDS | {"overall"} or (word.endswith(("ly", "ing")) and len(word) > 4)


_PLURAL_WORDS = frozenset("we they i you people police staff media public children men women"
                          " both".split())


def _plural(subject: str) -> bool:
    """Whether a subject takes a verb's bare form ("Polls show", "They argue")."""
    words = subject.lower().split()
    head = lx.head_noun(subject)
    return bool(words) and (words[-1] in _PLURAL_WORDS or head in _PLURAL_WORDS
                            or (head.endswith("s") and not head.endswith("ss"))
                            or " and " in f" {subject.lower()} ")


def _is_subject(phrase: str) -> bool:
    """Whether ``phrase`` can be the subject of a reporting verb (a noun phrase)."""
    words = phrase.split()
    if not words or _CLAUSE_WORDS.search(phrase) \
            or words[0].lower() in _PREPOSITIONS | lx.SUBORDINATORS | {"having"}:
        return False  # "In a Facebook message posted Friday", "As": when or how, not who
    if len(words) > 9:  # long only when it names a body of people or a study, poll, report
        head = lx.head_noun(phrase)
        return len(words) <= 16 and (is_group(head) or head in lx.SOURCE_NOUNS) \
            and not _FINITE.search(phrase.lower())
    if "," in phrase and not re.search(r",\s*(?:and\s+)?[A-Z]", phrase):
        return False
    if words[-1].lower() in lx.GROUP_NOUNS and len(words) <= 4 \
            and words[0].lower() in ("the", "a", "an", "its", "their"):
        return True  # "the works council": "works" is no verb before the head noun
    if _FINITE.search(" ".join(w for w in _before_modifier(words) if not w[:1].isupper())):
        return False  # a verb among the words; "May Lindqvist" and "Will Ortiz" are names
    if any(w in lx.IRREGULAR_PAST_FORMS for w in words[1:]):
        return False  # "the dyke held": a clause, not who said it
    first, last = words[0], words[-1]
    head = lx.head_noun(phrase)
    if last.lower() in lx.GROUP_NOUNS or is_group(head) or head in lx.SOURCE_NOUNS:
        return True  # "52 percent of registered voters", "attorneys for the family", "a poll"
    if any(w.endswith("ed") and w.islower() and len(w) > 4 for w in words[1:]):
        return False
    return first[:1].isupper() or first.lower() in ("the", "both", "a", "an") or len(words) <= 3 \
        or last[:1].isupper() or last.lower() in lx.GROUP_NOUNS  # "union leader Marta Okafor"


def _describes(role: str) -> bool:
    """Whether an apposition describes the name before it ("director of AROS", "Sweden's
    closest ally") rather than naming another ("Ines Moura")."""
    words = role.split()
    names = list(itertools.takewhile(lambda w: w[:1].isupper(), words))
    return not names or (len(names) < len(words) and names[-1].endswith(("'s", "s'")))


def _before_modifier(words: list[str]) -> list[str]:
    """The words before a prepositional modifier: "officials familiar with her plans" has
    no verb, whatever "plans" may be elsewhere."""
    for i, w in enumerate(words[1:], 1):
        if w.lower() in _PREPOSITIONS:
            return words[:i]
    return words


_AGENT_NOUN = re.compile(r"^[a-z]{3,}(?:er|ist|ant|ent|or|ian)s?$")


def is_group(noun: str) -> bool:
    """A noun for people: "officials", "attorneys", "an engineer", "economists"."""
    return noun in lx.GROUP_NOUNS or bool(_AGENT_NOUN.match(noun))



def _inside_quotes(s: str, pos: int) -> bool:
    return s.count('"', 0, pos) % 2 == 1


RULES: tuple[tuple[str, Callable[[str], Attribution | None]], ...] = (
    ("quote_first", _quote_first),        # '"We will win," Ana Ruiz said.'
    ("dash_or_label", _dash_or_label),    # '"We will win." - Ana Ruiz'; "RUIZ: We will win."
    ("colon", _colon),                    # 'Ruiz told reporters: "We will win."'
    ("aside", _aside),                    # "The talks, Ruiz said, would resume in May."
    ("according_to", _according),         # "..., according to the port authority."
    ("trailing_said", _trailing_said),    # "The ships were diverted, the port said."
    ("as_said", _as_said),                # "..., as harbour officials have said."
    ("reporting_verb", _reporting_verb),  # "The port authority said that ..."
    ("there_are", _there_are),            # "There are engineers who say that ..."
)
"""The attribution rules in the order they are tried: the first that reads a sentence
wins. Their cases are in tests/test_extraction.py (``RULE_CASES``)."""
