"""Who publishes a report, where and when: what ClaimReview markup must state."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from provenance.errors import InputError


@dataclass(frozen=True)
class Publication:
    """The publisher (an organisation), the address the report will be published at, the
    review's author when it is not the publisher, and the report's date."""

    publisher: str | None = None
    base_url: str | None = None
    author: str | None = None
    today: date = field(default_factory=date.today)

    def checked(self) -> Publication:
        """The publication, or :class:`InputError` when ClaimReview cannot be written."""
        if not self.publisher or not self.publisher.strip():
            raise InputError("ClaimReview needs the publishing organisation: give --publisher "
                             "(or PROV_PUBLISHER)")
        if not self.base_url:
            raise InputError("ClaimReview needs the address the report is published at: give "
                             "--base-url (or PROV_BASE_URL), e.g. https://desk.example/checks/x")
        parts = urlsplit(self.base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(f"--base-url must be an http(s) address, got {self.base_url!r}")
        return self

    @property
    def site(self) -> str | None:
        """The publisher's site: the base URL's scheme and host."""
        if not self.base_url:
            return None
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}/"

    def anchor(self, name: str) -> str:
        """The address of one thing in the report: the base URL with ``#name``."""
        return f"{(self.base_url or '').split('#', 1)[0]}#{name}"


def slug(text: str) -> str:
    """"Nicolás Maduro" -> "nicolás-maduro": a fragment id made from a name."""
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-") or "unnamed"
