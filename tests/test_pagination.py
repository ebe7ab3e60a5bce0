"""The page links of a counted list: every page of a short list, a window of a long one."""

from __future__ import annotations

import pytest

from app.pagination import Page


def links(page: int, pages: int) -> list[int | None]:
    return Page([], page, 25, pages * 25).links


@pytest.mark.parametrize("pages", [1, 2, 5])
def test_a_short_list_links_every_page(pages: int) -> None:
    for page in range(1, pages + 1):
        assert links(page, pages) == list(range(1, pages + 1))


def test_a_long_list_links_the_first_the_last_and_the_pages_around_the_current() -> None:
    # The outdated-advice queue of a large hub: 2,128 items, 86 pages of 25.
    assert links(1, 86) == [1, 2, 3, None, 86]
    assert links(43, 86) == [1, None, 41, 42, 43, 44, 45, None, 86]
    assert links(86, 86) == [1, None, 84, 85, 86]
    assert links(5, 86) == [1, 2, 3, 4, 5, 6, 7, None, 86]  # a gap of one page shows it
    assert links(6, 86) == [1, None, 4, 5, 6, 7, 8, None, 86]
