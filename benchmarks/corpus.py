"""Synthetic news for benchmarks: claims and articles with the shape of real copy.

Deterministic (seeded). Claims mix frequent and rare words (Zipf-like), named people,
places, figures and dates; a share of them restate earlier claims in other words, the way
outlets repeat each other. Articles add quotes, attributions, boilerplate appeals,
near-duplicate wire copies and planted numeric conflicts.
"""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

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
    """``n`` claim sentences; about one in five restates an earlier one, its middle words
    reordered (a paraphrase a bag of words finds, not a verbatim copy)."""
    rng = random.Random(seed)
    vocab = vocabulary(size=heaps_size(15 * n))
    texts: list[str] = []
    for i in range(n):
        if texts and rng.random() < 0.2:
            base = rng.choice(texts[-500:]).split()
            middle = base[2:-2]  # a slice is a copy: shuffle it, then put it back
            rng.shuffle(middle)
            texts.append(" ".join(base[:2] + middle + base[-2:]))
            continue
        zipf = [vocab.words[min(int(rng.paretovariate(1.1)), len(vocab.words) - 1)]
                for _ in range(3)]
        rare = rng.sample(vocab.words, 3)
        texts.append(
            f"{rng.choice(vocab.people)} {rng.choice(_VERBS)} the {rng.choice(_NOUNS)} "
            f"{' '.join(zipf)} in {rng.choice(vocab.places)} with {rng.randint(2, 900)} "
            f"{' '.join(rare)} in {rng.randint(2015, 2025)}.")
    return texts


@dataclass
class _Story:
    """A fact several outlets report: most repeat its figure, some give another (conflict)."""

    noun: str
    place: str
    figure: int


def articles(n: int, seed: int = 13, words: int = 600) -> list[tuple[str, str, date, str]]:
    """``n`` articles as (file name, outlet, publication date, text) of about ``words``.

    One in ten is a wire copy another outlet re-ran; paragraphs mix attributed claims,
    quotes, figures, dates, background prose and a donation appeal, and about one in six
    reports a shared story, with a different figure one time in four. prov finds a claim
    per ~22 words in them; in real news, one per 22.5 (PolNeAR dev) to 26 (the seeds).
    """
    rng = random.Random(seed)
    vocab = vocabulary()
    stories = [_Story(rng.choice(_NOUNS), rng.choice(vocab.places), rng.randint(20, 900))
               for _ in range(max(5, n // 20))]
    start = date(2024, 1, 1)
    out: list[tuple[str, str, date, str]] = []
    for i in range(n):
        if out and rng.random() < 0.1:
            _, _, published, text = rng.choice(out[-50:])
            out.append((f"a{i:06d}.txt", rng.choice(_OUTLETS), published,
                        _rerun(rng, vocab, text)))
            continue
        paragraphs: list[str] = []
        while sum(len(p.split()) for p in paragraphs) < words:
            paragraphs.append(_paragraph(rng, vocab, rng.choice(stories)))
        paragraphs.insert(rng.randint(1, len(paragraphs)), _APPEAL)
        title = _headline(rng, vocab)
        published = start + timedelta(days=rng.randint(0, 700))
        out.append((f"a{i:06d}.txt", rng.choice(_OUTLETS), published,
                    title + "\n\n" + "\n\n".join(paragraphs) + "\n"))
    return out


def _headline(rng: random.Random, vocab: Vocabulary) -> str:
    return f"{rng.choice(_NOUNS).title()} news from {rng.choice(vocab.places)}"


def _rerun(rng: random.Random, vocab: Vocabulary, text: str) -> str:
    """A wire story as another outlet re-runs it: its own headline, the last paragraph cut."""
    paragraphs = text.rstrip("\n").split("\n\n")[1:]
    return "\n\n".join([_headline(rng, vocab), *paragraphs[:-1]]) + "\n"


def _paragraph(rng: random.Random, vocab: Vocabulary, story: _Story) -> str:
    person, other = rng.choice(vocab.people), rng.choice(vocab.people)
    noun, place = rng.choice(_NOUNS), rng.choice(vocab.places)
    figure, year = rng.randint(2, 500), rng.randint(1990, 2023)
    weekday = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
    reported = story.figure if rng.random() < 0.75 else story.figure + rng.randint(5, 90)
    return rng.choice([
        f'"The {noun} in {place} will go ahead as planned, whatever the objections," {person} '
        f'said on {weekday}. "We have waited {figure} days for this decision and the people '
        f'of {place} have waited far longer."',
        f"{person} told reporters in {place} that the {noun} had cost at least {figure} million "
        f"dollars so far, a figure that officials in the regional capital have repeatedly "
        f"declined to confirm.",
        f"The {noun} in {place}, which opened in {year} after nearly a decade of planning and "
        f"several legal disputes, now employs {figure} people, according to the regional "
        f"{_word(rng)} office.",
        f"The newspaper {rng.choice(_OUTLETS)}, citing unnamed officials, reported that "
        f"{figure} workers had left the {noun} since the start of the year. The ministry "
        f"denied the report.",
        f"Turnout in {place} was {rng.randint(30, 80)}.{rng.randint(0, 9)}% when voters chose "
        f"a new council last month, the highest figure recorded in the district for more "
        f"than {rng.randint(2, 9)} years.",
        f"Residents of {place} have argued for years that the {noun} was planned without "
        f"proper consultation, and several local groups asked the courts in {year} to review "
        f"the way the original decision had been taken.",
        f"The {noun} has been a recurring subject in the regional assembly, where members "
        f"from {figure} districts have debated its cost, its route and its likely effect on "
        f"jobs in the surrounding towns.",
        f"{person}, who has represented {place} in the assembly since {year}, said in a "
        f"statement that the {noun} would be examined by an independent panel before any "
        f"further payments were approved by the finance committee.",
        f"The {story.noun} in {story.place} will cost {reported} million dollars, {other} "
        f"said, in the most detailed account of the project's budget given so far by anyone "
        f"involved in it.",
    ])


def write_articles(folder: Path, batch: Iterable[tuple[str, str, date, str]]) -> Path:
    """Write generated articles (as :func:`articles` gives them) into a new ``folder``, one
    file each with its outlet and date as front matter, as prov ingests them."""
    folder.mkdir(parents=True)
    for name, outlet, published, body in batch:
        (folder / name).write_text(f"---\noutlet: {outlet}\npublished: {published}\n---\n"
                                   f"{body}", encoding="utf-8")
    return folder
