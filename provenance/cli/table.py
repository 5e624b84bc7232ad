"""Plain-text tables: columns as wide as their contents, and the wrapping columns sharing
what is left of the terminal, their text wrapped at spaces. (A rich Table took about a
millisecond a row, most of the time of a 200-group listing.)"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from rich.cells import cell_len

GAP = "   "
RULE = "\u2500"


class Layout(Protocol):
    """What a table needs of a column (``listing.Column`` is one): its header, whether it
    may wrap to fit (else it is as wide as its content), and whether it is right-aligned."""

    @property
    def header(self) -> str: ...

    @property
    def wrap(self) -> bool: ...

    @property
    def right(self) -> bool: ...


def table(layouts: Sequence[Layout], rows: Sequence[Sequence[str]],
          sections: Sequence[bool], width: int) -> str:
    """``rows`` (cells as text, newlines kept) under a header and a rule, fitted to
    ``width`` columns; a blank line before each row whose ``sections`` flag is set."""
    widths = _widths(layouts, rows, width)
    lines = _row_lines(layouts, [layout.header for layout in layouts], widths)
    lines.append(RULE * (sum(widths) + len(GAP) * (len(widths) - 1)))
    for row, section in zip(rows, sections, strict=True):
        if section:
            lines.append("")
        lines += _row_lines(layouts, row, widths)
    return "".join(line.rstrip() + "\n" for line in lines)


def _row_lines(layouts: Sequence[Layout], cells: Sequence[str], widths: list[int]) -> list[str]:
    wrapped = [wrap(cell, w) for cell, w in zip(cells, widths, strict=True)]
    lines = []
    for n in range(max(map(len, wrapped))):
        parts = []
        for layout, cell, w in zip(layouts, wrapped, widths, strict=True):
            text = cell[n] if n < len(cell) else ""
            pad = " " * (w - cell_len(text))
            parts.append(pad + text if layout.right else text + pad)
        lines.append(GAP.join(parts))
    return lines


def _natural(text: str) -> int:
    return max(map(cell_len, text.split("\n")))


def _widths(layouts: Sequence[Layout], rows: Sequence[Sequence[str]], width: int) -> list[int]:
    """Each column's width: its content's, but the wrapping columns share what the others
    leave, the widest narrowed first (all to one cap, the narrower keeping their own)."""
    natural = [max([_natural(layout.header), *(_natural(row[i]) for row in rows)])
               for i, layout in enumerate(layouts)]
    sharing = sorted((natural[i], i) for i, layout in enumerate(layouts) if layout.wrap)
    room = width - len(GAP) * (len(layouts) - 1) - sum(
        natural[i] for i, layout in enumerate(layouts) if not layout.wrap)
    widths = list(natural)
    for n, (own, i) in enumerate(sharing):
        cap = room // (len(sharing) - n)
        if own > cap:  # this column and every wider one get the cap
            for _, j in sharing[n:]:
                widths[j] = max(1, cap)
            break
        room -= own
    return widths


def wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` cells: broken at spaces, words longer than a
    line folded, each line of ``text`` starting a new one with its indent."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split()
        line = paragraph[:len(paragraph) - len(paragraph.lstrip(" "))] if words else ""
        for word in words:
            joined = f"{line} {word}" if line.strip() else line + word
            if cell_len(joined) <= width:
                line = joined
                continue
            if line.strip():
                out.append(line)
            while cell_len(word) > width:
                head = _fitting(word, width)
                out.append(head)
                word = word[len(head):]
            line = word
        out.append(line)
    return out


def _fitting(word: str, width: int) -> str:
    """The longest start of ``word`` that fits in ``width`` cells (one character at least)."""
    end = 1
    while end < len(word) and cell_len(word[:end + 1]) <= width:
        end += 1
    return word[:end]
