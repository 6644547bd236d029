"""Lay a DOCX out with LibreOffice (``soffice --headless --convert-to pdf``): the page
the rendered checks measure.  The one module of the checker that runs a program.

Three things make LibreOffice's page the one Word would print:

* **``w:overflowPunct`` flipped.**  LibreOffice (7.4 and later) imports the flag
  inverted (writerfilter ``DomainMapper``: hanging = ``val == 0``) and its PDF export
  then drops the hung marks; every value in the file is turned round before the
  render, so a file that forbids hanging punctuation is laid out without it (and one
  that allows it, with it).  See ``pipeline/render/docx.py``.
* **Word's kinsoku lists.**  LibreOffice does not import ``w:noLineBreaksBefore``/
  ``After``: it breaks by its own lists for the locale, which let "……" split and "%"
  start a line.  The lists Word uses for the file — its own, else Word's defaults
  (ECMA-376 Part 1 §17.3.1.16) — are written into the profile's Asian layout settings
  (``AsianLayout/StartEndCharacters``), which LibreOffice gives every document it opens.
* **A profile of its own**, kept in the cache folder between runs (a fresh one costs
  about 0.6 s a call), locked while in use; when another process holds it, a
  temporary profile is used instead, so parallel checks never share one.

Many files go to one ``soffice`` call: its start-up (about 1 s) is paid once.
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import re
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree

from pipeline.errors import PipelineError

TIMEOUT = 600  # s for one soffice call (a 40-page DOCX takes about 2 s)
_FLAG = re.compile(rb'<w:overflowPunct(?:\s+w:val="([^"]*)")?\s*/>')

# Word's lists for a paragraph with kinsoku on when the file names none (ECMA-376 Part 1
# §17.3.1.16, "by default, the following settings are used"): the characters that cannot
# start a line, and those that cannot end one.  LibreOffice's locale names.
WORD_KINSOKU: dict[str, tuple[str, str]] = {
    "zh-CN": (
        "!%),.:;>?]}¢¨°·ˇˉ―‖’”…‰′″›℃∶、。〃〉》」』】〕〗〞︶︺︾﹀﹄﹚﹜﹞！＂％＇），．：；？］｀｜｝～￠",
        "$([{£¥·‘“〈《「『【〔〖〝﹙﹛﹝＄（．［｛￡￥",
    ),
    "zh-TW": (
        "!),.:;?]}¢·–—’”•‥…‧′╴、。〉》」』】〕〞︰︱︳︴︶︸︺︼︾﹀﹂﹄﹏﹐﹑﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？］｜｝、",
        "([{£¥‘“‵〈《「『【〔〝︵︷︹︻︽︿﹁﹃﹙﹛﹝（｛",
    ),
}
Kinsoku = tuple[tuple[str, str, str], ...]  # (locale, not at a line start, not at a line end)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_ASIAN_ITEM = re.compile(
    r'<item oor:path="/org\.openoffice\.Office\.Common/AsianLayout/StartEndCharacters">.*?</item>\n?',
    re.DOTALL,
)
_REGISTRY_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
    'xmlns:xs="http://www.w3.org/2001/XMLSchema" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
)


class RenderUnavailableError(PipelineError):
    """LibreOffice is not installed, or it could not lay the file out."""


def available() -> bool:
    return shutil.which("soffice") is not None


def as_word_reads_it(docx: bytes) -> bytes:
    """The DOCX with every ``w:overflowPunct`` value inverted, so that LibreOffice's
    inverted import ends where Word's reading of the file is.

    >>> data = io.BytesIO()
    >>> with zipfile.ZipFile(data, "w") as z:
    ...     z.writestr("word/styles.xml", '<w:overflowPunct w:val="0"/><w:overflowPunct/>')
    >>> zipfile.ZipFile(io.BytesIO(as_word_reads_it(data.getvalue()))).read("word/styles.xml")
    b'<w:overflowPunct w:val="1"/><w:overflowPunct w:val="0"/>'
    """

    def flip(m: re.Match[bytes]) -> bytes:
        on = m[1] is None or m[1] not in (b"0", b"false", b"off")
        return b'<w:overflowPunct w:val="' + (b"0" if on else b"1") + b'"/>'

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            blob = src.read(info.filename)
            if info.filename.startswith("word/") and info.filename.endswith(".xml"):
                blob = _FLAG.sub(flip, blob)
            dst.writestr(info, blob)
    return out.getvalue()


def kinsoku_of(docx: bytes) -> Kinsoku:
    """The lists Word breaks the file's Chinese lines by: the file's own
    ``w:noLineBreaksBefore``/``After`` for a language, else Word's defaults.

    >>> kinsoku_of(b"not a zip")[0][0]
    'zh-CN'
    """
    own: dict[tuple[str, str], str] = {}
    with contextlib.suppress(zipfile.BadZipFile, KeyError, etree.XMLSyntaxError, ValueError):
        with zipfile.ZipFile(io.BytesIO(docx)) as z:
            root = etree.fromstring(z.read("word/settings.xml"), etree.XMLParser(resolve_entities=False))
        for tag in ("noLineBreaksBefore", "noLineBreaksAfter"):
            for el in root.iter(f"{_W}{tag}"):
                lang, val = el.get(f"{_W}lang"), el.get(f"{_W}val")
                if lang and val is not None:
                    own[(tag, lang)] = val
    return tuple(
        (
            locale,
            own.get(("noLineBreaksBefore", locale), start),
            own.get(("noLineBreaksAfter", locale), end),
        )
        for locale, (start, end) in WORD_KINSOKU.items()
    )


def _asian_layout(kinsoku: Kinsoku) -> str:
    """The registry item that sets LibreOffice's forbidden characters per locale."""
    nodes = "".join(
        f'<node oor:name="{locale}" oor:op="replace">'
        f'<prop oor:name="StartCharacters" oor:op="fuse"><value>{escape(start)}</value></prop>'
        f'<prop oor:name="EndCharacters" oor:op="fuse"><value>{escape(end)}</value></prop></node>'
        for locale, start, end in kinsoku
    )
    return f'<item oor:path="/org.openoffice.Office.Common/AsianLayout/StartEndCharacters">{nodes}</item>\n'


