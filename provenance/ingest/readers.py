"""Files and folders -> source documents (text plus metadata), or one-line failures.

Formats: ``.txt``/``.md`` with optional YAML front matter, ``.html``/``.htm``, ``.json``
(an object or a list of objects) and ``.jsonl`` with news-please field names. A folder may
hold ``manifest.toml`` giving metadata for the files beside it, which stay untouched.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import yaml

from provenance.domain import ArticleMeta, RawInput, SourceDocument
from provenance.errors import InputError
from provenance.ingest.decode import decode, printable
from provenance.ingest.fetch import Remote, fetch
from provenance.ingest.html import parse_html

MANIFEST_NAME = "manifest.toml"
TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".json", ".jsonl"})
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
MAX_ARTICLE_CHARS = 2_000_000
"""Longer texts are refused: the longest long-form journalism runs to a few hundred
thousand characters, and extraction time grows with the text."""
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)


@dataclass(frozen=True)
class ReadFailure:
    """A file that could not be read as an article, and why (one line)."""

    source: str
    message: str


@dataclass(frozen=True)
class FoundFiles:
    """The files to read, and those refused because a link leads out of their folder."""

    files: list[Input]
    refused: list[ReadFailure]


def find_files(paths: Sequence[Input], follow_links: bool = False) -> FoundFiles:
    """The article files named or contained (recursively) in ``paths``, sorted per folder;
    URLs and bytes already read are passed through.

    Inside a folder, a symbolic link that leads outside it is refused unless
    ``follow_links``: pointing prov at a folder must not make it read files elsewhere.
    Files named directly are read as asked.
    """
    files: list[Input] = []
    refused: list[ReadFailure] = []
    for path in paths:
        if not isinstance(path, Path) or not path.is_dir():
            files.append(path)
            continue
        root = path.resolve()
        for found in sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p, path)):
            if follow_links or found.resolve().is_relative_to(root):
                files.append(found)
            else:
                refused.append(ReadFailure(str(found), f"links outside {path}; pass "
                                                       "--follow-links to read it"))
    return FoundFiles(files, refused)


def _wanted(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return not hidden and path.suffix.lower() in SUPPORTED


Layers = tuple[ArticleMeta, ArticleMeta]
Input = Path | RawInput | Remote
"""What prov reads articles from: a file, bytes already read (stdin), or a URL."""


def read_file(path: Path, override: ArticleMeta = ArticleMeta()) -> Iterator[
        SourceDocument | ReadFailure]:
    """The article(s) of one file; failures are yielded, never raised."""
    try:
        if not path.exists():
            raise InputError("no such file")
        _check_suffix(path.suffix)
        yield from _documents(str(path), path.read_bytes(), path.suffix.lower(),
                              (manifest_meta(path), override))
    except InputError as exc:
        yield ReadFailure(str(path), str(exc))
    except OSError as exc:
        yield ReadFailure(str(path), exc.strerror or str(exc))


def read_input(item: Input, override: ArticleMeta = ArticleMeta()) -> Iterator[
        SourceDocument | ReadFailure]:
    """The article(s) of a file, a URL or bytes already read; failures are yielded."""
    if isinstance(item, Path):
        yield from read_file(item, override)
        return
    source = input_name(item)
    try:
        raw = fetch(item) if isinstance(item, Remote) else item
        _check_suffix(raw.suffix)
        yield from _documents(source, raw.raw, raw.suffix.lower(), (raw.meta, override))
    except InputError as exc:
        yield ReadFailure(source, str(exc))


def input_name(item: Input) -> str:
    """How an input is named in messages and in the article's ``source``."""
    if isinstance(item, Remote):
        return item.url
    return item.source if isinstance(item, RawInput) else str(item)


def sniffed(source: str, raw: bytes) -> RawInput:
    """Bytes of no stated format (standard input), read as what they start like: markup is
    HTML, a brace or bracket JSON (JSON Lines when several lines open a record), else text
    with optional front matter."""
    head = raw.lstrip()[:1]
    if head == b"<":
        suffix = ".html"
    elif head in (b"{", b"["):
        records = sum(1 for line in raw.splitlines() if line.lstrip().startswith(b"{"))
        suffix = ".jsonl" if head == b"{" and records > 1 else ".json"
    else:
        suffix = ".md"
    return RawInput(source, raw, suffix)


