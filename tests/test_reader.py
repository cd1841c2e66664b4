"""Reading input: encodings, HTML, and what is rejected."""

from __future__ import annotations

import os
import threading

import pytest

from mouextract.errors import InputError
from mouextract.reader import read_bytes, read_path

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


# Probes of issue 13: text is never garbled silently, and the same bytes read the same everywhere.

GERMAN = "Klaus Müller of Müller Pharma signed a memorandum of understanding with Société Lumière in Zürich.\n"


def test_valid_utf8_with_a_stray_byte_stays_utf8_and_says_so():
    data = GERMAN[:20].encode() + b"\xff" + GERMAN[20:].encode()
    article = read_bytes(data)
    assert article.encoding == "utf-8"
    assert article.text == GERMAN[:20] + "\ufffd" + GERMAN[20:]
    assert any("1 byte" in w and "U+FFFD" in w for w in article.warnings)


@pytest.mark.parametrize("line", ["Müller Pharma", "Klaus Müller Pharma signed."])
def test_short_latin1_line_is_read_as_western(line):
    article = read_bytes(line.encode("latin-1"))
    assert article.text == line
    assert article.encoding == "cp1252" and any("cp1252" in w for w in article.warnings)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("text", ["Alpha Bio signed an MOU with Beta University Hospital.", GERMAN])
def test_utf16_without_bom(codec, text):
    article = read_bytes(text.encode(codec))
    assert article.text == text and article.encoding == codec


def test_a_nul_byte_in_good_text_is_dropped_with_a_warning():
    article = read_bytes(GERMAN[:30].encode() + b"\x00" + GERMAN[30:].encode())
    assert article.text == GERMAN
    assert any("NUL" in w and "offsets" in w for w in article.warnings)


def test_binary_names_its_reason():
    with pytest.raises(InputError, match="NUL bytes"):
        read_bytes(b"\x00\x00\x01\x02" * 100)


def test_html_is_recognised_by_content_not_name():
    page = ("<html><body><nav>Home | News</nav><article><p>" + "Alpha Bio signed a memorandum of understanding "
            "with Beta University. " * 5 + "</p></article></body></html>")
    as_txt = read_bytes(page.encode(), source="page.txt")
    assert as_txt.is_html and "<p>" not in as_txt.text
    fragment = "<div><p>" + "Alpha Bio signed a memorandum of understanding with Beta University. " * 5 + "</p></div>"
    assert read_bytes(fragment.encode(), source="-").is_html
    assert not read_bytes(b"Alpha Bio <b>signed</b> an MOU with Beta University.", source="a.html").is_html


def test_symlink_loop_is_named(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    with pytest.raises(InputError, match="symlink loop"):
        read_path(loop)


def test_fifo_without_writer_times_out(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="no data after 0.3 s"):
        read_path(fifo, timeout=0.3)


def test_fifo_with_writer_is_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with open(fifo, "wb") as fh:
            fh.write(GERMAN.encode())
    threading.Thread(target=write, daemon=True).start()
    assert read_path(fifo, timeout=5).text == GERMAN


@pytest.mark.parametrize(("line", "noise"), [("Share this article", True), ("Share: Facebook | X", True),
                                              ("Shares of Halden Pharma rose 3% after the licence deal.", False),
                                              ("Share prices rose after Halden Pharma signed the deal.", False)])
def test_a_share_bar_is_noise_and_a_sentence_on_shares_is_not(line, noise):
    from mouextract.clean import noise_spans

    assert bool(noise_spans(line + "\n")) is noise
