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


_TEXTISH = st.text(alphabet="ab -(.,é1", max_size=30)


@settings(max_examples=300, deadline=None)
@given(_TEXTISH, _TEXTISH.filter(bool))
def test_literal_lookups_equal_the_regexes_they_replace(text, word):
    import re

    from mouextract.extract.textfind import occurrences, whole_words

    def spans(pattern: str) -> list[tuple[int, int]]:  # overlapping matches, as the look-ups report them
        return [(i, i + len(word)) for i in range(len(text) + 1) if re.compile(pattern).match(text, i)]

    w = re.escape(word)
    assert whole_words(text, word) == spans(rf"\b{w}\b")
    assert occurrences(text, word) == spans(rf"\b{w}")
    assert occurrences(text, word, joiners="-") == spans(rf"(?<![\w-]){w}(?![\w-])")
    assert occurrences(text, word, joiners="") == spans(rf"(?<!\w){w}(?!\w)")
