"""The JSON Schema of the output, generated from the Pydantic models (committed as schema/extraction.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from .models import SCHEMA_VERSION, Extraction

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, Any]:
    """The schema of one extraction (a batch record adds ``source`` and ``sha256``, or is an error record)."""
    return {"$schema": DRAFT,
            "$comment": f"schema_version {SCHEMA_VERSION}. Generated from src/mouextract/models.py: "
                        "mouextract schema > schema/extraction.schema.json",
            **Extraction.model_json_schema()}


def schema_text() -> str:
    """The schema as the committed file holds it (two-space indent, final newline)."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
