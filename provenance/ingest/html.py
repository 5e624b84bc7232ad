"""HTML page -> main text (one paragraph per block) and metadata: JSON-LD ``NewsArticle``
(also inside ``@graph``), OpenGraph and ``article:`` tags, Dublin Core, ``<meta name=date>``
and the first ``<time datetime>``, in that order of trust."""

from __future__ import annotations

import json
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

_SKIP = frozenset("script style nav header footer aside form noscript figure figcaption button"
                  " iframe svg select option template dialog menu".split())
# AMP's components for ads, menus, consent, sharing, tracking and embeds: the AMP forms of
# what _SKIP skips on other pages.
_AMP_SKIP = frozenset("ad embed sticky-ad analytics pixel sidebar consent user-notification"
                      " social-share geo install-serviceworker iframe img video youtube"
                      " twitter instagram facebook carousel lightbox".split())
_BLOCKS = frozenset("p div li h1 h2 h3 h4 h5 h6 blockquote section article main br tr pre"
                    " dd dt td".split())
_BOXES = frozenset(("div", "section"))
FORM_BOX_CHARS = 400
"""A box with a form and no more text than this is furniture (a sign-up box's blurb)."""
_VOID = frozenset("br img meta link input hr wbr source area base col embed param track".split())


def _skipped(tag: str) -> bool:
    return tag in _SKIP or tag.startswith("amp-") and tag[4:] in _AMP_SKIP


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.linked_data: list[str] = []
        self.title = ""
        self._in_title = False
        self._in_linked_data = False
        self._skip_depth = 0
        self._stack: list[str] = []
        self._zones: dict[str, list[list[str]]] = {"article": [[]], "main": [[]], "body": [[]]}
        # Open <div>s and <section>s: where each zone's paragraphs stood when it opened, and
        # whether it holds a form (a sign-up box is furniture, its blurb too).
        self._boxes: list[tuple[dict[str, int], list[bool]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or ""
            if key and "content" in values:
                self.meta.setdefault(key.lower(), values["content"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower():
            self.meta.setdefault("canonical", values.get("href", "").strip())
        elif tag == "title":
            self._in_title = True
        elif tag == "script" and values.get("type", "").lower() == "application/ld+json":
            self._in_linked_data = True
            self.linked_data.append("")
        elif tag == "time" and values.get("datetime"):
            self.meta.setdefault("time", values["datetime"].strip())
        if tag in ("form", "input") and self._boxes:
            self._boxes[-1][1][0] = True
        if tag in _VOID:
            if tag == "br":
                self._break()
            return
        self._stack.append(tag)
        if tag in _BOXES:
            self._break()
            self._boxes.append(({z: len(p) - 1 for z, p in self._zones.items()}, [False]))
        if _skipped(tag):
            self._skip_depth += 1
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag == "script":
            self._in_linked_data = False
        if tag in _VOID or tag not in self._stack:
            return
        while self._stack:
            top = self._stack.pop()
            if _skipped(top):
                self._skip_depth -= 1
            if top in _BOXES and self._boxes:
                self._close_box(*self._boxes.pop())
            if top == tag:
                break
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self._in_linked_data:
            self.linked_data[-1] += data
            return
        if self._skip_depth > 0:
            return
        for zone in self._active_zones():
            self._zones[zone][-1].append(data)

    def _active_zones(self) -> list[str]:
        zones = ["body"]
        zones += [z for z in ("article", "main") if z in self._stack]
        return zones

    def _close_box(self, opened: dict[str, int], has_form: list[bool]) -> None:
        """Drop a box's paragraphs when it holds a form and little text: a newsletter's
        sign-up, a comment box; never a page's whole content."""
        if not has_form[0]:
            return
        for zone, paragraphs in self._zones.items():
            inside = paragraphs[opened[zone]:]
            if sum(len("".join(p)) for p in inside) <= FORM_BOX_CHARS:
                del paragraphs[opened[zone]:]
                paragraphs.append([])

    def _break(self) -> None:
        for paragraphs in self._zones.values():
            if paragraphs[-1]:
                paragraphs.append([])

    def main_text(self) -> str:
        for zone in ("article", "main", "body"):
            paragraphs = [" ".join("".join(p).split()) for p in self._zones[zone]]
            text = "\n\n".join(p for p in paragraphs if p)
            if text:
                return text
        return ""


def parse_html(markup: str) -> tuple[str, dict[str, Any]]:
    """The page's main text and its metadata (``outlet``, ``title``, ``published``, ``url``,
    ``authors``: as the page gives them, a name, a list or JSON-LD objects)."""
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    tags = parser.meta
    article = next(_news_articles(parser.linked_data), {})
    publisher = article.get("publisher")
    meta = {
        "outlet": _text(publisher.get("name") if isinstance(publisher, dict) else publisher)
        or tags.get("og:site_name", "") or tags.get("dc.publisher", ""),
        "title": _text(article.get("headline")) or tags.get("og:title", "")
        or tags.get("dc.title", "") or " ".join(parser.title.split()),
        "published": _text(article.get("datePublished"))
        or tags.get("article:published_time", "") or tags.get("dc.date", "")
        or tags.get("dcterms.created", "") or tags.get("date", "") or tags.get("time", ""),
        "url": tags.get("canonical", "") or tags.get("og:url", "") or _text(article.get("url")),
    }
    found: dict[str, Any] = {k: v for k, v in meta.items() if v}
    writers = article.get("author") or tags.get("author") or tags.get("article:author") \
        or tags.get("dc.creator")
    if writers:
        found["authors"] = writers
    return parser.main_text(), found


ARTICLE_TYPES = frozenset({"NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle",
                           "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting",
                           "LiveBlogPosting", "Report"})


def _news_articles(blocks: list[str]) -> Iterator[dict[str, Any]]:
    """The article objects of the page's JSON-LD blocks, in order; unreadable blocks are
    skipped (a page's broken markup is no reason to refuse its text)."""
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        yield from (item for item in _items(data) if _is_article(item))


def _items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _items(item)
    elif isinstance(data, dict):
        yield data
        yield from _items(data.get("@graph", []))


def _is_article(item: dict[str, Any]) -> bool:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k in ARTICLE_TYPES for k in kinds)


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""
