"""What the web page works on, without HTTP: converted inputs, their corrections, and
the rendered files and page images, cached.

A :class:`Batch` is one upload (a pasted text or several files); each of its inputs is
an :class:`Entry` holding either the one-line error it failed with or a
:class:`Session`: the tree :func:`pipeline.core.convert` made, the user's edit list
(:mod:`pipeline.edits`) and the tree they give.  Every file the page offers is rendered
from that tree through the renderer registry, so a download is exactly what
``gongwen convert`` would write for the same tree.

Rendering is cached per article *value* (articles are frozen dataclasses): after a
correction only the article it changed is set again, which is what keeps a correction
well under a second on a 45-page input.  reportlab, python-docx and PDFium keep state of
their own (registered fonts, PDFium is not thread-safe), so every render runs under one
lock; decoding, cleaning and structuring are pure and run unlocked.

Nothing here touches the disk: inputs arrive as bytes, outputs leave as bytes.
"""

from __future__ import annotations

import io
import re
import secrets
import threading
import time
import unicodedata
import zipfile
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from pipeline import edits as ed
from pipeline.core import Options, convert
from pipeline.errors import (
    BinaryError,
    DecodeError,
    EmptyError,
    MetaError,
    NoBodyError,
    PipelineError,
    RenderError,
    TooBigError,
    internal_error,
)
from pipeline.model import Article, DocTree, Heading, Paragraph
from pipeline.render import RenderOptions, render_outputs

RENDER_LOCK = threading.Lock()  # reportlab, python-docx and PDFium: one render at a time
PREVIEW_DPI = 100  # page previews: A4 at 100 dpi is 827 × 1170 px, sharp at a screen's size
_PNG_LEVEL = 2  # zlib level: 50 ms a page; 6 is twice as slow for 25% less


@dataclass(frozen=True, slots=True)
class Page:
    """One page of an article's PDF as the page shows it."""

    number: int  # 1-based
    text: str  # the page's text, for the image's alt (screen readers, find in page)
    width: int
    height: int


class Session:
    """One converted input: the pipeline's tree, the user's edits, the caches."""

    def __init__(self, base: DocTree, source_name: str, stem: str) -> None:
        self.base = base
        self.source_name = source_name  # as shown (a file's base name, or "粘贴的文字")
        self.stem = stem  # output names: stem.docx, stem-01.pdf …
        self.edits: tuple[ed.Edit, ...] = ()
        self.doc = base
        self._keys: dict[Article, str] = {}
        self._articles: dict[str, Article] = {}
        self._pdfs: OrderedDict[str, bytes] = OrderedDict()
        self._pages: OrderedDict[str, tuple[Page, ...]] = OrderedDict()
        self._pngs: OrderedDict[tuple[str, int], bytes] = OrderedDict()
        self.lock = threading.Lock()  # one edit at a time per session
        self.shown: set[int] = set()  # documents whose previews the page has shown

    def set_edits(self, edits: Sequence[ed.Edit]) -> DocTree:
        """Apply ``edits`` to the pipeline's tree (raises :class:`EditError` and keeps the
        previous list when one does not fit)."""
        doc = ed.apply(self.base, edits)
        self.edits, self.doc = tuple(edits), doc
        return doc

    def key(self, article: Article) -> str:
        """A short name for an article's value, stable for the session: the page image
        URLs carry it, so an unchanged article keeps its URLs (and the browser's cache)."""
        k = self._keys.get(article)
        if k is None:
            k = self._keys[article] = f"a{len(self._keys)}"
            self._articles[k] = article
        return k

    def article(self, key: str) -> Article | None:
        return self._articles.get(key)

    def _pdf(self, key: str) -> bytes:
        """The PDF of article ``key`` (rendered once); call it under :data:`RENDER_LOCK`."""
        data = self._pdfs.get(key)
        if data is None:
            article = self._articles[key]
            (out,) = render_outputs(DocTree("", "", (article,), ()), "x", ["pdf"])
            data = _remember(self._pdfs, key, out.data, 64)
        return data

    def pages(self, key: str) -> tuple[Page, ...]:
        """The pages of article ``key``'s PDF (rendering it if need be)."""
        pages = self._pages.get(key)
        if pages is None:
            with RENDER_LOCK:
                pages = _remember(self._pages, key, _page_infos(self._pdf(key)), 256)
        return pages

    def cached_pages(self, key: str) -> tuple[Page, ...] | None:
        """The pages of article ``key`` if they are rendered already."""
        return self._pages.get(key)

    def png(self, key: str, number: int) -> bytes | None:
        """Page ``number`` (1-based) of article ``key`` as a PNG; None when there is none."""
        if key not in self._articles:
            return None
        found = self._pngs.get((key, number))
        if found is not None:
            return found
        with RENDER_LOCK:
            data = _page_png(self._pdf(key), number)
        if data is None:
            return None
        return _remember(self._pngs, (key, number), data, 400)

    def download(self, fmt: str) -> tuple[str, bytes]:
        """The file the page offers for ``fmt`` (docx, pdf or json) of the current tree:
        the file itself for one article, a zip of one per article for several."""
        with RENDER_LOCK:
            outputs = list(render_outputs(self.doc, self.stem, [fmt], RenderOptions()))
        if len(outputs) == 1:
            return outputs[0].name, outputs[0].data
        return f"{self.stem}-{fmt}.zip", zip_files((o.name, o.data) for o in outputs)

    def all_outputs(self) -> list[tuple[str, bytes]]:
        """DOCX, PDF and JSON of the current tree, named as ``gongwen convert`` names them."""
        with RENDER_LOCK:
            return [(o.name, o.data) for o in render_outputs(self.doc, self.stem, ["docx", "pdf", "json"])]


