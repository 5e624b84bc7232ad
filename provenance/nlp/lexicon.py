"""Word lists of English reporting language shared by the attribution and claim stages."""

from __future__ import annotations

import re

from provenance.nlp import reporting as rv

# Views of the reporting-verb vocabulary (reporting_verbs.toml).
# Forms whose clause is the speaker's content: "said (that) the bridge will open".
CLAUSE_VERBS = rv.forms(lambda v: v.takes_clause)
# The base forms of those: plural present after "who" is always the verb ("economists who
# argue that ..."), though "claim" or "report" alone may be a noun.
CLAUSE_LEMMAS = frozenset(v.lemma for v in rv.verbs() if v.reports_clause)
# Forms that close a sentence as its attribution ("..., the mayor argued.").
TRAILING_VERBS = rv.forms(lambda v: v.takes_clause and v.trailing)
# Forms whose object, not a that-clause, carries the content: the claim keeps the speaker.
OBJECT_VERBS = rv.forms(lambda v: "object" in v.takes)
# Only with "that" after them do these report a claim ("pledged to help" is a deed).
THAT_ONLY_VERBS = rv.forms(lambda v: "that" in v.takes and not v.reports_clause)
DENIAL_VERBS = rv.forms(lambda v: v.role == "denial")
CONFIRMATION_VERBS = rv.forms(lambda v: v.role == "confirmation")
# Things found or shown: the subject is evidence ("a poll found that ...").
EVIDENTIAL_VERBS = rv.forms(lambda v: v.role == "finding")
# Forms that also name a deed done to an object ("declared a state of emergency").
ACT_VERBS = rv.forms(lambda v: v.act)
# Forms that, after a quote, mark who speaks ('"Go on," he continued').
QUOTE_VERBS = rv.forms(lambda v: "quote" in v.takes)
# Forms whose first object is whom it was said to ("told reporters that").
ADDRESSEE_VERBS = rv.forms(lambda v: v.addressee)
HEARER_VERBS = rv.forms(lambda v: v.hearer)
# Forms that come before the speaker after a quote ('"...," said Ana Ruiz').
INVERTED_VERBS = rv.forms(lambda v: v.inverted)
# Forms after which a name is the source of a figure, not its actor ("The Red Cross
# counted 14 dead", "The ministry said").
SOURCING_VERBS = CLAUSE_VERBS | DENIAL_VERBS | rv.forms(lambda v: v.role in ("estimate", "figure"))
# Gerunds whose clause is the content (", saying the deal is done").
CLAUSE_GERUNDS = rv.ings(lambda v: v.reports_clause and not v.addressee)
# Of those, the ones that also take a plain object: a clause must follow ("adding that the
# pumps failed", not "adding two pumps").
OBJECT_GERUNDS = rv.ings(lambda v: v.act or v.plain_object or "object" in v.takes)
# Cues that report speech in the progressive ("is telling voters that", "is accusing the
# board of ..."): not those that also name a deed ("is declaring a state of emergency",
# "is adding two pumps").
SPEECH_GERUNDS = rv.ings(lambda v: (v.reports_clause or "object" in v.takes)
                         and not (v.act or v.plain_object))
# Gerunds of any reporting verb: a phrase after a comma that reports or appraises
# (", accusing the board of ...", ", with officials saying ...").
GERUND_VERBS = rv.ings(lambda v: True)
DENIED_OBJECTS = frozenset("report reports claim claims allegation allegations story stories"
                           " rumor rumors rumour rumours accusation accusations it them that"
                           " reporting account accounts".split())
# Things that find or show, as people say: "a poll found that ...", "the data showed".
SOURCE_NOUNS = frozenset(
    "study studies survey surveys poll polls report reports analysis review audit census"
    " data figures statistics records documents investigation inquiry research estimate"
    " estimates model forecast count tally assessment".split())
IRREGULAR_PAST = {
    "saying": "said", "telling": "told", "making": "made", "giving": "gave", "taking": "took",
    "bringing": "brought", "leaving": "left", "seeing": "saw", "having": "had", "being": "was",
    "writing": "wrote", "speaking": "spoke", "meeting": "met", "holding": "held",
    "keeping": "kept", "sending": "sent", "putting": "put", "setting": "set", "paying": "paid",
    "winning": "won", "cutting": "cut", "running": "ran", "hitting": "hit", "driving": "drove",
    "sinking": "sank", "beating": "beat", "losing": "lost", "leading": "led", "spending": "spent",
    "building": "built", "selling": "sold", "buying": "bought", "shutting": "shut",
    "striking": "struck", "throwing": "threw", "drawing": "drew", "breaking": "broke",
    "falling": "fell", "rising": "rose", "getting": "got", "becoming": "became",
    "coming": "came", "going": "went", "knowing": "knew", "growing": "grew",
    "sweeping": "swept", "shooting": "shot", "feeling": "felt", "finding": "found",
    "standing": "stood", "bearing": "bore", "tearing": "tore", "wearing": "wore",
    "forgetting": "forgot", "sitting": "sat", "spreading": "spread", "stealing": "stole",
}
# Past forms that do not end in -ed, so that "said 200 people died" reads as a clause.
IRREGULAR_PAST_FORMS = frozenset(
    "began brought bought built came caught chose cut died drew drove fell felt fled flew"
    " fought found froze gave got grew had held hit hurt kept knew laid led left lost made"
    " meant met paid put ran rang rose said sat saw sent set shot sold spent spoke stood"
    " stole struck swept swore took taught thought threw told understood went won wore"
    " wrote".split()) | frozenset(IRREGULAR_PAST.values())
