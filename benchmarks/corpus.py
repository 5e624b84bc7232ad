"""Synthetic news for benchmarks: claims and articles with the shape of real copy.

Deterministic (seeded). Claims mix frequent and rare words (Zipf-like), named people,
places, figures and dates; a share of them restate earlier claims in other words, the way
outlets repeat each other. Articles add quotes, attributions, boilerplate appeals,
near-duplicate wire copies and planted numeric conflicts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

_SYLLABLES = ["ka", "lo", "mi", "ren", "tor", "va", "sel", "dun", "pra", "ith", "gor", "bel",
              "nar", "ost", "quin", "ul", "zem", "har", "fin", "cal"]
_VERBS = ["approved", "rejected", "announced", "delayed", "expanded", "cut", "signed",
          "blocked", "funded", "suspended", "criticised", "reviewed", "opened", "closed"]
_NOUNS = ["budget", "treaty", "pipeline", "bridge", "tariff", "election", "reform", "port",
          "hospital", "school", "mine", "railway", "subsidy", "ceasefire", "loan", "tax"]
_OUTLETS = ["North Herald", "South Ledger", "East Times", "West Courier", "Metro Wire",
            "Daily Post", "Evening Star", "City Journal"]
_APPEAL = ("Support independent journalism. Your donation keeps our reporting free for "
           "everyone. Subscribe to our newsletter today.")


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))


def heaps_size(tokens: int) -> int:
    """Distinct words in a text of ``tokens`` words (Heaps' law, K=25, beta=0.6), so a
    larger corpus has a larger vocabulary, as real news does."""
    return max(6000, int(25 * tokens ** 0.6))


@dataclass
class Vocabulary:
    words: list[str]
    people: list[str]
    places: list[str]


def vocabulary(seed: int = 7, size: int = 6000) -> Vocabulary:
    rng = random.Random(seed)
    words = sorted({_word(rng) for _ in range(size)})
    people = [f"{_word(rng).title()} {_word(rng).title()}" for _ in range(800)]
    places = [_word(rng).title() for _ in range(300)]
    return Vocabulary(words, people, places)


def claim_texts(n: int, seed: int = 11) -> list[str]:
    """``n`` claim sentences; about one in five restates an earlier one."""
    rng = random.Random(seed)
    vocab = vocabulary(size=heaps_size(15 * n))
    texts: list[str] = []
    for i in range(n):
        if texts and rng.random() < 0.2:
            base = rng.choice(texts[-500:]).split()
            rng.shuffle(base[2:-2])
            texts.append(" ".join(base))
            continue
        zipf = [vocab.words[min(int(rng.paretovariate(1.1)), len(vocab.words) - 1)]
                for _ in range(3)]
        rare = rng.sample(vocab.words, 3)
        texts.append(
            f"{rng.choice(vocab.people)} {rng.choice(_VERBS)} the {rng.choice(_NOUNS)} "
            f"{' '.join(zipf)} in {rng.choice(vocab.places)} with {rng.randint(2, 900)} "
            f"{' '.join(rare)} in {rng.randint(2015, 2025)}.")
    return texts


def articles(n: int, seed: int = 13, words: int = 600) -> list[tuple[str, str, date, str]]:
    """``n`` articles as (file name, outlet, publication date, text) of about ``words``."""
    rng = random.Random(seed)
    vocab = vocabulary()
    start = date(2024, 1, 1)
    out: list[tuple[str, str, date, str]] = []
    for i in range(n):
        if out and rng.random() < 0.1:  # a wire copy re-run by another outlet
            name, _, published, text = rng.choice(out[-50:])
            out.append((f"a{i:06d}.txt", rng.choice(_OUTLETS), published, text))
            continue
        published = start + timedelta(days=rng.randint(0, 700))
        paragraphs = []
        while sum(len(p.split()) for p in paragraphs) < words:
            person = rng.choice(vocab.people)
            noun, place = rng.choice(_NOUNS), rng.choice(vocab.places)
            figure = rng.randint(2, 500)
            paragraphs.append(rng.choice([
                f'"The {noun} in {place} will go ahead," {person} said on Monday. '
                f'"We have waited {figure} days for this."',
                f"{person} told reporters that the {noun} had cost at least {figure} million "
                f"dollars, while officials in {place} {rng.choice(_VERBS)} the plan.",
                f"The {noun} in {place}, which opened in {rng.randint(1990, 2020)}, employs "
                f"{figure} people, according to the regional {_word(rng)} office.",
                f"The newspaper {rng.choice(_OUTLETS)}, citing unnamed officials, reported "
                f"that {figure} workers had left the {noun}. The ministry denied the report.",
                f"Turnout in {place} was {rng.randint(30, 80)}.{rng.randint(0, 9)}% as voters "
                f"chose a new council, and the {_word(rng)} party {rng.choice(_VERBS)} the "
                f"results.",
            ]))
        paragraphs.insert(rng.randint(1, len(paragraphs)), _APPEAL)
        title = f"{rng.choice(_NOUNS).title()} news from {rng.choice(vocab.places)}"
        out.append((f"a{i:06d}.txt", rng.choice(_OUTLETS), published,
                    title + "\n\n" + "\n\n".join(paragraphs) + "\n"))
    return out
