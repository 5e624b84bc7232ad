"""Score prov's attribution on a PolNeAR split (BRAT standoff: Source, Cue, Content).

    python benchmarks/eval_polnear.py ../shared/external-data/polnear/data/dev [--limit N]

Overlap-based scores, like the published ones:
- content: a system claim credited to a speaker is right when its character span overlaps a
  gold Content span; recall counts gold attributions whose Content some such claim overlaps;
- source: additionally, the speaker mention prov read overlaps that attribution's Source
  span: where prov placed the mention, and (second line, as measured before mentions were
  placed) the whole-word occurrence of it nearest the claim;
- reported-speech content recall: recall over the gold relations whose cue is a verb of
  saying, reporting, finding or estimating, "according to", or a dash or colon.
One annotator per article (the first .ann file in name order). Prints articles per second for
extraction alone, measured in the same run.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from provenance.domain import ArticleMeta, Claim, SourceDocument
from provenance.nlp.pipeline import extract
from provenance.nlp.topics import load_taxonomy


@dataclass
class Relation:
    content: list[tuple[int, int]]
    source: list[tuple[int, int]]
    cue: list[tuple[int, int]]


_SAYING = re.compile(
    r"^(?:say|said|says|saying|tell|told|tells|telling|add|added|adds|note|noted|notes"
    r"|report|reported|reports|reporting|find|found|finds|estimate|estimated|estimates"
    r"|state|stated|states|claim|claimed|claims|argue|argued|argues|warn|warned|warns"
    r"|explain|explained|insist|insisted|announce|announced|write|wrote|writes|confirm"
    r"|confirmed|deny|denied|denies|show|showed|shows|according|stress|stressed|predict"
    r"|predicted|ask|asked|suggest|suggested|acknowledge|acknowledged|admit|admitted"
    r"|conclude|concluded|tweet|tweeted|reply|replied)\b")


def reported_speech(relation: Relation, text: str) -> bool:
    """Whether a gold relation's cue is a verb of saying, reporting, finding or estimating,
    "according to", or a dash or colon: the subset the issue's peers are compared on."""
    cue = " ".join(text[s:e] for s, e in relation.cue).strip().lower()
    if cue in {"-", "--", "\u2014", "\u2013", ":"} or "according to" in cue:
        return True
    return any(_SAYING.match(word) for word in re.findall(r"[a-z]+", cue))


def read_ann(path: Path) -> list[Relation]:
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in path.read_text("utf-8").splitlines():
        fields = line.split("\t")
        if len(fields) < 2:
            continue
        if fields[0].startswith("T") and len(fields) >= 3:
            label, _, offsets = fields[1].partition(" ")
            parts = [tuple(int(x) for x in piece.split()) for piece in offsets.split(";")]
            spans[fields[0]] = (label, [p for p in parts if len(p) == 2])  # type: ignore[misc]
        elif fields[0].startswith("E"):
            roles = dict(part.split(":") for part in fields[1].split() if ":" in part)
            content = spans.get(roles.get("Content", ""), ("", []))[1]
            source = spans.get(roles.get("Source", ""), ("", []))[1]
            cue = spans.get(roles.get("Cue", ""), ("", []))[1]
            if content:
                relations.append(Relation(content, source, cue))
    return relations


def overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


MENTION_WINDOW = 400
"""How far around its sentence a claim's speaker mention is looked for (quotes that span
several sentences name the speaker in the last one)."""


def mention_span(claim: Claim, text: str, placed: bool = True) -> tuple[int, int] | None:
    """Where in the article the speaker prov credits is named: where prov placed the
    mention, or (``placed`` false, or not placed) the whole-word occurrence nearest the
    claim."""
    speaker = claim.speaker
    if speaker is None or not speaker.mention:
        return None
    if placed and speaker.mention_start is not None:
        return speaker.mention_start, speaker.mention_start + len(speaker.mention)
    lo = max(claim.sentence_start - MENTION_WINDOW, 0)
    window = text[lo:claim.end + MENTION_WINDOW]
    needles = [speaker.mention, speaker.name.split()[-1]]
    centre = claim.sentence_start - lo
    for needle in needles:  # whole words: "he" is not the "he" inside "the"
        found = [m.start() for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", window,
                                                re.IGNORECASE)]
        if found:
            at = min(found, key=lambda i: abs(i - centre))
            return lo + at, lo + at + len(needle)
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", type=Path, help="folder with text/ and attributions/")
    ap.add_argument("--limit", type=int, default=None, help="at most this many articles")
    args = ap.parse_args()
    texts = sorted((args.split / "text").glob("*.txt"))[: args.limit]
    if not texts:
        print(f"no articles under {args.split / 'text'}", file=sys.stderr)
        return 2
    taxonomy = load_taxonomy()
    sys_claims = sys_right = gold_total = gold_found = speech_total = speech_found = 0
    source_right = {True: 0, False: 0}  # by whether the placed mention is used
    source_found = {True: 0, False: 0}
    elapsed = 0.0
    for text_path in texts:
        anns = sorted((args.split / "attributions").glob(text_path.stem + "_*.ann"))
        if not anns:
            continue
        gold = read_ann(anns[0])
        raw = text_path.read_bytes()
        doc = SourceDocument(str(text_path), raw, raw.decode("utf-8"), ArticleMeta(), "txt")
        started = time.perf_counter()
        claims = [c for c in extract(doc, taxonomy).claims if c.speakers]
        elapsed += time.perf_counter() - started
        for claim in claims:
            hits = [g for g in gold if overlaps((claim.start, claim.end), g.content)]
            sys_claims += 1
            sys_right += bool(hits)
            for placed in (True, False):
                mention = mention_span(claim, doc.text, placed)
                source_right[placed] += bool(mention and any(overlaps(mention, g.source)
                                                             for g in hits))
        for g in gold:
            gold_total += 1
            found = [c for c in claims if overlaps((c.start, c.end), g.content)]
            gold_found += bool(found)
            if reported_speech(g, doc.text):
                speech_total += 1
                speech_found += bool(found)
            for placed in (True, False):
                source_found[placed] += any((m := mention_span(c, doc.text, placed))
                                            and overlaps(m, g.source) for c in found)
    report("content", sys_right, sys_claims, gold_found, gold_total)
    report("source", source_right[True], sys_claims, source_found[True], gold_total)
    report("source, nearest mention", source_right[False], sys_claims, source_found[False],
           gold_total)
    print(f"reported-speech content recall {speech_found / max(speech_total, 1):.3f} "
          f"({speech_found} of {speech_total})")
    print(f"articles {len(texts)}  extraction {len(texts) / elapsed:.1f} articles/s on one core")
    return 0


def report(name: str, right: int, predicted: int, found: int, total: int) -> None:
    p = right / predicted if predicted else 0.0
    r = found / total if total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"{name:<8} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  "
          f"(system {predicted}, gold {total})")


if __name__ == "__main__":
    sys.exit(main())
