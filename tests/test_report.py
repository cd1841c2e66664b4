"""The batch report: tallies, filters, organisations across articles, the CLI, and the HTML page in Chromium."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import headless
from mouextract.cli import app
from mouextract.report import Filters, build_report, party_kinds, read_records, render_report_html

runner = CliRunner()


def record(type_: str | None = "license", signed: str | None = "2025-03-28", parties: list[dict[str, Any]] | None = None,
           areas: list[dict[str, Any]] | None = None, **extra: Any) -> dict[str, Any]:
    return {"source": "x.txt", "sha256": "0" * 64, "agreement": {"type": type_, "signed_on": signed, "status": "signed"},
            "parties": parties or [], "therapy_areas": areas or [], "technologies": [], "legal_frameworks": [], **extra}


def party(name: str, kind: str | None = "company", aliases: list[str] | None = None) -> dict[str, Any]:
    return {"name": name, "kind": kind, "aliases": aliases or []}


@pytest.fixture(scope="module")
def results(fixture_results, tmp_path_factory) -> Path:
    """JSON Lines of the fixtures as a batch writes them, plus an error record and a line cut short."""
    path = tmp_path_factory.mktemp("report") / "results.jsonl"
    lines = [json.dumps({"source": f"{name}.txt", "sha256": "0" * 64, **extraction.model_dump(mode="json")})
             for name, (_, extraction) in fixture_results.items()]
    lines.append(json.dumps({"source": "broken.txt", "sha256": None,
                             "error": {"type": "InputError", "message": "broken.txt: empty input"}}))
    lines.append('{"source": "cut.txt", "agree')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_counts_filters_and_errors():
    rows = [record(), record("mou", "2025-05"), record(None, None), record("license", "2024"),
            {"source": "bad.txt", "sha256": None, "error": {"type": "InputError", "message": "bad.txt: empty input"}}, None]
    report = build_report(rows)
    assert (report.records, report.articles, report.agreements, report.unreadable_lines) == (5, 4, 3, 1)
    assert report.counts["by_type"] == Counter({"license": 2, "mou": 1})
    assert report.errors == [("bad.txt", "InputError", "bad.txt: empty input")]
    assert report.months == [("2025-03", 1), ("2025-04", 0), ("2025-05", 1)] and report.undated == 1  # "2024" has no month
    assert build_report(rows, Filters(type="license")).agreements == 2
    assert build_report(rows, Filters(since="2025-04")).agreements == 1  # only the May MOU
    assert build_report(rows, Filters(since="2024-06")).agreements == 3  # "2024" is within 2024-06 at year precision
    assert build_report(rows, Filters(until="2025-03-31")).agreements == 2


def test_therapy_filter_matches_category_or_area():
    rows = [record(areas=[{"name": "Multiple Myeloma", "category": "oncology"}]),
            record(areas=[{"name": "Heart Failure", "category": "cardiovascular"}])]
    assert build_report(rows, Filters(therapy="Oncology")).agreements == 1
    assert build_report(rows, Filters(therapy="heart failure")).agreements == 1
    report = build_report(rows)
    assert report.counts["therapy_categories"] == Counter({"oncology": 1, "cardiovascular": 1})


def test_party_kinds():
    assert party_kinds([party("A"), party("B", "hospital")]) == "company–hospital"
    assert party_kinds([party("A"), party("B")]) == "company–company"
    assert party_kinds([party("A", None), party("B", "university"), party("C")]) == "company–university–unknown"


def test_organisations_are_matched_across_articles_by_name_and_alias():
    rows = [record(parties=[party("Corvida Therapeutics, Inc.", aliases=["Corvida"]), party("Halden Biopharma")]),
            record(parties=[party("Corvida Therapeutics"), party("Daejin University Hospital", "hospital")]),
            record(parties=[party("The Corvida Therapeutics Inc"), party("Halden Biopharma Ltd")])]
    top = build_report(rows).organisations
    assert (top[0].deals, top[0].partners) == (3, [("Halden Biopharma", 2), ("Daejin University Hospital", 1)])
    assert top[0].names == ["Corvida Therapeutics", "Corvida Therapeutics, Inc.", "The Corvida Therapeutics Inc"]
    assert (top[1].name, top[1].deals) == ("Halden Biopharma", 2)  # "Ltd" makes no different organisation


def test_cli_json_filters_and_errors(results):
    result = runner.invoke(app, ["report", str(results), "--json", "--type", "license"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["by_type"] == {"license": data["agreements"]} and data["agreements"] >= 5
    assert data["errors"] == [{"source": "broken.txt", "type": "InputError", "message": "broken.txt: empty input"}]
    assert data["unreadable_lines"] == 1
    bad = runner.invoke(app, ["report", str(results), "--since", "March"])
    assert bad.exit_code == 2 and bad.output.count("\n") == 1 and "--since" in bad.output
    licence = runner.invoke(app, ["report", str(results), "--type", "licence"])
    assert licence.exit_code == 2 and "--type must be one of mou, " in licence.output
    missing = runner.invoke(app, ["report", str(results.parent / "none.jsonl")])
    assert missing.exit_code == 3 and missing.output.count("\n") == 1


def test_cli_tables_and_html(results, tmp_path):
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(results), "--html", str(out)])
    assert result.exit_code == 0, result.output
    assert "Agreements by type" in result.stdout and "Error records" in result.stdout
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 8 and "default-src 'none'" in page and "<script" not in page


def expected_counts(path: Path) -> dict[str, Any]:
    """The report's figures computed directly from the JSON Lines, without mouextract.report."""
    good, errors, unreadable = [], 0, 0
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            obj = json.loads(line)
        except json.JSONDecodeError:
            unreadable += 1
            continue
        if "error" in obj:
            errors += 1
        else:
            good.append(obj)
    deals = [r for r in good if r["agreement"]["type"]]
    dims: dict[str, Counter[str]] = {
        "by_type": Counter(r["agreement"]["type"] for r in deals),
        "by_status": Counter(r["agreement"]["status"] for r in deals),
        "deals_per_month": Counter(r["agreement"]["signed_on"][:7] for r in deals
                                   if len(r["agreement"]["signed_on"] or "") >= 7),
        "therapy_categories": Counter(c for r in deals for c in {a["category"] for a in r["therapy_areas"]}),
        "modalities": Counter(m for r in deals for m in {t["modality"] for t in r["technologies"]}),
        "jurisdictions": Counter(j for r in deals for j in {f["jurisdiction"] for f in r["legal_frameworks"]}),
    }
    return {"records": len(good) + errors, "articles": len(good), "agreements": len(deals), "errors": errors,
            "unreadable_lines": unreadable,
            "dims": {k: dict(v) for k, v in dims.items()}}


