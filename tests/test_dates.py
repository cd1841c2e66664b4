"""Date resolution rules that no library has (press-release conventions)."""

from __future__ import annotations

import pytest

from mouextract.extract.dates import Found, RefDate, iso, resolve


@pytest.mark.parametrize("kind, text, ref, value", [
    ("the_nth", "the 17th", RefDate(2024, 6, 18), "2024-06-17"),
    ("nth_rel", "the 30th of last month", RefDate(2024, 10, 8), "2024-09-30"),
    ("rel_period", "last month", RefDate(2025, 1, 3), "2024-12"),
    ("rel_period", "last month", RefDate(None, 7, 24), "--06"),
    ("rel_period", "last week", RefDate(2024, 11, 12), "2024-11"),
    ("rel_period", "next quarter", RefDate(2024, 10, 24), "2025"),
    ("rel_period", "earlier this year", RefDate(2025, 7, 8), "2025"),
    ("weekday", "Wednesday", RefDate(2025, 1, 9), "2025-01-08"),
    ("weekday", "Thursday", RefDate(2025, 1, 9), "2025-01-09"),  # the reference's own weekday is that day
    ("weekday", "last Thursday", RefDate(2025, 1, 9), "2025-01-02"),
    ("weekday", "Wednesday", RefDate(None, 1, 9, weekday=3), "--01-08"),  # "Jan. 9 -- X said Thursday"
    ("weekday", "Wednesday", RefDate(None, 1, 9), None),
    ("part_year", "the second half of next year", RefDate(2024, 12, 6), "2025"),
    ("m_rel", "May last year", RefDate(2024, 8, 22), "2023-05"),
    ("md_rel", "September 1 this year", RefDate(2020, 9, 15), "2020-09-01"),
    ("md", "March 11", RefDate(2025, 3, 14), "2025-03-11"),
    ("mdy", "Sept. 16, 2025", None, "2025-09-16"),
    ("dmy", "4 February 2025", None, "2025-02-04"),
    ("ymd", "2024.06.18", None, "2024-06-18"),
    ("md", "Jan. 9", None, "--01-09"),
    ("rel_period", "last year", None, None),
])
def test_resolve(kind, text, ref, value):
    assert resolve(Found(kind, 0, len(text), text), ref) == value


def test_iso_truncation():
    assert iso(None, 7, 24) == "--07-24" and iso(2020, 6, None) == "2020-06" and iso(None, None, None) is None


def test_law_years_and_product_codes_are_not_dates(extractor):
    text = ("Alpha Bio signed an MOU with Beta Hospital on 3 March 2025. The work follows the Data Protection Act 2018 "
            "and the HSR Act of 1976; its candidate BRT-1922 enters trials in 2026.")
    values = {d.value for d in extractor.extract(text).dates}
    assert values == {"2025-03-03", "2026"}


def test_yearless_wire_dateline_anchors_weekdays(extractor):
    text = ("SEOUL, Jan. 9 (Wire) -- Corvid Bio said Thursday it has signed a license agreement with Halden "
            "Pharma. The agreement was signed in Busan on Wednesday.\n")
    result = extractor.extract(text)
    assert result.agreement.signed_on == "--01-08"
