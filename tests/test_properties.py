"""Property-based: extraction never raises and stays grounded; the reader decodes or raises its own error."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import assert_grounded
from mouextract.errors import InputError
from mouextract.reader import read_bytes

WORDS = st.sampled_from(["Alpha Bio", "signed", "an MOU", "with", "Beta University Hospital", "(CEO Kim Minsu)",
                         "on the 3rd", "last month", "cancer", "NK cells", "Act", "\n", "“", "'s", "2024.01.02"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_text_is_grounded(extractor, text):
    assert_grounded(text, extractor.extract(text))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_press_release_like_text_is_grounded(extractor, text):
    assert_grounded(text, extractor.extract(text))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_reader_decodes_or_raises_input_error(data):
    try:
        article = read_bytes(data)
    except InputError:
        return
    assert isinstance(article.text, str)
