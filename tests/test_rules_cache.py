"""The vocabulary matchers built from cached phrase tokens match exactly what tokenised phrase Docs match."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.matcher import PhraseMatcher

from mouextract.pipeline import build_rules, cache_dir, phrase_tokens

TEXT = ("Acme will develop CAR-T cell therapies for non-small cell lung cancer and Tumours of the liver, "
        "using AAV gene therapy and mRNA vaccines under the Inflation Reduction Act; NSCLC and AML too.")


def _matches(rules: Any, doc: Any) -> list[list[tuple[int, int, int]]]:
    return [sorted(m(doc)) for v in (rules.therapy, rules.technology, rules.laws) for m in (v.lower, v.exact)]


def _from_docs(nlp: Any, rules: Any, doc: Any) -> list[list[tuple[int, int, int]]]:
    """The same vocabularies compiled the plain way, from tokenised phrase Docs."""
    out = []
    for vocabulary, matcher in ((v, m) for v in (rules.therapy, rules.technology, rules.laws) for m in (v.lower, v.exact)):
        plain = PhraseMatcher(nlp.vocab, attr="LOWER" if matcher is vocabulary.lower else "ORTH")
        for key in {nlp.vocab.strings[k] for k, _, _ in matcher(doc)}:
            phrases = [doc[s:e].text for k, s, e in matcher(doc) if nlp.vocab.strings[k] == key]
            plain.add(key, [nlp.make_doc(p) for p in phrases])
        out.append(sorted(plain(doc)))
    return out


def test_cached_tokens_give_the_same_matches(extractor: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOUEXTRACT_CACHE", str(tmp_path))
    doc = extractor.nlp.make_doc(TEXT)
    first = build_rules(extractor.nlp)  # tokenises and writes the cache
    assert len(list(tmp_path.glob("phrase-tokens-*.json"))) == 1
    second = build_rules(extractor.nlp)  # reads it
    found = _matches(first, doc)
    assert found == _matches(second, doc) == _matches(extractor.rules, doc)
    assert found == _from_docs(extractor.nlp, first, doc)
    assert sum(map(len, found)) >= 8  # CAR-T, lung cancer, tumours, AAV, gene therapy, mRNA, the Act, NSCLC, AML


def test_a_corrupt_or_unwritable_cache_is_only_slower(extractor: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOUEXTRACT_CACHE", str(tmp_path))
    phrases = ["non-small cell lung cancer", "CAR-T", "U.S. Food and Drug Administration"]
    tokens = phrase_tokens(extractor.nlp, phrases)
    assert tokens["CAR-T"] == ["CAR", "-", "T"]
    phrase_tokens(extractor.nlp, phrases[:2])  # other phrases: a new file replaces the old one
    assert len(list(tmp_path.glob("phrase-tokens-*.json"))) == 1
    phrase_tokens(extractor.nlp, phrases)
    (cached,) = tmp_path.glob("phrase-tokens-*.json")
    cached.write_text("[not json", encoding="utf-8")
    assert phrase_tokens(extractor.nlp, phrases) == tokens
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("MOUEXTRACT_CACHE", str(blocked / "sub"))  # a folder that cannot be made
    assert phrase_tokens(extractor.nlp, phrases) == tokens
    assert cache_dir() == blocked / "sub"


def _data_patterns(extractor: Any, monkeypatch: pytest.MonkeyPatch) -> set[tuple[str, int]]:
    """Every (pattern, flags) the extraction compiles through resources.regex, on one made-up article."""
    from mouextract import resources

    seen: set[tuple[str, int]] = set()
    plain = resources.RegexCodes.compile

    def record(self: Any, pattern: str, flags: int) -> Any:
        seen.add((pattern, flags))
        return plain(self, pattern, flags)

    monkeypatch.setattr(resources.RegexCodes, "compile", record)
    resources.regex.cache_clear()
    try:
        extractor.extract("Norvale Bio and the Ostrin Institute signed a licence agreement on 3 May 2024. "
                          "Dr. Mira Holt, Chief Executive Officer of Norvale Bio, said the upfront payment is $5 million.")
    finally:
        resources.regex.cache_clear()
    return seen


def test_replayed_regex_code_equals_a_fresh_compile(extractor: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pattern equality compares the compiled code: the replayed patterns are the very ones re.compile makes."""
    import re

    from mouextract.resources import RegexCodes, _regex_codes

    patterns = _data_patterns(extractor, monkeypatch)
    assert len(patterns) > 50 and any(flags for _, flags in patterns)
    path = tmp_path / "regex-code-test.marshal"
    first = RegexCodes(path)
    made = {key: first.compile(*key) for key in patterns}
    first.save()
    second = RegexCodes(path)
    assert set(second.entries) == patterns
    for key, pattern in made.items():
        fresh = re.compile(*key)
        assert pattern == fresh == second.compile(*key)
        assert (pattern.groups, pattern.groupindex) == (fresh.groups, fresh.groupindex)
    assert not second.added  # all replayed: nothing to write
    assert _regex_codes().path is None or _regex_codes().path.name.startswith("regex-code-")