def _set_kinsoku(profile: Path, kinsoku: Kinsoku) -> None:
    """Write ``kinsoku`` into the profile's settings (creating them for a new profile)."""
    registry = profile / "user" / "registrymodifications.xcu"
    try:
        text = registry.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    if "</oor:items>" not in text:  # a new profile (or a broken file): settings of our own
        text = _REGISTRY_HEAD + "</oor:items>\n"
    text = _ASIAN_ITEM.sub("", text).replace("</oor:items>", _asian_layout(kinsoku) + "</oor:items>", 1)
    registry.parent.mkdir(parents=True, exist_ok=True)
    registry.write_text(text, encoding="utf-8")


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "gongwen"


@contextlib.contextmanager
def _profile(tmp: Path) -> Iterator[Path]:
    """The cached profile when free (locked while used), else a fresh one in ``tmp``."""
    cache = _cache_dir()
    try:
        cache.mkdir(parents=True, exist_ok=True)
        lock = open(cache / "libreoffice-profile.lock", "w")  # noqa: SIM115 - held for the with block
    except OSError:
        yield tmp / "profile"
        return
    with lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield tmp / "profile"
            return
        yield cache / "libreoffice-profile"


def render_pdfs(docxs: Sequence[bytes]) -> list[bytes | None]:
    """Each DOCX laid out by LibreOffice as Word reads it, as PDF bytes (None for a file
    it could not lay out): one ``soffice`` call for all the files that share kinsoku
    lists (usually all of them).

    Raises :class:`RenderUnavailableError` when LibreOffice is missing or hangs.
    """
    if not docxs:
        return []
    if not available():
        raise RenderUnavailableError(
            "LibreOffice is not installed (apt-get install libreoffice-writer-nogui)"
        )
    with tempfile.TemporaryDirectory(prefix="gongwen-check-") as tmp_name:
        tmp = Path(tmp_name)
        groups: dict[Kinsoku, list[Path]] = {}
        names = []
        for i, data in enumerate(docxs):
            path = tmp / f"f{i:04d}.docx"
            path.write_bytes(as_word_reads_it(data))
            names.append(path)
            groups.setdefault(kinsoku_of(data), []).append(path)
        with _profile(tmp) as profile:
            for kinsoku, paths in groups.items():
                _set_kinsoku(profile, kinsoku)
                _convert(profile, paths, tmp)
        return [p.with_suffix(".pdf").read_bytes() if p.with_suffix(".pdf").exists() else None for p in names]


def _convert(profile: Path, paths: Sequence[Path], outdir: Path) -> None:
    try:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation={profile.as_uri()}",
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
                str(outdir),
                *map(str, paths),
            ],
            capture_output=True,
            check=False,
            timeout=TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
    except subprocess.TimeoutExpired:
        raise RenderUnavailableError(f"LibreOffice took over {TIMEOUT} s") from None
