"""Sentence splitting: abbreviations, initials, quotes, glued text; offsets always valid."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from provenance.nlp.segment import split_sentences
from provenance.text import fold_chars


def sentences(text: str) -> list[str]:
    text = fold_chars(text)
    return [text[a:b] for a, b in split_sentences(text)]


@pytest.mark.parametrize("text, expected", [
    ("U.S. officials met Mr. Smith. Then they left.",
     ["U.S. officials met Mr. Smith.", "Then they left."]),
    ("George W. Bush spoke. It rained.", ["George W. Bush spoke.", "It rained."]),
    ("Sanctions imposed by the U.S. The move hurt.",
     ["Sanctions imposed by the U.S.", "The move hurt."]),
    ("Give generously.The mayor resigned on Monday.",
     ["Give generously.", "The mayor resigned on Monday."]),
    ('"Are you ready?" the coach asked. They were.',
     ['"Are you ready?" the coach asked.', "They were."]),
    ("Turnout was 61.5% in the city of brics-2024.ru today.",
     ["Turnout was 61.5% in the city of brics-2024.ru today."]),
    ("\u201cWe won.\u201d He smiled.", ['"We won."', "He smiled."]),
])
def test_split_sentences_handles_hard_cases(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_split_sentences_spans_are_ordered_and_cover_the_text(text: str) -> None:
    spans = split_sentences(text)
    position = 0
    for start, end in spans:
        assert position <= start < end <= len(text)
        assert not text[position:start].strip()
        position = end
    assert not text[position:].strip()
