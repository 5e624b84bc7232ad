"""Speaker noun phrases -> named speakers with role and kind; one record per person or body.

``parse_speaker`` reads one mention ("Russian presidential press advisor Yuri Ushakov",
"the Kremlin", "people familiar with the matter"); ``SpeakerIndex`` resolves mentions to
canonical speakers across articles (surnames, accents and misspellings, never a person with
an organisation).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from importlib import resources

from rapidfuzz import fuzz

from provenance.domain import Speaker
from provenance.nlp import lexicon as lx
from provenance.text import comparable

PRONOUNS = frozenset({"he", "she", "they", "it", "who", "we", "i"})
_ROLE_WORDS = frozenset(
    "president vice prime minister deputy foreign defense defence interior finance secretary"
    " spokesman spokeswoman spokesperson chief executive director general ambassador envoy"
    " senator governor mayor chancellor king queen prince pope judge chairman chairwoman chair"
    " adviser advisor aide leader head commander officer official representative speaker"
    " attorney counsel premier first lady state press presidential economy trade energy"
    " opposition rival candidate lawmaker minister's sen rep gov gen dr mr mrs ms del lt col"
    " sgt capt adm prof rev gov. former acting interim nurse doctor detective inspector"
    " sergeant constable professor coach captain pastor bishop rabbi imam reverend analyst"
    " economist teacher principal dean organiser organizer activist campaigner protester"
    " lawyer farmer resident student researcher historian scientist engineer worker owner"
    " founder driver trader banker manager consultant pilot firefighter paramedic surgeon"
    " physician witness volunteer shopkeeper fisherman priest passenger commuter customer"
    " spectator visitor survivor neighbour neighbor motorist cyclist pedestrian tenant"
    " homeowner parent".split()
)
# "Health officials in Brenna County", "economists at the Bank of Lisbon": people named by
# what they are and where they work, a group, not the place or body after the preposition.
_PLACED_GROUP = re.compile(
    r"^(?:[a-z][\w'-]*\s+){0,3}?(?P<noun>[a-z][\w'-]*)\s+(?:in|at|from|with|for|of)\s+\S",
    re.IGNORECASE)
_AGENT = re.compile(r"^[a-z]{3,}(?:ers|ists|ants|ents|ors|ians)$")
# An occupation by its ending, before a full name ("Mediator Ingrid Aas", "Economist Ada
# Berg"): endings no given name has, so "Victor Hale" or "Christian Holm" keep their names.
_OCCUPATION = re.compile(r"^[a-z]{3,}(?:ator|utor|ist|yst|ician|eer)$(?<!qvist)(?<!quist)")
_PARTICLES = frozenset("de da del della der di du la le van von bin al el dos das y".split())
_ORG_WORDS = frozenset(
    "kremlin house ministry council office department agency commission committee party"
    " government parliament congress senate court bank corporation company group union"
    " organization organisation institute university army navy police federation authority"
    " administration cabinet embassy pentagon service board fund assembly media coalition"
    " alliance forces movement campaign front network foundation association chamber"
    " bureau society academy college school centre center league tribunal".split()
)
# "the Dorrow Chamber of Commerce", "the Bank of England": a body named with "of", whole.
_BODY_OF = re.compile(
    r"(?:^|\s)(?P<name>(?:[A-Z][\w'-]*(?<!'s)\s+)*(?:"
    + "|".join(sorted(w.capitalize() for w in _ORG_WORDS))
    + r")\s+of\s+(?:the\s+)?[A-Z][\w'-]*(?:\s+(?:[A-Z][\w'-]*|and|for))*)$")
_OUTLET_WORDS = frozenset(
    "news newspaper magazine agency times post journal press tribune herald gazette telegraph"
    " guardian broadcaster television tv radio media daily weekly outlet channel wire".split()
)
KNOWN_OUTLETS = frozenset(
    "reuters afp ap associated press efe interfax tass ria novosti xinhua bloomberg bbc cnn"
    " al jazeera dpa ansa kyodo yonhap".split()
)
_ANONYMOUS = re.compile(
    r"\b(?:anonymous|unnamed|unidentified|sources?|insiders?|people familiar|person familiar"
    r"|(?:people|persons?) (?:with (?:direct )?knowledge|close to|briefed on)"
    r"|officials? (?:who|familiar|speaking)|(?:an?|one|two|three|several) (?:\w+ )?officials?"
    r"|(?:an?|one|two|three|four|five|several|some) (?:\w+ )?(?:diplomats?|aides?|workers?"
    r"|witness(?:es)?|employees?|staff|residents?|engineers?|officers?|insiders?|members?"
    r"|nurses?|doctors?|soldiers?|guards?|people|persons)(?! of (?:the )?[A-Z])"
    # "three miners", "several engineers": people counted, not named
    r"|(?:two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+(?-i:[a-z]+s)$)\b",
    re.IGNORECASE,
)
# "three miners who spoke to the Chronicle": the clause says how they spoke, not who they are.
_RELATIVE_CLAUSE = re.compile(r",?\s+who\s+(?!asked|requested|declined|refused|spoke on)\S.*$")
_PLACING_WORDS = frozenset("at in of from for with near the".split())
_ADJECTIVAL = re.compile(r"(?:ese|an|ish|ch|'s)$")  # Japanese, Russian, British, French
_PARENTHETICAL = re.compile(r"\s*\([^)]*\)")
_LEADING_CONJUNCTION = re.compile(r"^(?:but|and|so|yet|still|also|then)\s+", re.IGNORECASE)
_LEADING = re.compile(r"^(?:both|the|a|an|his|her|their|its|our)\s+", re.IGNORECASE)
_LOWER_POSSESSOR = re.compile(r"^(?:the\s+)?[a-z][\w-]*'s\s+")


MAX_MENTION_CHARS = 150
"""A longer phrase describes, it does not name: no real speaker mention runs this long."""


@lru_cache(maxsize=16384)  # articles name the same few people over and over
def parse_speakers(phrase: str) -> tuple[Speaker, ...]:
    """Every speaker in a subject phrase ("Both Trump and the Kremlin" -> two)."""
    parts = [re.sub(r"^both\s+", "", p, flags=re.IGNORECASE)
             for p in re.split(r",\s*(?:and\s+)?|\s+and\s+", phrase.strip()) if p.strip()]
    if len(parts) == 2 and parts[1][:1].isupper() and (
            parts[0].split()[-1].lower() in _ROLE_WORDS or _DESCRIPTION.match(parts[0])):
        parts = [phrase]  # "the department's spokesman, Tomas Reyes": one person
    if len(parts) > 1 and all(_looks_like_name(p) for p in parts):
        found = [parse_speaker(p) for p in parts]
        return tuple(s for s in found if s is not None)
    one = parse_speaker(phrase)
    return (one,) if one else ()


# "A geologist at Strathmore University, Moira Kerr": who the person after it is.
_DESCRIPTION = re.compile(r"^(?:[Aa]n?|[Tt]he)\s+[a-z][\w-]*\s+(?:at|of|from|with|for)\s+\S")


def _looks_like_name(part: str) -> bool:
    """A name, a pronoun, or a body named by its noun ("the dockers' union")."""
    bare = _LEADING.sub("", part.strip())
    words = bare.split()
    if not words:
        return False
    body = re.match(r"(?:both\s+)?the\s", part.strip(), re.IGNORECASE) is not None \
        and lx.head_noun(bare) in _ORG_WORDS | lx.GROUP_NOUNS
    return words[-1][:1].isupper() or words[0].lower() in PRONOUNS or body


# "figures from the hydrological institute", "a poll by Ipsos": the body that made them.
_DOCUMENT_OF = re.compile(r"^(?:(?:latest|new|official|preliminary|provisional|its|their)\s+)?"
                          r"(?:" + "|".join(sorted(lx.SOURCE_NOUNS)) + r")\s+"
                          r"(?:from|by|released by|published by|compiled by)\s+(?P<owner>.+)$")
# "Both said", "one of them said": members of the group just named, read as "they".
_PLURAL_REFERENCE = re.compile(r"^(?:both|both of them|(?:one|two|three|some|several|each|all"
                               r"|either|neither|most|many) of them)$")


def parse_speaker(phrase: str) -> Speaker | None:
    """Read one speaker mention; ``None`` when the phrase names nobody."""
    mention = _PARENTHETICAL.sub("", phrase).strip().strip(",").strip()
    mention = _RELATIVE_CLAUSE.sub("", _LEADING_CONJUNCTION.sub("", mention))
    if not mention or len(mention) > MAX_MENTION_CHARS:
        return None
    lowered = mention.lower()
    if lowered in PRONOUNS:
        return Speaker(name=lowered, kind="pronoun", mention=mention)
    if _PLURAL_REFERENCE.match(lowered):
        return Speaker(name="they", kind="pronoun", mention=mention)
    if _ANONYMOUS.search(mention) and not _names_someone(mention.split()):
        return Speaker(name=_LEADING.sub("", mention), kind="anonymous", mention=mention)
    bare = _opening_capital_dropped(_LEADING.sub("", mention))
    owner = _DOCUMENT_OF.match(bare)
    if owner and (found := parse_speaker(owner.group("owner"))) is not None \
            and found.kind in ("organization", "person", "outlet"):
        return replace(found, mention=mention)  # "figures from the institute": the institute
    if lx.head_noun(bare) in lx.SOURCE_NOUNS:  # "a poll published in March": not "March"
        return Speaker(name=bare, kind="organization", mention=mention)
    placed = _PLACED_GROUP.match(bare)
    noun = placed.group("noun").lower() if placed else ""
    if names_people(noun):
        return Speaker(name=bare[:1].lower() + bare[1:] if bare[:1].isupper()
                       and not bare.split()[0][1:].isupper() else bare, kind="group",
                       mention=mention)
    body = _BODY_OF.search(bare)
    before = bare[:body.start("name")].split() if body else []
    if body and not _ROLE_WORDS & set(body.group("name").lower().split()[:1]) \
            and not (before and before[-1].lower() in _PLACING_WORDS | {"the", "of"}):
        return Speaker(name=body.group("name"), kind="organization",
                       role=bare[:body.start("name")].strip(" ,") or None, mention=mention)
    words = bare.split()
    name, role_words = _trailing_name(words)
    if not name:
        return _group_or_body(bare, mention)
    role = " ".join(role_words).strip(" ,") or None
    kind = _kind_of(name, role, mention)
    return Speaker(name=name, kind=kind, role=role, mention=mention)


def names_people(noun: str) -> bool:
    """Whether a plural noun names people ("nurses", "residents", "officials"), not a thing
    ("support", "sanctions")."""
    return noun.endswith("s") and (noun in lx.GROUP_NOUNS or bool(_AGENT.match(noun)))


def names_body(noun: str) -> bool:
    """Whether a noun names an organised body ("council", "ministry", "union")."""
    return noun.lower() in _ORG_WORDS


def _opening_capital_dropped(bare: str) -> str:
    """"Nurses", "Officials at the port": a group noun capitalised only because it opens the
    sentence, read as the noun ("nurses"), not as a name."""
    words = bare.split()
    first = words[0].lower() if words else ""
    if words and words[0][1:].islower() and (first in lx.GROUP_NOUNS or _AGENT.match(first)) \
            and not any(w[:1].isupper() for w in words[1:]):
        return first + bare[len(first):]
    return bare


# Role words that also end the names of businesses ("Tarran Energy", "Oxford University
# Press"), after a capitalised word that is no role word.
_NAME_ENDINGS = frozenset("energy trade finance press".split())


def _names_someone(words: list[str]) -> bool:
    """Whether a mention ends in a person's name ("an official, Ana Ruiz"), not in the
    place or body its people belong to ("two workers at Tollis Dam")."""
    name, before = _trailing_name(words)
    return bool(name) and not (before and before[-1].lower() in _PLACING_WORDS)


def _trailing_name(words: list[str]) -> tuple[str, list[str]]:
    """Split "Russia's Defense Minister Andrei Belousov" into name and role words."""
    taken: list[str] = []
    for at in range(len(words) - 1, -1, -1):
        if taken and words[at].endswith(","):
            break  # "a geologist at Strathmore University, Moira Kerr": the name is after
        clean = words[at].strip(",;:")
        low = clean.lower().rstrip(".")
        capital = clean[:1].isupper() and not clean.endswith("'s")
        body = bool(taken) and taken[0].lower() in _ORG_WORDS  # "Interior Ministry"
        role = low in _ROLE_WORDS or len(taken) >= 2 and _OCCUPATION.match(low) is not None
        if capital and (not role or body or not taken and low in _NAME_ENDINGS
                        and _named_before(words, at)):
            taken.insert(0, clean)  # "Tarran Energy": a portfolio after a name ends it
        elif low in _PARTICLES and taken:
            taken.insert(0, clean)
        else:
            break
    while taken and taken[0].lower() in _PARTICLES and len(taken) > 1 and taken[0].islower():
        taken.pop(0)
    return " ".join(taken), words[: len(words) - len(taken)]


def _named_before(words: list[str], at: int) -> bool:
    """Whether the word before ``words[at]`` is a capitalised word that is no role word: the
    two are a name ("Tarran Energy"), not a role ("Interior Minister")."""
    if at == 0:
        return False
    before = words[at - 1].strip(",;:")
    return before[:1].isupper() and before.lower().rstrip(".") not in _ROLE_WORDS \
        and not before.endswith("'s")


# Body nouns that add nothing to the name before them: the Kelm government is Kelm.
_NAMED_BY_ITS_NAME = frozenset("government administration cabinet company corporation group"
                               " of the".split())


def _group_or_body(bare: str, mention: str) -> Speaker:
    """"the Interfax news agency" -> Interfax; "Japanese media" stays a group."""
    words = bare.split()
    caps = [w for w in words if w[:1].isupper() and not _ADJECTIVAL.search(w)]
    tail = [w.lower() for w in words if not w[:1].isupper()]
    if caps and tail and set(tail) <= _OUTLET_WORDS | _ORG_WORDS | {"of", "the"}:
        kind = "outlet" if set(tail) & _OUTLET_WORDS else "organization"
        # "the Kelm army" is not Kelm, but "the Kelm government" and "the Tarran company" are
        name = " ".join(caps) if kind == "outlet" or set(tail) <= _NAMED_BY_ITS_NAME \
            else bare
        return Speaker(name=name, kind=kind, role=" ".join(tail), mention=mention)
    name = _LOWER_POSSESSOR.sub("", bare)
    kind = "outlet" if set(tail) & {"media", "press", "newspaper", "newspapers"} else "group"
    if set(tail) & _ORG_WORDS and kind == "group":
        kind = "organization"
    return Speaker(name=name, kind=kind, mention=mention)


_SURNAMES_TOO = frozenset("power mills steel".split())  # Samantha Power, David Steel


def _kind_of(name: str, role: str | None, mention: str) -> str:
    words = comparable(name).split()
    low_words = set(words)
    # "geologist at Strathmore University": what the role says is before where it works
    own_role = re.split(r"\s+(?:at|of|for|with|from)\s+", (role or "").lower())[0]
    role_words = set(own_role.split())
    role_head = own_role.split()[-1:]
    if comparable(name) in KNOWN_OUTLETS or set(role_head) & _OUTLET_WORDS:
        return "outlet"
    if set(role_head) & _ROLE_WORDS and not low_words & _ORG_WORDS:
        return "person"  # "Kremlin aide Yuri Ushakov": the role's head is a person's
    business = set(words[-1:]) & (lx.BUSINESS_HEADS - _SURNAMES_TOO) \
        and words[0] not in _gender_table()[1]
    if low_words & (_ORG_WORDS | _OUTLET_WORDS) or role_words & _ORG_WORDS \
            or set(words[-1:]) & _NAME_ENDINGS or business:  # not Ana Power, nor Ed Mills
        return "organization"
    if mention.lower().startswith("the ") and (len(name.split()) == 1 or role is None):
        return "organization"  # "the Kremlin", "The Valley Voice": people take no article
    if comparable(name) in government_places():
        return "organization"  # "Moscow said": the place stands for its government
    return "person"


@lru_cache(maxsize=1)
def government_places() -> frozenset[str]:
    """Countries, capitals and seats of government (``places.toml``), comparable."""
    raw = tomllib.loads(resources.files("provenance.nlp").joinpath("places.toml")
                        .read_text("utf-8"))
    return frozenset(comparable(place) for names in raw.values() for place in names)


@dataclass
class CanonicalSpeaker:
    """A speaker as prov knows it across articles."""

    name: str
    kind: str
    aliases: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)


NAME_MATCH_MIN = 85
"""rapidfuzz ratio at which two full names are the same person (González ~ Gonzales)."""


def same_speaker(a: str, a_kind: str, b: str, b_kind: str) -> bool:
    """Whether two names denote one speaker: same kind family, surname or close spelling;
    one full name of two words or more is one speaker whatever its kind was read as
    ("Kilner Steel" said, and "Kilner Steel, the company said")."""
    ca, cb = comparable(a), comparable(b)
    if (a_kind == "person") != (b_kind == "person"):
        return ca == cb and len(ca.split()) > 1
    if not ca or not cb:
        return False
    if ca == cb:
        return True
    ta, tb = ca.split(), cb.split()
    if a_kind == "person":
        if fuzz.ratio(ta[-1], tb[-1]) < NAME_MATCH_MIN:
            return False
        # One name is the surname alone, or the first names agree closely.
        return len(ta) == 1 or len(tb) == 1 or fuzz.ratio(ta[0], tb[0]) >= NAME_MATCH_MIN
    return fuzz.ratio(ca, cb) >= 95


def find_speaker(
    name: str, kind: str, known: Iterable[CanonicalSpeaker]
) -> CanonicalSpeaker | None:
    """The known speaker ``name`` refers to; prefers the longest (fullest) match."""
    matches = [
        k for k in known
        if any(same_speaker(name, kind, alias, k.kind) for alias in k.aliases | {k.name})
    ]
    return max(matches, key=lambda k: len(k.name), default=None)


@lru_cache(maxsize=1)
def _gender_table() -> tuple[dict[str, str], dict[str, str]]:
    """Gendered titles and roles, and given names (``given_names.toml``): word -> f or m."""
    raw = tomllib.loads(resources.files("provenance.nlp").joinpath("given_names.toml")
                        .read_text("utf-8"))
    words = {w: "f" for w in raw["female_words"]} | {w: "m" for w in raw["male_words"]}
    names = {w: "f" for w in raw["female"]} | {w: "m" for w in raw["male"]}
    return words, names


def gender_of(speaker: Speaker) -> str | None:
    """"f" or "m" when a person's title, role or given name says so ("Ms Ruiz", "the
    spokeswoman, Ana Ruiz", "Viktor Hale"), else None."""
    words, names = _gender_table()
    mention = comparable(f"{speaker.mention or ''} {speaker.role or ''}").replace(".", " ")
    for word in mention.split():
        if word in words:
            return words[word]
    given = comparable(speaker.name).split()
    return names.get(given[0]) if len(given) >= 2 else None
