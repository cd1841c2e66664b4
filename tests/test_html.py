"""The evidence page: segments, overlap levels, deal terms, the CLI, and the page in a real headless Chromium."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, Field
from typer.testing import CliRunner

import headless
from mouextract.cli import app
from mouextract.evidence import Fact, page_data, render_html, segments_of
from mouextract.models import Agreement, Extraction, Mention

FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def fact_texts(data: dict[str, Any]) -> dict[str, list[str]]:
    """Per fact id, the text of each of its highlighted runs (segments with the id, joined where contiguous)."""
    runs: dict[str, list[list[Any]]] = {}
    for seg in data["segments"]:
        for fid in seg.facts.split():
            group = runs.setdefault(fid, [])
            if group and group[-1][1] == seg.start:
                group[-1][1], group[-1][2] = seg.end, group[-1][2] + seg.text
            else:
                group.append([seg.start, seg.end, seg.text])
    return {fid: [r[2] for r in group] for fid, group in runs.items()}


def merged_mentions(spans: list[tuple[int, int, str]], text: str) -> list[str]:
    """The texts a fact's spans cover, overlapping or touching spans merged (as the page draws them)."""
    out: list[list[int]] = []
    for s, e, _ in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [text[s:e] for s, e in out]


def test_segments_rebuild_the_text_and_every_fact(fixture_results):
    for name, (text, extraction) in fixture_results.items():
        data = page_data(extraction, text)
        assert "".join(s.text for s in data["segments"]) == text, name
        runs = fact_texts(data)
        facts = [data["agreement"], *(f for s in data["sections"] for f in s.facts)]
        for f in facts:
            assert runs.get(f.id, []) == merged_mentions(f.spans, text), (name, f.label)


def test_nested_and_crossing_mentions_get_their_own_levels():
    facts = [Fact("f0", "party", "A", spans=[(0, 6, "party")]), Fact("f1", "therapy", "B", spans=[(2, 4, "therapy")]),
             Fact("f2", "date", "C", spans=[(5, 9, "date")])]
    segments = {(s.start, s.end): [(m.fact, m.level) for m in s.marks] for s in segments_of("abcdefghij", facts, [])}
    assert segments == {(0, 2): [(0, 0)], (2, 4): [(0, 0), (1, 1)], (4, 5): [(0, 0)], (5, 6): [(0, 0), (2, 1)],
                        (6, 9): [(2, 1)], (9, 10): []}


def test_page_is_self_contained_with_mesh_links(fixture_results):
    text, extraction = fixture_results["korean_news_mou"]
    page = render_html(extraction, text, source="korean_news_mou.txt")
    assert "default-src 'none'" in page  # the Content-Security-Policy forbids any fetch
    assert not re.search(r"<(link|img|iframe)\b|\bsrc=", page)
    assert 'href="https://meshb.nlm.nih.gov/record/ui?ui=D009101"' in page  # Multiple Myeloma
    assert page.count('class="noise"') >= 3  # "Share this", the menu and the reporter line are shown greyed


class _Payment(BaseModel):
    kind: str
    amount: int | None = None
    up_to: bool = False
    mentions: list[Mention] = Field(default_factory=list)


class _Terms(BaseModel):
    financial_terms_disclosed: bool | None = None
    payments: list[_Payment] = Field(default_factory=list)
    term: str | None = None
    term_mentions: list[Mention] = Field(default_factory=list)


class _AgreementWithTerms(Agreement):
    terms: _Terms | None = None  # type: ignore[assignment]


