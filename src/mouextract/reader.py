"""Bytes to article text: reading files safely, encoding detection, NUL and binary checks, HTML main text."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# Reads from FIFOs and devices give up after this long: a pipe nobody writes to must not block a batch.
SPECIAL_READ_TIMEOUT = 10.0
LONG_TEXT_CHARS = 1_000_000
# HTML is recognised by content, never by file name, so a page reads the same from a file, stdin or Dask.
_HTML_START = re.compile(
    r"\A(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|(?:html|head|body|meta|title|article|main|section|div|p|"
    r"header|nav|table|h[1-6]|ul|ol|link|script|style|span|font|center)[\s>/])",
    re.IGNORECASE | re.DOTALL)
_CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f\ufffd]")
# charset-normalizer's guess of a multi-byte encoding (CP949, Shift_JIS, GB18030...) is taken below this chaos.
_MAX_CHAOS = 0.1


@dataclass
class Article:
    """Decoded article text; offsets of every fact refer to ``text``."""

    text: str
    source: str
    encoding: str
    is_html: bool = False
    warnings: list[str] = field(default_factory=list)


def read_path(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = SPECIAL_READ_TIMEOUT) -> Article:
    """Read a file (or ``-`` for stdin) into an :class:`Article`, or raise :class:`InputError`."""
    name = os.fspath(path)
    return read_bytes(read_raw(name, max_bytes=max_bytes, timeout=timeout), source=name, max_bytes=max_bytes)


def read_raw(name: str, *, max_bytes: int = DEFAULT_MAX_BYTES, timeout: float = SPECIAL_READ_TIMEOUT) -> bytes:
    """The bytes of a file (at most ``max_bytes``), or ``-`` for stdin; every failure is a one-line InputError."""
    if name == "-":
        return _capped(sys.stdin.buffer.read(max_bytes + 1), name, max_bytes)
    try:
        info = os.stat(name)
    except OSError as exc:
        raise InputError(f"{name}: {_why(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{name}: is a directory (use 'mouextract batch' for folders)")
    if stat.S_ISREG(info.st_mode):
        if info.st_size > max_bytes:
            raise InputError(f"{name}: {info.st_size} bytes is larger than --max-bytes {max_bytes}")
        return _capped(_read(name, max_bytes), name, max_bytes)
    if stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode):
        return _capped(_read_with_timeout(name, max_bytes, timeout), name, max_bytes)
    raise InputError(f"{name}: not a regular file")


def _why(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return "no such file"
    if exc.errno == errno.EACCES:
        return "permission denied"
    return f"cannot read ({exc.strerror or exc})"


def _read(name: str, max_bytes: int) -> bytes:
    try:
        with open(name, "rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{name}: {_why(exc)}") from None


def _read_with_timeout(name: str, max_bytes: int, timeout: float) -> bytes:
    """Read a FIFO or device in a helper thread: opening a FIFO blocks until a writer comes, maybe never."""
    result: list[bytes | InputError] = []

    def work() -> None:
        try:
            result.append(_read(name, max_bytes))
        except InputError as exc:
            result.append(exc)

    reader = threading.Thread(target=work, daemon=True)  # daemon: a reader stuck in open() never blocks exit
    reader.start()
    reader.join(timeout)
    if not result:
        raise InputError(f"{name}: no data after {timeout:g} s (a FIFO or device nobody writes to)")
    if isinstance(result[0], InputError):
        raise result[0]
    return result[0]


def _capped(data: bytes, source: str, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise InputError(f"{source}: more than --max-bytes {max_bytes} bytes")
    return data


def read_bytes(data: bytes, *, source: str = "<bytes>", max_bytes: int = DEFAULT_MAX_BYTES,
               html: bool | None = None) -> Article:
    """Decode raw bytes; HTML (recognised by content unless ``html`` says) is reduced to its main text."""
    if len(data) > max_bytes:
        raise InputError(f"{source}: {len(data)} bytes is larger than --max-bytes {max_bytes}")
    if not data.strip():
        raise InputError(f"{source}: empty input")
    text, encoding, warnings = decode(data, source)
    is_html = html if html is not None else looks_like_html(text)
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


def decode(data: bytes, source: str) -> tuple[str, str, list[str]]:
    """Text, codec name and warnings. Order: BOM, BOM-less UTF-16, UTF-8 (winning over any guess), then a guess."""
    text, encoding, warnings = _decode(data)
    nul = text.count("\x00")
    sample = text[:65536]
    if nul > max(8, len(text) // 1000) or len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        reason = f"{nul} NUL bytes" if nul else "control characters"
        raise InputError(f"{source}: binary content ({reason}), not text")
    if nul:
        text = text.replace("\x00", "")
        warnings.append(f"{nul} NUL byte{'s' if nul > 1 else ''} removed; offsets refer to the text without them")
    return text, encoding, warnings


def _decode(data: bytes) -> tuple[str, str, list[str]]:
    if data.startswith(codecs.BOM_UTF8):
        return _lenient(data[3:], "utf-8", "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _lenient(data, "utf-16", "utf-16")
    utf16 = _bomless_utf16(data)
    if utf16:
        try:
            return data.decode(utf16), utf16, []
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    if len(_NON_ASCII.findall(text)) >= bad:  # as many good multi-byte characters as bad bytes: UTF-8 with strays
        return text, "utf-8", [_replaced(bad, "utf-8")]
    return _guess(data)


def _lenient(data: bytes, codec: str, name: str) -> tuple[str, str, list[str]]:
    text = data.decode(codec, errors="replace")
    bad = text.count("\ufffd") - data.decode(codec, errors="ignore").count("\ufffd")
    return text, name, [_replaced(bad, codec)] if bad else []


def _replaced(bad: int, codec: str) -> str:
    return f"not valid {codec.upper()}: {bad} byte{'s' if bad != 1 else ''} replaced by U+FFFD"


def _bomless_utf16(data: bytes) -> str | None:
    """utf-16-le/be when NUL bytes sit on one side of the byte pairs only (ASCII and Latin text in UTF-16)."""
    head = data[:4096]
    if len(data) % 2 or len(head) < 4:
        return None
    even, odd = head[0::2].count(0) / (len(head) / 2), head[1::2].count(0) / (len(head) / 2)
    if odd >= 0.15 and even <= 0.02:
        return "utf-16-le"
    if even >= 0.15 and odd <= 0.02:
        return "utf-16-be"
    return None


def _guess(data: bytes) -> tuple[str, str, list[str]]:
    """Not UTF-8: a confident multi-byte guess, else Windows-1252, else charset-normalizer's best single-byte guess.

    charset-normalizer cannot tell the Latin single-byte code pages apart on short text (it reads "Müller"
    as cp775 or cp1006), so Windows-1252, the web's Western default and a superset of Latin-1, wins
    whenever it decodes the bytes with no more chaos than the guess.
    """
    from charset_normalizer import from_bytes  # only for non-UTF-8 input
    from charset_normalizer.md import mess_ratio
    from charset_normalizer.utils import is_multi_byte_encoding

    best = from_bytes(data).best()
    if best is not None and is_multi_byte_encoding(best.encoding) and best.chaos <= _MAX_CHAOS:
        return str(best), best.encoding, [f"not UTF-8: decoded as {best.encoding} (guessed by charset-normalizer)"]
    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if western is not None and (best is None or mess_ratio(western) <= best.chaos + 0.02):
        return western, "cp1252", ["not UTF-8: decoded as cp1252 (Western European)"]
    if best is not None:
        return str(best), best.encoding, [f"not UTF-8: decoded as {best.encoding} (guessed by charset-normalizer)"]
    text = data.decode("utf-8", errors="replace")
    return text, "utf-8", [f"encoding not recognised: {_replaced(text.count(chr(0xFFFD)), 'utf-8')}"]


def looks_like_html(text: str) -> bool:
    """An HTML document or fragment: its first tag (after comments) is a known HTML element."""
    return bool(_HTML_START.match(text[:4096]))


def html_main_text(html: str, source: str) -> str:
    """Main article text of an HTML page, by trafilatura."""
    import trafilatura  # imported lazily: heavy, and needed for HTML only

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not text:  # trafilatura finds nothing in a bare fragment ("<div><p>..."): give it a document around it
        text = trafilatura.extract(f"<html><body>{html}</body></html>", include_comments=False,
                                   include_tables=True, favor_recall=True)
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