# Participles that introduce a phrase, not a new assertion.
PREPOSITIONAL_ING = frozenset(
    "including according following regarding concerning during excluding notwithstanding"
    " pending barring considering involving using starting beginning ending depending"
    " compared".split()
)
AUXILIARIES = frozenset(
    "is are was were be been being has have had will would shall should can could may might"
    " must do does did".split()
)
MODALS = frozenset("could would may might should can will must".split())
PRESENT_VERBS = frozenset(
    "continue continues remain remains seek seeks try tries face faces plan plans prepare"
    " prepares struggle struggles hope hopes fear fears wait waits push pushes work works vote"
    " votes meet meets want wants need needs comes come goes go takes take makes make".split()
)
ADVERBS = frozenset(
    "also repeatedly previously later earlier again then now still once reportedly publicly"
    " privately recently each both not already immediately further yet formally officially"
    " separately".split()
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
# Participles that open a sentence before its speaker ("Asked about the plan, Ruiz said").
LEAD_PARTICIPLES = frozenset(
    "asked pressed questioned speaking responding writing addressing interviewed reached"
    " contacted challenged".split()
)
# Words that open a subordinate clause: what follows up to its comma is no speaker
# ("If anything, experts say ...", "As stated in the report, ...").
SUBORDINATORS = frozenset("if although though because unless once until whether whereas"
                          " while when as since".split())
# Interjections and adverbs that open a sentence before its subject, with a comma ("Well,
# officials said"); not "even", which belongs to the subject ("Even China, its ally, said").
OPENERS = frozenset("ah oh well yes indeed".split())
INTRO_WORDS = frozenset(
    "in on at during after before since last earlier later however meanwhile also but and"
    " still yet separately previously elsewhere instead moreover then now today yesterday"
    " despite although though while when as for by with under over amid following".split()
)
# Bare forms that follow a plural subject only ("Polls show", "Critics argue"); "say" is
# read after any subject, as it always was.
PLURAL_ONLY_FORMS = frozenset(v.lemma for v in rv.verbs() if v.lemma in v.forms and any(
    f != v.lemma and (f.endswith("ed") or f in IRREGULAR_PAST_FORMS) for f in v.forms)
) - {"say"}  # not "put" or "set": the bare form is also the past


def past_tense(gerund: str) -> str:
    """``expressing`` -> ``expressed``: enough English for reporting verbs."""
    low = gerund.lower()
    if low in IRREGULAR_PAST:
        return IRREGULAR_PAST[low]
    return low[:-3] + "ed" if low.endswith("ing") else low

# Heads of unnamed but identified speaker groups ("union officials said").
GROUP_NOUNS = frozenset(
    "officials official sources source police authorities authority analysts experts residents"
    " witnesses lawmakers legislators leaders diplomats spokesman spokeswoman spokesperson"
    " union unions ministry government prosecutors investigators researchers scientists"
    " doctors organizers organisers protesters activists critics observers aides advisers"
    " people company firm agency council commission committee military army voters"
    " respondents members employees workers voter respondent member employee worker"
    " resident witness analyst expert attorneys lawyers relatives neighbours neighbors"
    " parents students teachers executives staff colleagues friends services forces"
    " agencies departments rescuers firefighters paramedics nurses families locals victims"
    " survivors passengers guests villagers".split()
)

_HEAD_END = re.compile(r"\s(?:of|for|at|in|from|with|on|by|close\s+to|familiar)\s")
_PARTICIPLE_WORD = re.compile(r"^[a-z]{3,}(?:ed|ing)$")


def head_noun(phrase: str) -> str:
    """The noun a phrase is about, lower-cased: "attorneys for the family" -> "attorneys",
    "a poll released in August" -> "poll"."""
    words = _HEAD_END.split(f" {phrase} ", maxsplit=1)[0].split()
    while len(words) > 1 and _PARTICIPLE_WORD.match(words[-1]):
        words.pop()
    return words[-1].lower() if words else ""


def finite_verbs(present: bool = True) -> re.Pattern[str]:
    """A finite verb: an auxiliary, an irregular past, a word in -ed and, with ``present``,
    the common present forms (which are as often nouns: "plan", "work", "need")."""
    words = AUXILIARIES | IRREGULAR_PAST_FORMS | (PRESENT_VERBS if present else frozenset())
    return re.compile(r"\b(?:" + "|".join(sorted(words)) + r"|[a-z]{2,}ed)\b")


ANONYMITY_REQUEST = re.compile(
    r"\b(?:asked|requested|declined|refused|wished)\s+not\s+to\s+be\s+(?:named|identified)"
    r"|\b(?:declined|refused)\s+to\s+be\s+(?:named|identified)"
    r"|\bcondition\s+of\s+anonymity|\b(?:requested|sought|were\s+granted|was\s+granted)"
    r"\s+anonymity|\bnot\s+authori[sz]ed\s+to\s+(?:speak|talk|comment)", re.IGNORECASE)
"""What makes a named group's words anonymous: "officials, who asked not to be named"."""

# Last words of businesses' names: "Castlerock Mining", "Tarran Energy" are no people.
BUSINESS_HEADS = frozenset(
    "motors steel airlines airways energy bank group holdings industries mining oil gas foods"
    " systems technologies pharma media telecom rail shipping chemicals electric power"
    " insurance capital partners ventures labs works mills automotive electronics metals"
    " logistics textiles pharmaceuticals semiconductors aerospace brewing".split())
