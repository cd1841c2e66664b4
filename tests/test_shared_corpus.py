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
    # Floors a little under today's figures: a regression alarm, not the goal.
    floors = {"parties": 0.95, "people": 0.95, "dates": 0.95, "therapy_areas": 0.88, "technologies": 0.9,
              "legal_frameworks": 0.95}
    for family, floor in floors.items():
        assert figures[family]["f1"] >= floor, (family, figures[family])
    assert figures["agreement_type_accuracy"] >= 0.95
    assert figures["signed_on_accuracy"] >= 0.9
