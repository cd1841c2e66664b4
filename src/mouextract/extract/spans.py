"""A sorted index of character spans for overlap and containment look-ups in O(log n + k).

Hand-written because the look-ups are tiny and hot: every mention is checked against every name,
law and noise span, and a plain ``any()`` over all spans makes a long article cost quadratic time.
Spans are short (names, dates, laws), so only spans starting within ``width`` before a query can hit it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

Span = tuple[int, int]


def starting_in(items: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The pairs of a sorted list whose first value lies in [lo, hi): spans by their start, (offset, index) pairs."""
    return items[bisect.bisect_left(items, (lo, -(1 << 62))):bisect.bisect_left(items, (hi, -(1 << 62)))]


class SpanIndex:
    """Spans sorted by start; ``add`` keeps the order."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self.spans: list[Span] = sorted(set(spans))
        self.width = max((e - s for s, e in self.spans), default=0)

    def add(self, span: Span) -> None:
        bisect.insort(self.spans, span)
        self.width = max(self.width, span[1] - span[0])

    def _near(self, start: int, end: int) -> list[Span]:
        lo = bisect.bisect_left(self.spans, (start - self.width, -1))
        hi = bisect.bisect_right(self.spans, (end, 1 << 62))
        return self.spans[lo:hi]

    def overlaps(self, start: int, end: int) -> bool:
        return any(s < end and start < e for s, e in self._near(start, end))

    def covers(self, start: int, end: int, strictly: bool = False) -> bool:
        """Whether a span contains [start, end) (a longer one only, when ``strictly``)."""
        return any(s <= start and end <= e and not (strictly and (s, e) == (start, end))
                   for s, e in self._near(start, end))

    def covering(self, start: int, end: int) -> list[Span]:
        """The longer spans that contain [start, end)."""
        return [(s, e) for s, e in self._near(start, end) if s <= start and end <= e and (s, e) != (start, end)]
