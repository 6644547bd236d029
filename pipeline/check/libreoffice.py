"""Lay a DOCX out with LibreOffice (``soffice --headless --convert-to pdf``): the page
the rendered checks measure.  The one module of the checker that runs a program.

Two things make LibreOffice's page the one Word would print:

* **``w:overflowPunct`` flipped.**  LibreOffice (7.4 and later) imports the flag
  inverted (writerfilter ``DomainMapper``: hanging = ``val == 0``) and its PDF export
  then drops the hung marks; every value in the file is turned round before the
  render, so a file that forbids hanging punctuation is laid out without it (and one
  that allows it, with it).  See ``pipeline/render/docx.py``.
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

from pipeline.errors import PipelineError

TIMEOUT = 600  # s for one soffice call (a 40-page DOCX takes about 2 s)
_FLAG = re.compile(rb'<w:overflowPunct(?:\s+w:val="([^"]*)")?\s*/>')


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
    """Each DOCX laid out by LibreOffice, as PDF bytes (None for a file it could not
    lay out), in one ``soffice`` call.

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
        names = []
        for i, data in enumerate(docxs):
            path = tmp / f"f{i:04d}.docx"
            path.write_bytes(as_word_reads_it(data))
            names.append(path)
        with _profile(tmp) as profile:
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
                        str(tmp),
                        *map(str, names),
                    ],
                    capture_output=True,
                    check=False,
                    timeout=TIMEOUT,
                    stdin=subprocess.DEVNULL,
                )
            except subprocess.TimeoutExpired:
                raise RenderUnavailableError(f"LibreOffice took over {TIMEOUT} s") from None
        return [p.with_suffix(".pdf").read_bytes() if p.with_suffix(".pdf").exists() else None for p in names]
