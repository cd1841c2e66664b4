"""The real-article corpus: provenance, split and cached texts (which stay out of git; see tests/realworld/README.md)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

REALWORLD = Path(__file__).parent / "realworld"
CACHES = (REALWORLD / ".cache", Path.home() / ".cache" / "mouextract" / "realworld")
GOLDS = sorted(REALWORLD.glob("*.gold.json"))


def split_of(name: str) -> str:
    """The documented split: a third of the names, by sha256, are dev."""
    return "dev" if int(hashlib.sha256(name.encode()).hexdigest(), 16) % 3 == 0 else "train"


def test_corpus_size_and_spread():
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in GOLDS]
    agreements = [g for g in golds if g["agreement"]["type"]]
    assert len(golds) >= 150 and len(agreements) >= 130 and len(golds) - len(agreements) >= 20
    assert len({g["agreement"]["type"] for g in agreements}) == 7  # every agreement type is represented
    assert sum("terms" in g for g in agreements) == len(agreements)


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.name)
def test_gold_provenance_and_split(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    name = path.name.replace(".gold.json", "")
    assert gold["id"] == name
    assert gold["url"].startswith("http") and gold["query"].strip()
    assert len(gold["text_sha256"]) == 64
    assert gold["split"] == split_of(name)


def test_cached_texts_match_their_hash():
    checked = 0
    for path in GOLDS:
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = next((c / path.name.replace(".gold.json", ".txt") for c in CACHES
                     if (c / path.name.replace(".gold.json", ".txt")).exists()), None)
        if text is None:
            continue
        assert hashlib.sha256(text.read_bytes()).hexdigest() == gold["text_sha256"], text
        checked += 1
    if not checked:
        pytest.skip("no cached article texts on this machine (see tests/realworld/README.md)")
