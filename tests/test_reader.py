"""Reading input: encodings, HTML, and what is rejected."""

from __future__ import annotations

import pytest

from mouextract.errors import InputError
from mouextract.reader import read_bytes

TEXT = ("Hallim Bio signed a memorandum of understanding with Seoul University Hospital on the 3rd. "
        "한림바이오는 서울대학교병원과 첨단재생의료 공동연구를 위한 업무협약을 체결했다고 3일 밝혔다.")


@pytest.mark.parametrize("encoding, expected", [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp949", "cp949"),
])
def test_encodings(encoding, expected):
    article = read_bytes(TEXT.encode(encoding))
    assert article.text == TEXT
    assert article.encoding.replace("_", "-").lower() in {expected, "euc-kr", "uhc", "johab"} | {expected}


def test_latin1():
    text = "Café Bioscience and Société Hôpital signed an agreement with the Université de Lyon in Paris today."
    article = read_bytes(text.encode("latin-1"))
    assert article.text == text


def test_html_main_text_by_trafilatura():
    html = ("<html><head><title>x</title></head><body><nav>Home | News | Contact</nav><article><h1>Alpha Bio "
            "signs MOU</h1><p>" + "Alpha Bio signed a memorandum of understanding with Beta University. " * 5 +
            "</p></article><footer>Copyright 2024</footer></body></html>")
    article = read_bytes(html.encode(), source="a.html", html=True)
    assert "Alpha Bio signed a memorandum" in article.text
    assert "<p>" not in article.text and article.is_html


@pytest.mark.parametrize("data", [b"", b"  \n ", b"\x00\x00\x01\x02" * 100])
def test_rejected(data):
    with pytest.raises(InputError):
        read_bytes(data)


def test_non_english_is_accepted_with_warning():
    article = read_bytes("대웅제약과 베스티안재단이 업무협약을 체결했다. 첨단재생의료 연구를 위한 협력이다.".encode())
    assert any("English" in w for w in article.warnings)


def test_long_unbroken_line_warns():
    article = read_bytes(("x" * 300_000 + " and the end.").encode())
    assert any("without spaces" in w for w in article.warnings)


def test_five_megabyte_article_is_accepted_with_warning():
    article = read_bytes(("Alpha Bio signed an MOU with Beta University Hospital. " * 100_000).encode())
    assert len(article.text) > 5_000_000
    assert any("long article" in w for w in article.warnings)


def test_larger_than_max_bytes_is_rejected():
    with pytest.raises(InputError, match="max-bytes"):
        read_bytes(b"x " * 1000, max_bytes=100)
