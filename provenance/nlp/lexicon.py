"""Word lists of English reporting language shared by the attribution and claim stages."""

from __future__ import annotations

import re

# Verbs that report speech or a stance; a clause after them is the speaker's content.
CLAUSE_VERBS = frozenset(
    "said says say told tells added adds noted notes insisted insists stated states claimed"
    " claims argued argues warned warns explained explains confirmed confirms reported reports"
    " wrote writes declared declares stressed stresses emphasized emphasised emphasizes"
    " maintained maintains acknowledged acknowledges admitted admits asserted asserts alleged"
    " alleges believes believed thinks tweeted posted replied responded concluded observed"
    " revealed disclosed suggested suggests estimated estimates predicted predicts announced"
    " announces showed shows indicated indicates conceded countered recalled remarked"
    " complained hinted signaled signalled reiterated reiterates reaffirmed reaffirms agreed"
    " promised vowed pledged found finds".split()
)
# Verbs that close a sentence as its attribution ("..., the mayor argued."): the clause
# verbs but those that also end a report of a deed ("..., and firefighters responded").
TRAILING_VERBS = CLAUSE_VERBS - frozenset("responded posted observed".split())
# Verbs whose object, not a that-clause, carries the content: the claim keeps the speaker.
OBJECT_VERBS = frozenset(
    "announced announces accused accuses reaffirmed reaffirms reiterated"
    " reiterates denied denies dismissed dismisses rejected rejects predicted predicts called"
    " calls described describes referred refers welcomed welcomes condemned condemns criticized"
    " criticised criticizes praised praises confirmed confirms unveiled showed shows claimed"
    " claims promised vowed pledged estimated estimates put".split()
)
# Only with "that" after them do these report a claim ("pledged to help" is a deed).
THAT_ONLY_VERBS = frozenset("promised vowed pledged agreed found finds".split())
DENIAL_VERBS = frozenset("denied denies dismissed dismisses rejected rejects refuted refutes"
                         " disputed disputes".split())
DENIED_OBJECTS = frozenset("report reports claim claims allegation allegations story stories"
                           " rumor rumors rumour rumours accusation accusations it them that"
                           " reporting account accounts".split())
EVIDENTIAL_VERBS = frozenset("showed shows indicated indicates found finds".split())
# Things that find or show, as people say: "a poll found that ...", "the data showed".
SOURCE_NOUNS = frozenset(
    "study studies survey surveys poll polls report reports analysis review audit census"
    " data figures statistics records documents investigation inquiry research estimate"
    " estimates model forecast count tally assessment".split())
# Gerunds whose object is the content ("saying the deal is done") vs. a deed with the
# speaker kept in the text ("expressing commitment to ...").
CLAUSE_GERUNDS = frozenset(
    "saying adding noting claiming insisting arguing warning stressing explaining stating"
    " declaring suggesting asserting alleging emphasizing tweeting posting writing"
    " acknowledging conceding".split()
)
# Cues that report speech in the progressive ("is telling voters that").
SPEECH_GERUNDS = frozenset(
    "saying telling warning arguing insisting claiming predicting suggesting".split())
GERUND_VERBS = frozenset(
    "saying adding noting claiming insisting arguing warning predicting expressing stressing"
    " accusing calling describing telling announcing reiterating denying suggesting asserting"
    " alleging explaining stating declaring confirming acknowledging emphasizing".split()
)
IRREGULAR_PAST = {
    "saying": "said", "telling": "told", "making": "made", "giving": "gave", "taking": "took",
    "bringing": "brought", "leaving": "left", "seeing": "saw", "having": "had", "being": "was",
    "writing": "wrote", "speaking": "spoke", "meeting": "met", "holding": "held",
    "keeping": "kept", "sending": "sent", "putting": "put", "setting": "set", "paying": "paid",
}
# Reporting verbs that also name an act done to an object: "declared a state of emergency,
# war, a winner". Without a clause after them they report no speech.
ACT_VERBS = frozenset("declared declares".split())
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
INTRO_WORDS = frozenset(
    "in on at during after before since last earlier later however meanwhile also but and"
    " still yet separately previously elsewhere instead moreover then now today yesterday"
    " despite although though while when as for by with under over amid following".split()
)


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
    " agencies departments rescuers firefighters paramedics".split()
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