def _check_suffix(suffix: str) -> None:
    if suffix.lower() not in SUPPORTED:
        raise InputError(f"unsupported file type {suffix or '(none)'!r}; "
                         f"use one of {', '.join(sorted(SUPPORTED))}")


def _documents(source: str, raw: bytes, suffix: str, layers: Layers) -> Iterator[
        SourceDocument | ReadFailure]:
    if suffix in JSON_SUFFIXES:
        yield from _json_documents(source, raw, suffix, layers)
    else:
        yield _text_document(source, raw, suffix, layers)


def _layered(found: dict[str, Any], layers: Layers) -> ArticleMeta:
    """The manifest gives way to the file's own metadata, which gives way to options."""
    manifest, override = layers
    if override.published:  # --published stands, whatever the file says
        found = {k: v for k, v in found.items() if k != "published"}
    return manifest.merged(_meta(found)).merged(override)


def _text_document(source: str, raw: bytes, suffix: str, layers: Layers) -> SourceDocument:
    text = decode(raw)
    if suffix in HTML_SUFFIXES:
        body, found = parse_html(text)
        fmt = "html"
    else:
        body, found = _split_front_matter(text)
        fmt = "md" if suffix != ".txt" else "txt"
    return SourceDocument(source, raw, _article_text(body), _layered(found, layers), fmt)


def _article_text(body: str) -> str:
    if not body.strip():
        raise InputError("no article text found")
    if len(body) > MAX_ARTICLE_CHARS:
        raise InputError(f"{len(body):,} characters of text, more than the "
                         f"{MAX_ARTICLE_CHARS:,} of any real article; split the file")
    return body


def _split_front_matter(text: str) -> tuple[str, dict[str, Any]]:
    m = _FRONT_MATTER.match(text)
    if not m:
        return text, {}
    try:
        data = yaml.load(m.group(1), Loader=_FrontMatterLoader) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"malformed front matter: {str(exc).splitlines()[0]}") from None
    except ValueError as exc:  # a date YAML reads itself: "published: 2024-13-45"
        raise InputError(f"malformed front matter: {exc}") from None
    except RecursionError:
        raise InputError("malformed front matter: nested too deeply") from None
    if not isinstance(data, dict):
        raise InputError("malformed front matter: expected 'key: value' lines")
    return text[m.end():], data