K = TypeVar("K")
V = TypeVar("V")


def _remember(cache: OrderedDict[K, V], key: K, value: V, size: int) -> V:
    cache[key] = value
    cache.move_to_end(key)
    while len(cache) > size:
        cache.popitem(last=False)
    return value


def _page_infos(pdf: bytes) -> tuple[Page, ...]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for i in range(len(doc)):
            page = doc[i]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            width, height = page.get_size()
            scale = PREVIEW_DPI / 72
            pages.append(Page(i + 1, " ".join(text.split()), round(width * scale), round(height * scale)))
            textpage.close()
            page.close()
        return tuple(pages)
    finally:
        doc.close()


def _page_png(pdf: bytes, number: int) -> bytes | None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        if not 1 <= number <= len(doc):
            return None
        page = doc[number - 1]
        image = page.render(scale=PREVIEW_DPI / 72).to_pil()
        page.close()
        buf = io.BytesIO()
        image.save(buf, "PNG", compress_level=_PNG_LEVEL)
        return buf.getvalue()
    finally:
        doc.close()


# ---------------------------------------------------------------- batches


@dataclass
class Entry:
    """One input of a batch: converted (``session``) or failed (``error``, one line)."""

    name: str  # as shown: the file's base name
    stem: str  # output stem, unique in the batch
    error: str = ""
    session: Session | None = None
    seconds: float = 0.0


@dataclass
class Batch:
    """One upload: its inputs in the order given."""

    id: str
    entries: list[Entry] = field(default_factory=list)
    created: float = field(default_factory=time.monotonic)


@dataclass(frozen=True, slots=True)
class Upload:
    """One input as the request gave it: a display name (never a path) and its bytes."""

    name: str
    data: bytes
    pasted: bool = False  # typed or pasted into the page, not a file


PASTED = "粘贴的文字"  # the name a pasted text is shown under


