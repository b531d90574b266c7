"""Text as it comes from scrapers, made safe once at the source: bytes decoded in the encoding they are in, and
characters no RDF syntax may carry replaced.

Decoding: a byte-order mark decides (UTF-8, UTF-16, UTF-32); else valid UTF-8 is UTF-8; else the bytes are
tried as the legacy Russian encodings, cp1251 and KOI8-R, by ``charset-normalizer``; a caller may force one.

Cleaning replaces, one character for one, so that offsets into the cleaned text are offsets into the decoded one
(after ``\\r\\n`` → ``\\n``): lone surrogates and noncharacters (U+FFFE, U+FFFF, U+FDD0…U+FDEF, U+nFFFE/F)
become U+FFFD; control characters other than tab and newline become a space. Every offset the graph gives is an
index into this cleaned text.
"""

from __future__ import annotations

import codecs
import re

from kg.errors import KgError


class DecodeError(KgError, ValueError):
    """Bytes that are text in none of the encodings tried."""


#: Encodings tried, after UTF-8, for bytes that are not UTF-8: the legacy encodings of Russian sites and archives.
LEGACY = ("cp1251", "koi8_r")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_UNSAFE = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p + 0xFFFE)}{chr(p + 0xFFFF)}" for p in range(0x10000, 0x110000, 0x10000))
    + "]"
)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    r"""The text with line ends as ``\n``, a leading BOM dropped, and every character RDF cannot carry replaced.

    >>> clean_text("\ufeffa\r\nb\rc")
    'a\nb\nc'
    >>> clean_text("x\ufffey\ud800z\x07!")
    'x\ufffdy\ufffdz !'
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROLS.sub(" ", _UNSAFE.sub("\ufffd", text))


def clean_name(name: str) -> str:
    """A file name or id made safe the same way (a name Linux gave as bytes that are not UTF-8 included).

    >>> clean_name("a" + chr(0xDCFF) + chr(0) + "b")
    'a\ufffd b'
    """
    return clean_text(name).replace("\n", " ")


def _bom(raw: bytes) -> str | None:
    return next((enc for bom, enc in _BOMS if raw.startswith(bom)), None)


def _legacy(raw: bytes) -> str | None:
    """cp1251 or KOI8-R, as charset-normalizer judges the bytes; None when neither reads as text."""
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=list(LEGACY), threshold=0.3).best()
    return best.encoding if best is not None else None


def decode(raw: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding name) of the bytes; raises :class:`DecodeError` saying what was tried.

    >>> decode("Пекин".encode("cp1251"))
    ('Пекин', 'cp1251')
    >>> decode(codecs.BOM_UTF8 + b"ok")
    ('ok', 'utf-8-sig')
    """
    if encoding is not None:
        try:
            return raw.decode(encoding), encoding
        except LookupError as exc:
            raise DecodeError(f"unknown encoding {encoding!r}") from exc
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"not {encoding} text (byte 0x{raw[exc.start]:02x} at offset {exc.start})"
            ) from exc
    bom = _bom(raw)
    if bom is not None:
        try:
            return raw.decode(bom), bom
        except UnicodeDecodeError as exc:
            raise DecodeError(f"not {bom} text though it opens with its byte-order mark") from exc
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if not raw[:first_bad].isascii():
        # UTF-8 letters before the bad byte: a UTF-8 file with a broken byte, not a legacy encoding
        raise DecodeError(f"not UTF-8 text (byte 0x{raw[first_bad]:02x} at offset {first_bad})")
    if b"\x00" in raw:
        raise DecodeError(f"binary data, not text (a NUL byte at offset {raw.index(0)})")
    found = _legacy(raw)
    if found is None:
        raise DecodeError(
            f"not UTF-8 text (byte 0x{raw[first_bad]:02x} at offset {first_bad}), nor cp1251 or KOI8-R; "
            "name the encoding with --encoding"
        )
    return raw.decode(found, errors="replace"), found