def test_deal_terms_are_read_generically_from_their_model():
    text = "Alpha Bio will pay Beta an upfront payment of $20 million under a five-year license."
    def at(s: str) -> Mention:
        return Mention(text=s, start=text.index(s), end=text.index(s) + len(s))
    terms = _Terms(financial_terms_disclosed=True, term="P5Y", term_mentions=[at("five-year")],
                   payments=[_Payment(kind="upfront", amount=20_000_000, mentions=[at("$20 million")])])
    extraction = Extraction(agreement=_AgreementWithTerms(type="license", mentions=[at("license")], terms=terms),
                            meta={"tool_version": "0", "model": "m", "model_version": "0"})
    data = page_data(extraction, text)
    section = next(s for s in data["sections"] if s.family == "terms")
    got = {f.label: (f.details, [text[s:e] for s, e, _ in f.spans]) for f in section.facts}
    assert got == {"payments: upfront": ([("amount", "20,000,000")], ["$20 million"]), "term: P5Y": ([], ["five-year"])}
    assert ("financial terms disclosed", "yes") in data["headline"] and ("term", "P5Y") in data["headline"]
    page = render_html(extraction, text)
    assert 'title="Deal terms: payments: upfront">$20 million</span>' in page


def test_real_deal_terms_when_the_model_has_them(fixture_results):
    """Once issue 11's terms are extracted, each of their mentions is highlighted on the page."""
    for text, extraction in fixture_results.values():
        terms = getattr(extraction.agreement, "terms", None)
        if not terms:
            continue
        data = page_data(extraction, text)
        section = next((s for s in data["sections"] if s.family == "terms"), None)
        spans = {(s, e) for f in (section.facts if section else []) for s, e, _ in f.spans}
        from mouextract.evidence import mentions_in

        assert {(m.start, m.end) for m in mentions_in(terms) if m.end > m.start} <= spans