def safe_name(name: str) -> str:
    """A client's file name reduced to something to *show*: its last path component (for
    ``/`` and ``\\``), control and format characters dropped, at most 120 characters.
    Never used as a path: inputs are held in memory.

    >>> safe_name("../../etc/passwd"), safe_name("C:\\\\fakepath\\\\报告.txt"), safe_name("a\\x00b.txt")
    ('passwd', '报告.txt', 'ab.txt')
    >>> safe_name(".."), safe_name("")
    ('input', 'input')
    """
    base = re.split(r"[/\\]", name)[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    if base in ("", ".", ".."):
        return "input"
    return base[:120]


def _stem_of(name: str, taken: set[str]) -> str:
    """An output stem for ``name``: its name without the suffix, unique among ``taken``.

    >>> taken = set(); [_stem_of(n, taken) for n in ("a.txt", "a.html", "b", ".txt")]
    ['a', 'a-2', 'b', 'txt']
    """
    stem = name.rsplit(".", 1)[0] if "." in name.strip(".") else name
    stem = stem.strip(". ") or "input"
    unique, n = stem, 1
    while unique in taken:
        n += 1
        unique = f"{stem}-{n}"
    taken.add(unique)
    return unique


def _title_stem(doc: DocTree) -> str:
    """The stem for a pasted text: its first title, cut at 40 characters ("文稿" when none)."""
    title = next((a.title for a in doc.documents if a.title), "")
    title = re.sub(r'[\\/:*?"<>|\s]+', "", title)[:40]
    return title or "文稿"


# What went wrong, in the page's language, by kind (a subclass before its base); the
# pipeline's own line follows it, in English as the command line prints it
_IN_CHINESE: tuple[tuple[type[PipelineError], str], ...] = (
    (TooBigError, "文件太大"),
    (EmptyError, "文件里没有文字"),
    (NoBodyError, "去掉网页杂项后没有剩下正文"),
    (BinaryError, "不是文字文件，请另存为 .txt、.docx 或 .pdf 再试"),
    (DecodeError, "读不出这个文件的文字"),
    (MetaError, "公文要素填写有误"),
    (RenderError, "排版失败"),
)


def error_line(e: PipelineError) -> str:
    """The one line a failed input shows on the page: what went wrong in Chinese, then the
    pipeline's own line.

    >>> error_line(EmptyError("empty file — nothing to convert"))
    '文件里没有文字（empty file — nothing to convert）'
    """
    kind = next((text for cls, text in _IN_CHINESE if isinstance(e, cls)), "")
    return f"{kind}（{e}）" if kind else str(e)


def convert_upload(upload: Upload, options: Options, taken: set[str]) -> Entry:
    """Convert one input into an :class:`Entry`; every failure becomes its one line."""
    start = time.perf_counter()
    pasted = upload.pasted
    name = PASTED if pasted else safe_name(upload.name)
    try:
        doc = convert(upload.data, "paste.txt" if pasted else name, options)
    except PipelineError as e:
        entry = Entry(name, _stem_of(name, taken), error=error_line(e))
    except Exception as e:  # a bug: reported as one line for this input (pipeline.cli's policy)
        entry = Entry(name, _stem_of(name, taken), error=internal_error(e))
    else:
        stem = _stem_of(_title_stem(doc) if pasted else name, taken)
        entry = Entry(name, stem, session=Session(doc, name, stem))
    entry.seconds = time.perf_counter() - start
    return entry


class Store:
    """The batches of this server, the oldest forgotten first (a bounded memory)."""

    def __init__(self, max_batches: int = 32, max_age: float = 4 * 3600) -> None:
        self.max_batches = max_batches
        self.max_age = max_age
        self._batches: OrderedDict[str, Batch] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, entries: list[Entry]) -> Batch:
        batch = Batch(secrets.token_urlsafe(12), entries)
        with self._lock:
            self._expire()
            _remember(self._batches, batch.id, batch, self.max_batches)
        return batch

    def get(self, batch_id: str) -> Batch | None:
        with self._lock:
            self._expire()
            batch = self._batches.get(batch_id)
            if batch is not None:
                self._batches.move_to_end(batch_id)
            return batch

    def _expire(self) -> None:
        now = time.monotonic()
        for bid in [b.id for b in self._batches.values() if now - b.created > self.max_age]:
            del self._batches[bid]

    def __len__(self) -> int:
        return len(self._batches)


def zip_files(files: Iterator[tuple[str, bytes]] | Sequence[tuple[str, bytes]]) -> bytes:
    """A zip of ``files`` with fixed dates, so the same files give the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.flag_bits |= 0x800  # the name is UTF-8 (Chinese names in Windows' unzip)
            z.writestr(info, data)
    return buf.getvalue()


STATUS_NAME = "状态.txt"


def status_line(entry: Entry) -> str:
    """The per-file line of a batch: what was made, or the one-line error.

    >>> status_line(Entry("x.bin", "x", error="input is binary — give a text file"))
    '失败  x.bin：input is binary — give a text file'
    """
    if entry.session is None:
        return f"失败  {entry.name}：{entry.error}"
    docs = entry.session.doc.documents
    return f"成功  {entry.name}：{len(docs)} 篇 → {entry.stem}.docx / .pdf / .json"


def batch_zip(batch: Batch) -> bytes:
    """Every converted input's DOCX, PDF and JSON (with its corrections) and a status
    file with one line per input, failed ones with their error."""
    files: list[tuple[str, bytes]] = [
        (STATUS_NAME, "".join(status_line(e) + "\r\n" for e in batch.entries).encode())
    ]
    for entry in batch.entries:
        if entry.session is not None:
            files.extend(entry.session.all_outputs())
    return zip_files(files)


def warm_up() -> float:
    """Load the fonts and the renderers and PDFium once, so the first user does not wait
    for them (about a second): every face the layout uses is set once."""
    start = time.perf_counter()
    article = Article(
        "关于预热的通知",
        "副标题",
        (
            Paragraph("正文，一二三。ABC 123"),
            *(Heading(level, "", f"第{level}级标题") for level in (1, 2, 3, 4)),
        ),
    )
    session = Session(DocTree("warm.txt", "utf-8", (article,), ()), "warm.txt", "warm")
    key = session.key(article)
    session.png(key, 1)
    session.pages(key)
    session.download("docx")
    return time.perf_counter() - start
