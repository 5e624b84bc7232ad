"""The one text normaliser every comparison uses, and length-preserving character folding."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# One character in, one character out, so offsets into the raw text stay valid.
_FOLD = str.maketrans({
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u2035": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"',
    "\u00bb": '"', "\u2013": "-", "\u2014": "-", "\u2212": "-", "\u2026": ".", "\t": " ",
    "\ufeff": " ",
})

_NON_WORD = re.compile(r"[^\w%$.' ]+|_")  # letters and digits of every script stay
# Format characters that draw nothing but make two equal-looking names differ: zero-width
# space, joiners, word joiner, soft hyphen, BOM, and bidirectional controls.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
# Cyrillic and Greek letters drawn like Latin ones (after Unicode's confusables.txt), folded
# only inside a word that also has Latin letters: "Lavrоv" with a Cyrillic о is Lavrov, while
# "Лавров" stays Cyrillic.
_LATIN_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁԛԝвнкмтАВЕКМНОРСТУХІЈЅαβεικνορτυχΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdqwbhkmtABEKMHOPCTYXIJSaBeikvoptuxABEZHIKMNOPTYX")
_MIXED_SCRIPT_WORD = re.compile(r"\w*[a-zA-Z]\w*")
_SPACES = re.compile(r"\s+")


# Two apostrophes for a double quote (''like this'', as in the New York Times' archive).
_DOUBLED_OPEN = re.compile(r"''(?=[\w$])")
_DOUBLED_CLOSE = re.compile(r"(?<=[\w.,!?;:%])''")


def fold_chars(text: str) -> str:
    """Replace typographic variants (NBSP, curly quotes, primes, dashes) one for one; a
    doubled apostrophe used as a quote becomes a space and a quote, on the side that keeps
    the quote against its words."""
    text = text.translate(_FOLD)
    if "''" not in text:
        return text
    return _DOUBLED_CLOSE.sub('" ', _DOUBLED_OPEN.sub(' "', text))


# Latin letters Unicode does not decompose into a base letter and a mark, spelt the way
# their languages write them in ASCII: "Małgorzata Wójcik" is "Malgorzata Wojcik".
_UNDECOMPOSED = str.maketrans({
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "ħ": "h", "Ħ": "H", "ı": "i", "ŧ": "t", "Ŧ": "T", "ŀ": "l", "Ŀ": "L", "ß": "ss",
    "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "Th",
})


def strip_accents(text: str) -> str:
    """``Nicolás González`` -> ``Nicolas Gonzalez``, ``Łódź`` -> ``Lodz``."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_UNDECOMPOSED))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def comparable(text: str | None) -> str:
    """Lower-case, accent-free, punctuation-light form used by every fuzzy comparison.

    Names in any script keep their letters; invisible characters are dropped, and letters
    of another script that only look Latin are read as Latin inside a Latin word.
    """
    if not text:
        return ""
    return _comparable(text)


@lru_cache(maxsize=16384)  # a claim's text, names and places are compared many times over
def _comparable(text: str) -> str:
    text = _INVISIBLE.sub("", fold_chars(text))
    if not text.isascii():
        text = _MIXED_SCRIPT_WORD.sub(lambda m: m.group(0).translate(_LATIN_LOOKALIKES), text)
    text = strip_accents(text).lower()
    text = _NON_WORD.sub(" ", text).replace(". ", " ").rstrip(".")
    return _SPACES.sub(" ", text).strip()


def plural(n: int, noun: str) -> str:
    """"1 claim", "2 claims"."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