@pytest.mark.skipif(headless.unavailable() is not None, reason=headless.unavailable() or "")
def test_report_page_in_chromium_shows_the_counts_of_the_json_lines(results, tmp_path):
    path = tmp_path / "report.html"
    path.write_text(render_report_html(build_report(read_records(results.open(encoding="utf-8")))), encoding="utf-8")
    want = expected_counts(results)
    with headless.browser() as chromium:
        page = chromium.new_page(viewport={"width": 1300, "height": 900})
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri(), wait_until="load")
        tiles = page.evaluate("() => Object.fromEntries([...document.querySelectorAll('[data-count]')]"
                              ".map((e) => [e.dataset.count, Number(e.textContent)]))")
        cells = page.evaluate("() => [...document.querySelectorAll('[data-dim]')]"
                              ".map((e) => [e.dataset.dim, e.dataset.key, Number(e.textContent)])")
        charts = page.locator("svg").count()
        page.close()
    assert requests == [path.as_uri()]
    assert tiles == {k: want[k] for k in ("records", "articles", "agreements", "errors", "unreadable_lines")}
    shown: dict[str, dict[str, int]] = {}
    for dim, key, n in cells:
        if n:  # the month series also shows the months without a deal, as zeros
            shown.setdefault(dim, {})[key] = n
    for dim, counts in want["dims"].items():
        assert shown[dim] == counts, dim
    assert charts == 8