def test_parse_html_to_a_file(tmp_path):
    out = tmp_path / "page.html"
    result = runner.invoke(app, ["parse", str(FIXTURES / "us_wire_license.txt"), "--format", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "us_wire_license.txt" in page and 'data-f="' in page
    bad = runner.invoke(app, ["parse", str(FIXTURES / "us_wire_license.txt"), "-f", "html", "-o", str(tmp_path / "no/x.html")])
    assert bad.exit_code == 5 and bad.output.count("\n") == 1 and "cannot write" in bad.output


def test_batch_writes_one_page_per_input(tmp_path):
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
    (tmp_path / "a" / "deal.txt").write_text((FIXTURES / "us_wire_license.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b" / "deal.txt").write_text((FIXTURES / "korean_news_mou.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "b" / "empty.txt").write_text("", encoding="utf-8")
    out, pages = tmp_path / "out.jsonl", tmp_path / "pages"
    result = runner.invoke(app, ["batch", str(tmp_path / "a"), str(tmp_path / "b"), "--out", str(out), "--html", str(pages),
                                 "--workers", "1"])
    assert result.exit_code == 1  # the empty input is an error record, and gets no page
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    digest = next(r["sha256"] for r in records if r["source"].endswith("b/deal.txt"))
    assert sorted(p.name for p in pages.iterdir()) == ["deal-" + digest[:8] + ".html", "deal.html"]
    assert "Hanbit Cellwave" in (pages / f"deal-{digest[:8]}.html").read_text(encoding="utf-8")
    assert "2 evidence pages" in result.output


# --- in a real browser -------------------------------------------------------------------------------------------

needs_browser = pytest.mark.skipif(headless.unavailable() is not None, reason=headless.unavailable() or "")


@pytest.fixture(scope="module")
def chromium():
    with headless.browser() as b:
        yield b


def open_page(chromium: Any, path: Path) -> tuple[Any, list[str], float]:
    """Open a file in a new page; return it, the URLs it requested besides itself, and seconds to the load event."""
    page = chromium.new_page(viewport={"width": 1400, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    started = time.perf_counter()
    page.goto(path.as_uri(), wait_until="load")
    seconds = time.perf_counter() - started
    return page, [u for u in requests if u != path.as_uri()], seconds


HIGHLIGHTED_RUNS = """() => {
  const runs = [];
  for (const el of document.querySelectorAll('#text .on')) {
    const start = Number(el.dataset.s), last = runs[runs.length - 1];
    if (last && last.end === start) { last.text += el.textContent; last.end += el.textContent.length; }
    else runs.push({start, end: start + el.textContent.length, text: el.textContent});
  }
  return runs.map((r) => r.text);
}"""


@needs_browser
def test_clicking_a_party_highlights_exactly_its_mentions(chromium, fixture_results, tmp_path):
    text, extraction = fixture_results["korean_news_mou"]
    path = tmp_path / "page.html"
    path.write_text(render_html(extraction, text, source="korean_news_mou.txt"), encoding="utf-8")
    page, requests, _ = open_page(chromium, path)
    for party in extraction.parties:
        page.click(f".fact.f-party:has(.name:text-is('{party.name}'))")
        assert page.evaluate(HIGHLIGHTED_RUNS) == [m.text for m in party.mentions]
        assert page.locator(".fact.sel .name").inner_text() == party.name
        first = page.locator("#text .on").first
        assert f"Party: {party.name}" in (first.get_attribute("title") or "")  # what hovering shows
        first.hover()
    page.click(".fact.f-party:has(.name:text-is('Hanbit Cellwave'))")
    page.click(".fact.f-party:has(.name:text-is('Hanbit Cellwave'))")  # a second click clears the selection
    assert page.locator("#text .on").count() == 0
    grey = page.locator("#text .noise").first
    assert grey.inner_text() and grey.evaluate("e => getComputedStyle(e).color") == "rgb(156, 163, 175)"
    page.close()
    assert requests == []


@needs_browser
def test_clicking_in_the_text_selects_the_fact(chromium, fixture_results, tmp_path):
    text, extraction = fixture_results["us_wire_license"]
    path = tmp_path / "page.html"
    path.write_text(render_html(extraction, text), encoding="utf-8")
    page, requests, _ = open_page(chromium, path)
    person = extraction.people[0]
    page.locator(f"#text [title='Person: {person.name}']").first.click()
    assert page.locator(".fact.sel .name").inner_text() == person.name
    page.close()
    assert requests == []


def _repeated(text: str, extraction: Extraction, size: int) -> tuple[str, Extraction]:
    """The article repeated to ``size`` characters, each fact's mentions repeated with it (no re-extraction)."""
    copies = size // (len(text) + 2) + 1
    step = len(text) + 2
    data = extraction.model_dump(mode="json")

    def grow(obj: Any) -> None:
        if isinstance(obj, dict):
            for key, value in obj.items():
                if key in ("mentions", "quotes") and isinstance(value, list):
                    obj[key] = [{**m, "start": m["start"] + k * step, "end": m["end"] + k * step}
                                for k in range(copies) for m in value]
                else:
                    grow(value)
        elif isinstance(obj, list):
            for item in obj:
                grow(item)

    grow(data)
    return (text + "\n\n") * copies, Extraction.model_validate(data)


@needs_browser
def test_page_of_a_200_kb_article_opens_fast(chromium, fixture_results, tmp_path, capsys):
    text, extraction = _repeated(*fixture_results["us_wire_alliance"], 200_000)
    started = time.perf_counter()
    page_html = render_html(extraction, text)
    rendered = time.perf_counter() - started
    path = tmp_path / "big.html"
    path.write_text(page_html, encoding="utf-8")
    page, requests, seconds = open_page(chromium, path)
    party = extraction.parties[0]
    clicked = time.perf_counter()
    page.click(f".fact.f-party:has(.name:text-is('{party.name}'))")
    runs = page.evaluate(HIGHLIGHTED_RUNS)
    click_seconds = time.perf_counter() - clicked
    assert runs == [m.text for m in party.mentions]
    with capsys.disabled():
        print(f"\n[evidence page] {len(text) / 1000:.0f} KB article, {len(page_html) / 1e6:.1f} MB page, "
              f"{sum(len(f.mentions) for f in extraction.parties)} party mentions: rendered in {rendered:.2f} s, "
              f"opened in {seconds:.2f} s, click-to-highlight {click_seconds:.2f} s")
    page.close()
    assert requests == []
