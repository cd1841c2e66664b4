"""Accuracy on the shared development corpus, when it is present beside the checkout (skipped otherwise)."""

from __future__ import annotations

import json

import pytest

from conftest import SHARED, assert_grounded
from mouextract.evaluate import evaluate

CORPUS = SHARED / "corpus" / "dev"
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/dev is not present")


def test_dev_corpus_is_grounded_and_scores(extractor):
    texts = {}

    def predict(path):
        text = path.read_text(encoding="utf-8")
        result = extractor.extract(text)
        assert_grounded(text, result)
        texts[path] = result
        return json.loads(result.model_dump_json())

    report = evaluate([CORPUS, SHARED / "seeds"], predict)
    figures = report.figures()
    assert figures["documents"] >= 30
    # Floors well under today's figures: a regression alarm, not the goal.
    assert figures["parties"]["f1"] >= 0.8
    assert figures["legal_frameworks"]["f1"] >= 0.9
    assert figures["dates"]["f1"] >= 0.9
