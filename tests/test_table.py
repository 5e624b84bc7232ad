"""The plain-text tables every list command prints."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from provenance.cli.listing import Column
from provenance.cli.table import table, wrap

WORDS = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zs", "Zl",
                                                                 "Zp")), min_size=1)
TEXT = st.lists(WORDS, max_size=30).map(" ".join)


@given(TEXT, st.integers(min_value=2, max_value=60))
def test_wrapped_lines_fit_and_keep_every_character(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert all(cell_len(line) <= width for line in lines)
    assert "".join("".join(line.split()) for line in lines) == "".join(text.split())


def test_wrapping_breaks_at_spaces_and_folds_only_what_cannot_fit() -> None:
    assert wrap("the council met on Monday", 11) == ["the council", "met on", "Monday"]
    assert wrap("see https://example.org/a/long/path", 12) == [
        "see", "https://exam", "ple.org/a/lo", "ng/path"]
    assert wrap("a claim\n  in: its sentence", 30) == ["a claim", "  in: its sentence"]


@given(st.lists(st.tuples(TEXT, TEXT), min_size=1, max_size=8),
       st.integers(min_value=40, max_value=120))
def test_a_table_fits_its_width_when_its_fixed_columns_do(rows: list[tuple[str, str]],
                                                          width: int) -> None:
    layouts = [Column("id", "id", right=True), Column("who", "who", wrap=True),
               Column("claim", "claim", wrap=True)]
    cells = [[str(n), who, said] for n, (who, said) in enumerate(rows)]
    out = table(layouts, cells, [False] * len(cells), width)
    assert all(cell_len(line) <= width for line in out.splitlines())


def test_short_columns_keep_their_width_and_the_widest_wraps() -> None:
    layouts = [Column("outlet", "outlet", wrap=True), Column("claim", "claim", wrap=True)]
    out = table(layouts, [["North Herald", "The council voted to close the coal plant by "
                           "2030, its leader said on Monday."]], [False], 50)
    assert out.splitlines()[2].startswith("North Herald   The council")
    assert all(cell_len(line) <= 50 for line in out.splitlines())
