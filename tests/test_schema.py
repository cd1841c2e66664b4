"""The committed JSON Schema: current with the models, and every fixture's output valid against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from mouextract.batch import Job, process_path
from mouextract.models import SCHEMA_VERSION
from mouextract.schema import schema_text

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "schema" / "extraction.schema.json"
FIXTURES = Path(__file__).parent / "fixtures"
REGENERATE = "mouextract schema > schema/extraction.schema.json"


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_committed_schema_is_current():
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), f"schema/ is stale: run `{REGENERATE}`"


def test_schema_names_its_version():
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert schema["$defs"]["Meta"]["properties"]["schema_version"]["default"] == SCHEMA_VERSION
    assert f"schema_version {SCHEMA_VERSION}" in schema["$comment"]


def test_every_fixture_output_validates(fixture_results, validator):
    assert len(fixture_results) >= 10
    for name, (_, extraction) in fixture_results.items():
        data = extraction.model_dump(mode="json")
        assert data["meta"]["schema_version"] == SCHEMA_VERSION
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data)]
        assert not errors, (name, errors[:5])


def test_html_fixture_batch_record_validates(validator):
    """A batch record is an extraction plus source and sha256 (here of the HTML fixture)."""
    record = process_path(Job(str(FIXTURES / "norway_newsroom_mou.html")))
    assert "error" not in record and len(record["sha256"]) == 64
    validator.validate({k: v for k, v in record.items() if k not in ("source", "sha256")})


def test_schema_rejects_what_the_contract_forbids(fixture_results, validator):
    data = next(iter(fixture_results.values()))[1].model_dump(mode="json")
    broken = json.loads(json.dumps(data))
    broken["agreement"]["type"] = "merger"  # not one of the agreement types
    assert not validator.is_valid(broken)
    extra = json.loads(json.dumps(data))
    extra["parties"].append({"name": "X", "colour": "red"})  # unknown keys are forbidden
    assert not validator.is_valid(extra)
