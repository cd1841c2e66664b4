"""Encoding corpus: one article of our own in eleven byte forms gives the same text and the same facts."""

from __future__ import annotations

import codecs

import pytest

from mouextract.extractor import Extractor
from mouextract.reader import read_bytes

CORE = ("SEOUL, March 4, 2025 -- Hanul Biologics and Westbridge University Hospital signed a memorandum of "
        "understanding on March 3, 2025 to develop cell therapies for lymphoma. The agreement was signed by "
        "Mina Park, chief executive officer of Hanul Biologics, and Thomas Reed, president of Westbridge University "
        "Hospital. The two partners will run joint clinical research and share data from their trials.\n\n")
KOREAN = "한울바이오로직스는 웨스트브리지대학교병원과 림프종 세포치료제 공동 개발을 위한 업무협약을 체결했다고 4일 밝혔다.\n"
JAPANESE = "ハヌルバイオロジクスは、ウェストブリッジ大学病院とリンパ腫向け細胞療法の共同開発に関する覚書を締結したと発表した。\n"
CHINESE = "韩蔚生物与西桥大学医院签署了关于共同开发淋巴瘤细胞疗法的谅解备忘录。\n"
WESTERN = "Guests from Zürich, Genève and São Paulo attended; the accord is a milestone for both teams.\n"
CP1252_ONLY = "The partners called it \u201ca first step\u201d \u2013 worth \u20ac2 million \u2014 for patients.\n"
EVERYTHING = CORE + KOREAN + JAPANESE + CHINESE + WESTERN + CP1252_ONLY


def _stray(text: str) -> tuple[bytes, str]:
    """UTF-8 of ``text`` with two stray bytes inside the Western line, and the text we expect back."""
    cut = text.index("milestone")
    data = text[:cut].encode() + b"\xff" + text[cut:cut + 5].encode() + b"\x80" + text[cut + 5:].encode()
    return data, text[:cut] + "\ufffd" + text[cut:cut + 5] + "\ufffd" + text[cut + 5:]


STRAY_BYTES, STRAY_TEXT = _stray(EVERYTHING)
# (name, bytes, text we must read back, codec names accepted in meta)
CORPUS = [
    ("utf-8", EVERYTHING.encode(), EVERYTHING, {"utf-8"}),
    ("utf-8 with stray bytes", STRAY_BYTES, STRAY_TEXT, {"utf-8"}),
    ("utf-16-le with BOM", codecs.BOM_UTF16_LE + EVERYTHING.encode("utf-16-le"), EVERYTHING, {"utf-16"}),
    ("utf-16-be with BOM", codecs.BOM_UTF16_BE + EVERYTHING.encode("utf-16-be"), EVERYTHING, {"utf-16"}),
    ("utf-16-le without BOM", EVERYTHING.encode("utf-16-le"), EVERYTHING, {"utf-16-le"}),
    ("utf-16-be without BOM", EVERYTHING.encode("utf-16-be"), EVERYTHING, {"utf-16-be"}),
    ("cp949", (CORE + KOREAN).encode("cp949"), CORE + KOREAN, {"cp949", "euc_kr"}),
    ("euc-kr", (CORE + KOREAN).encode("euc-kr"), CORE + KOREAN, {"cp949", "euc_kr"}),
    ("shift_jis", (CORE + JAPANESE).encode("shift_jis"), CORE + JAPANESE, {"cp932", "shift_jis"}),
    ("gb18030", (CORE + CHINESE).encode("gb18030"), CORE + CHINESE, {"gb18030"}),
    ("latin-1", (CORE + WESTERN).encode("latin-1"), CORE + WESTERN, {"cp1252", "latin_1", "iso8859-1"}),
    ("cp1252", (CORE + WESTERN + CP1252_ONLY).encode("cp1252"), CORE + WESTERN + CP1252_ONLY, {"cp1252"}),
]


def key_facts(result: dict) -> dict:
    return {
        "agreement": (result["agreement"]["type"], result["agreement"]["signed_on"]),
        "parties": [p["name"] for p in result["parties"]],
        "people": sorted((p["name"], p["role"]) for p in result["people"]),
        "therapy_areas": sorted(t["name"] for t in result["therapy_areas"]),
    }


def without_meta(result: dict) -> dict:
    return {k: v for k, v in result.items() if k != "meta"}


@pytest.fixture(scope="module")
def expected(extractor: Extractor) -> dict:
    facts = key_facts(extractor.extract(CORE).model_dump(mode="json"))
    assert facts["agreement"] == ("mou", "2025-03-03")
    assert facts["parties"] == ["Hanul Biologics", "Westbridge University Hospital"]
    return facts


@pytest.mark.parametrize("name, data, text, codecs_ok", CORPUS, ids=[c[0] for c in CORPUS])
def test_same_text_and_facts_in_every_encoding(extractor, expected, name, data, text, codecs_ok):
    article = read_bytes(data, source=name)
    assert article.text == text
    assert codecs.lookup(article.encoding).name in {codecs.lookup(c).name for c in codecs_ok}
    result = extractor.extract(article.text, encoding=article.encoding, warnings=article.warnings).model_dump(mode="json")
    assert key_facts(result) == expected
    # Everything, offsets included, equals the extraction of the same text given as a Python string.
    assert without_meta(result) == without_meta(extractor.extract(text).model_dump(mode="json"))
    assert result["meta"]["encoding"] == article.encoding
    guessed = not name.startswith("utf")
    assert any("UTF-8" in w for w in result["meta"]["warnings"]) == (guessed or "stray" in name)
