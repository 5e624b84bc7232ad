"""HTML page -> main text (one paragraph per block) and metadata from its head."""

from __future__ import annotations

from html.parser import HTMLParser

_SKIP = frozenset("script style nav header footer aside form noscript figure figcaption button"
                  " iframe svg select option template dialog menu".split())
_BLOCKS = frozenset("p div li h1 h2 h3 h4 h5 h6 blockquote section article main br tr pre"
                    " dd dt td".split())
_VOID = frozenset("br img meta link input hr wbr source area base col embed param track".split())


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.title = ""
        self._in_title = False
        self._skip_depth = 0
        self._stack: list[str] = []
        self._zones: dict[str, list[list[str]]] = {"article": [[]], "main": [[]], "body": [[]]}

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
        if tag in _VOID:
            if tag == "br":
                self._break()
            return
        self._stack.append(tag)
        if tag in _SKIP:
            self._skip_depth += 1
        if tag in _BLOCKS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in _VOID or tag not in self._stack:
            return
        while self._stack:
            top = self._stack.pop()
            if top in _SKIP:
                self._skip_depth -= 1
            if top == tag:
                break
        if tag in _BLOCKS:
            self._break()

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
            return
        if self._skip_depth > 0:
            return
        for zone in self._active_zones():
            self._zones[zone][-1].append(data)

    def _active_zones(self) -> list[str]:
        zones = ["body"]
        zones += [z for z in ("article", "main") if z in self._stack]
        return zones

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


def parse_html(markup: str) -> tuple[str, dict[str, str]]:
    """The page's main text and its metadata (``outlet``, ``title``, ``published``, ``url``)."""
    parser = _PageParser()
    parser.feed(markup)
    parser.close()
    meta = {
        "outlet": parser.meta.get("og:site_name", ""),
        "title": parser.meta.get("og:title", "") or " ".join(parser.title.split()),
        "published": parser.meta.get("article:published_time", "")
        or parser.meta.get("date", ""),
        "url": parser.meta.get("canonical", "") or parser.meta.get("og:url", ""),
    }
    return parser.main_text(), {k: v for k, v in meta.items() if v}