def test_a_damaged_regex_code_cache_is_only_slower(tmp_path: Path) -> None:
    import re

    from mouextract.resources import RegexCodes

    path = tmp_path / "regex-code-test.marshal"
    path.write_bytes(b"\x00 not marshal")
    codes = RegexCodes(path)
    assert codes.entries == {}
    pattern = r"(?P<firm>[A-Z]\w+) (?:signs|inks) an? (?i:licen[cs]e)"
    codes.entries[(pattern, 0)] = (0, [1, 2, 3], 0, {}, ())  # code the engine refuses
    assert codes.compile(pattern, 0) == re.compile(pattern)
    assert codes.compile("x+", int(re.IGNORECASE)) == re.compile("x+", re.IGNORECASE)
    assert RegexCodes(None).compile(pattern, 0) == re.compile(pattern)
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    unwritable = RegexCodes(blocked / "sub" / "regex-code-test.marshal")
    unwritable.compile(pattern, 0)
    unwritable.save()  # a folder that cannot be made: nothing raised


def test_an_overgrown_regex_code_cache_keeps_what_the_process_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mouextract import resources

    monkeypatch.setattr(resources, "_MAX_ENTRIES", 3)
    path = tmp_path / "regex-code-test.marshal"
    old = resources.RegexCodes(path)
    for word in ("alpha", "beta", "gamma", "delta"):  # patterns of data since edited
        old.compile(rf"\b{word}\b", 0)
    old.save()
    assert len(resources.RegexCodes(path).entries) == 4  # saved before the cap applied: 4 used, all kept
    codes = resources.RegexCodes(path)
    codes.compile(r"\bbeta\b", 0)  # a hit
    codes.compile(r"\bepsilon\b", 0)  # new
    codes.save()
    assert {p for p, _ in resources.RegexCodes(path).entries} == {r"\bbeta\b", r"\bepsilon\b"}


def test_importing_the_people_extractors_reads_no_data_file() -> None:
    """The lexicon's post-nominal letters are read on first use, not at import (a cheap import, like the other data)."""
    import subprocess
    import sys

    code = ("import mouextract.extract.affiliation, mouextract.extract.people\n"
            "from mouextract.resources import load_json\n"
            "print(load_json.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "0"


def test_a_phrases_variants_are_made_once_and_shared() -> None:
    """The matchers' compilation and the phrase index ask for the same phrases: one frozen set each, cached."""
    from mouextract.pipeline import variants

    first = variants("lateral-flow assay")
    assert variants("lateral-flow assay") is first and isinstance(first, frozenset)
    assert {"lateral flow assay", "lateral-flow assays", "lateral flow assays"} <= first