class _FrontMatterLoader(yaml.SafeLoader):
    """Safe YAML without anchors and aliases: front matter needs none, and aliases let a
    few hundred bytes expand into gigabytes ("billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            raise yaml.YAMLError("aliases (*name) are not allowed in front matter")
        return super().compose_node(parent, index)


def _json_documents(name: str, raw: bytes, suffix: str, layers: Layers) -> Iterator[
        SourceDocument | ReadFailure]:
    text = decode(raw)
    if suffix == ".jsonl":  # one record a line, each failing alone
        numbered = [(i + 1, line) for i, line in enumerate(text.splitlines()) if line.strip()]
    else:
        data = _loads(text, "file")
        numbered = [(n + 1, json.dumps(item, ensure_ascii=False))
                    for n, item in enumerate(data if isinstance(data, list) else [data])]
    for n, line in numbered:
        source = f"{name}#{n}"
        try:
            where = f"line {n}" if suffix == ".jsonl" else f"record {n}"
            yield _json_document(source, line, _loads(line, where), layers)
        except InputError as exc:
            yield ReadFailure(source, str(exc))


def _loads(text: str, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        at = f"column {exc.colno}" if exc.lineno == 1 else f"line {exc.lineno}, column {exc.colno}"
        raise InputError(f"malformed JSON ({where}, {at}): {exc.msg}") from None
    except RecursionError:
        raise InputError(f"malformed JSON ({where}): nested too deeply") from None


def _json_document(source: str, line: str, record: Any, layers: Layers) -> SourceDocument:
    if not isinstance(record, dict):
        raise InputError("expected a JSON object with a 'text' or 'maintext' field")
    body = record.get("text") or record.get("maintext")
    if not isinstance(body, str) or not body.strip():
        raise InputError("JSON object has no 'text' or 'maintext'")
    body = _article_text(printable(body))
    found = {
        "title": record.get("title"),
        "outlet": record.get("outlet") or record.get("source_domain"),
        "published": record.get("published") or record.get("date_publish"),
        "url": record.get("url"),
        "authors": record.get("authors") or record.get("author"),
    }
    return SourceDocument(source, line.encode("utf-8"), body, _layered(found, layers), "json")


def _meta(values: dict[str, Any]) -> ArticleMeta:
    def text(key: str) -> str | None:
        value = values.get(key)
        if value is None:
            return None
        if not isinstance(value, str | int | float):
            raise InputError(f"metadata {key!r} must be text, not {type(value).__name__}")
        return printable(str(value)).strip() or None
    return ArticleMeta(outlet=text("outlet"), published=parse_date(values.get("published")),
                       url=text("url"), title=text("title"),
                       authors=authors(values.get("authors") or values.get("author")))


MAX_AUTHORS = 50
"""More names than this in an author field is no byline; the rest are dropped."""


def authors(value: Any) -> tuple[str, ...]:
    """The names of an author field: a name, a list of names, or objects with a "name"
    (JSON-LD); "A and B" or "A, B" in one string are two names."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items[:MAX_AUTHORS]:
        if isinstance(item, dict):
            item = item.get("name")
        if isinstance(item, str):
            names += [n for n in (printable(part).strip() for part in
                                  re.split(r"\s*(?:,|;|\band\b)\s*", item)) if n]
    return tuple(dict.fromkeys(names))[:MAX_AUTHORS]


def parse_date(value: Any) -> date | None:
    """A publication date from front matter, JSON or HTML; ``None`` when there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    found = _written_date(text)
    if found is None:
        raise InputError(f"unreadable date {text!r}; use YYYY-MM-DD")
    return found


_WRITTEN_FORMATS = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%d.%m.%Y",
                    "%d/%m/%Y")
"""Dates as pages write them: "April 6, 2025", "6 Apr 2025", and day first with dots or
slashes ("06.04.2025" is 6 April: the order of most of the world's newsrooms; a US
"04/06/2025" must be given as --published)."""


def _written_date(text: str) -> date | None:
    try:
        return parsedate_to_datetime(text).date()  # RFC 2822: "Sun, 06 Apr 2025 10:00:00 GMT"
    except (TypeError, ValueError, IndexError):
        pass
    bare = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b", "", text.split(" at ")[0]).strip()
    for form in _WRITTEN_FORMATS:
        try:
            return datetime.strptime(bare, form).date()
        except ValueError:
            continue
    return None


_MANIFESTS: dict[Path, dict[str, Any]] = {}


def manifest_meta(path: Path) -> ArticleMeta:
    """Metadata the ``manifest.toml`` beside a file gives it (by file name)."""
    manifest = path.absolute().parent / MANIFEST_NAME  # beside the link, not its target
    if not manifest.is_file():
        return ArticleMeta()
    entries = _load_manifest(manifest)
    defaults = _table(entries, "defaults", manifest)
    return _meta({**defaults, **_table(_table(entries, "files", manifest), path.name, manifest)})


def _table(entries: dict[str, Any], key: str, manifest: Path) -> dict[str, Any]:
    value = entries.get(key, {})
    if not isinstance(value, dict):
        raise InputError(f"manifest {manifest}: {key!r} must be a table ([{key}])")
    return value


def _load_manifest(manifest: Path) -> dict[str, Any]:
    if manifest not in _MANIFESTS:
        try:
            _MANIFESTS[manifest] = tomllib.loads(manifest.read_text("utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InputError(f"manifest {manifest} is not valid TOML: {exc}") from None
    return _MANIFESTS[manifest]
