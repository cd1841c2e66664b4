"""Bytes to article text: size and binary checks, encoding detection, HTML main text."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
LONG_TEXT_CHARS = 1_000_000
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_HTML_START = re.compile(rb"^\s*(<!doctype\s+html|<html|<head|<body)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


@dataclass
class Article:
    """Decoded article text; offsets of every fact refer to ``text``."""

    text: str
    source: str
    encoding: str
    is_html: bool = False
    warnings: list[str] = field(default_factory=list)


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read a file (or ``-`` for stdin) into an :class:`Article`, or raise :class:`InputError`."""
    name = str(path)
    if name == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return read_bytes(data, source="-", max_bytes=max_bytes)
    p = Path(path)
    if not p.exists():
        raise InputError(f"{name}: no such file")
    if p.is_dir():
        raise InputError(f"{name}: is a directory (use 'mouextract batch' for folders)")
    if not os.access(p, os.R_OK):
        raise InputError(f"{name}: permission denied")
    size = p.stat().st_size
    if size > max_bytes:
        raise InputError(f"{name}: {size} bytes is larger than --max-bytes {max_bytes}")
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    return read_bytes(data, source=name, max_bytes=max_bytes, html=p.suffix.lower() in HTML_SUFFIXES)


def read_bytes(data: bytes, *, source: str = "<bytes>", max_bytes: int = DEFAULT_MAX_BYTES,
               html: bool | None = None) -> Article:
    """Decode raw bytes; HTML (by suffix or sniffing) is reduced to its main text."""
    if len(data) > max_bytes:
        raise InputError(f"{source}: {len(data)} bytes is larger than --max-bytes {max_bytes}")
    if not data.strip():
        raise InputError(f"{source}: empty input")
    text, encoding = decode(data, source)
    is_html = html if html is not None else bool(_HTML_START.match(data[:512]))
    warnings: list[str] = []
    if is_html:
        text = html_main_text(text, source)
    if not text.strip():
        raise InputError(f"{source}: no text (empty or whitespace only)")
    if not looks_english(text):
        warnings.append("text does not look like English; facts may be missing")
    if len(text) > LONG_TEXT_CHARS:
        warnings.append(f"long article ({len(text):,} characters): processed in chunks")
    if longest_unbroken_run(text) > 10_000:
        warnings.append("text contains a very long run without spaces")
    return Article(text=text, source=source, encoding=encoding, is_html=is_html, warnings=warnings)


def decode(data: bytes, source: str) -> tuple[str, str]:
    """Decode with BOM and UTF-8 fast paths, else charset-normalizer; binary is rejected."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes  # only for non-UTF-8 input

        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{source}: binary content, not text") from None
        text, encoding = str(best), best.encoding
    if "\x00" in text or len(_CONTROL.findall(text[:65536])) > max(8, len(text[:65536]) // 100):
        raise InputError(f"{source}: binary content, not text")
    return text, encoding


def html_main_text(html: str, source: str) -> str:
    """Main article text of an HTML page, by trafilatura."""
    import trafilatura  # imported lazily: heavy, and needed for HTML only

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not text:
        raise InputError(f"{source}: HTML page has no main text")
    return text


def looks_english(text: str, sample: int = 20000) -> bool:
    """Cheap check: most letters are ASCII and common English function words occur."""
    head = text[:sample]
    letters = [c for c in head if c.isalpha()]
    if not letters:
        return False
    ascii_share = sum(c.isascii() for c in letters) / len(letters)
    words = re.findall(r"[a-z]+", head.lower())
    common = sum(w in {"the", "and", "of", "to", "in", "with", "a", "for", "is", "on"} for w in words)
    return ascii_share > 0.6 and common >= min(3, max(1, len(words) // 20))


def longest_unbroken_run(text: str) -> int:
    """Length of the longest run of non-space characters."""
    best = run = 0
    for chunk in text.split():
        run = len(chunk)
        best = max(best, run)
    return best
