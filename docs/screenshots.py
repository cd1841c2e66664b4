"""Screenshots of the evidence page and the batch report for the README, taken by the browser the tests use.

Usage: python docs/screenshots.py   (needs Debian's chromium and the test extra; writes docs/evidence.png, docs/report.png)
Both pages are built from our own fixture articles, extracted afresh.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
sys.path.insert(0, str(ROOT / "tests"))  # tests/headless.py: the same Chromium launch as the browser tests

import headless
from mouextract.evidence import render_html
from mouextract.extractor import Extractor
from mouextract.report import build_report, read_records, render_report_html

ARTICLE = "korean_news_mou"  # masked page furniture, a quote with a disease inside it, parties, people, laws
PARTY = "Hanbit Cellwave"  # selected in the screenshot


def main() -> None:
    reason = headless.unavailable()
    if reason:
        sys.exit(f"screenshots: {reason}")
    extractor = Extractor()
    lines = []
    pages: dict[str, str] = {}
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        extraction = extractor.extract(text)
        lines.append(json.dumps({"source": f"fixtures/{path.name}", "sha256": None, **extraction.model_dump(mode="json")}))
        if path.stem == ARTICLE:
            pages["evidence"] = render_html(extraction, text, source=f"tests/fixtures/{path.name}")
    pages["report"] = render_report_html(build_report(read_records(lines)), source="mouextract batch tests/fixtures")
    with tempfile.TemporaryDirectory() as tmp, headless.browser() as chromium:
        for name, html in pages.items():
            page_path = Path(tmp) / f"{name}.html"
            page_path.write_text(html, encoding="utf-8")
            page = chromium.new_page(viewport={"width": 1400, "height": 860} if name == "evidence" else
                                     {"width": 1300, "height": 1500})
            page.goto(page_path.as_uri(), wait_until="load")
            if name == "evidence":
                page.click(f".fact.f-party:has(.name:text-is('{PARTY}'))")
                page.locator("#text").evaluate("e => e.scrollTo(0, 0)")
            out = ROOT / "docs" / f"{name}.png"
            page.screenshot(path=str(out))
            page.close()
            print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
