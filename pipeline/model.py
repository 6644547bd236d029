"""The document model: frozen dataclasses mirroring doc-tree/2 (``docs/doc-tree.md``).

Field names equal the doc-tree/2 names, so :func:`to_dict` is mechanical; doc-tree/1
(``../shared/doc-tree.md``) is read too, and written on request (``schema=``), with the
elements it lacks turned into paragraphs.  Which text form each field holds:

* ``Removal.text`` is *raw*: exactly the input text that was dropped (half-width
  punctuation and all), so a reader can find it in the input.
* Every other text — titles, block texts, ``Head``/``Imprint`` values — is
  *normalised*: full-width Chinese punctuation, no leading indentation, whitespace
  trimmed; what the renderers print.

The tree is flat, as in pandoc: an article is a title, a subtitle and a tuple of
blocks; sections are never stored (derive them when needed).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Literal

from pipeline.errors import SchemaError
from pipeline.text.lines import Line

SCHEMA = "doc-tree/2"
SCHEMAS = ("doc-tree/1", "doc-tree/2")  # what from_dict reads


@dataclass(frozen=True, slots=True)
class Removal:
    """A piece of input text the pipeline dropped, and why (the rule's name)."""

    text: str
    reason: str
    # 1-based input line; kept for ordering and `explain`, not in JSON (so not compared)
    line: int = field(default=0, compare=False)
    # the evidence behind a judged removal, for `explain` ("" for a named rule's match)
    evidence: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True)
class Heading:
    """A numbered (or unnumbered) heading; ``tail`` is body text run in after it."""

    level: int
    number: str
    text: str
    tail: str = ""
    # 1-based input line it starts on; for explain and the web page, not in JSON (not compared)
    line: int = field(default=0, compare=False, kw_only=True)
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One natural paragraph of body text."""

    text: str
    # 1-based input line it starts on; for explain and the web page, not in JSON (not compared)
    line: int = field(default=0, compare=False, kw_only=True)
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True, slots=True)
class Recipients:
    """主送机关 (7.3.2): the organs a document is addressed to, with the closing colon."""

    text: str
    # 1-based input line it starts on; for explain and the web page, not in JSON (not compared)
    line: int = field(default=0, compare=False, kw_only=True)
    kind: ClassVar[str] = "recipients"


@dataclass(frozen=True, slots=True)
class Salutation:
    """The opening address of a speech or letter: "同志们：" (set flush left)."""

    text: str
    # 1-based input line it starts on; for explain and the web page, not in JSON (not compared)
    line: int = field(default=0, compare=False, kw_only=True)
    kind: ClassVar[str] = "salutation"


@dataclass(frozen=True, slots=True)
class Byline:
    """A line under a title naming who spoke or wrote, where or when: "县委书记　张三"."""

    text: str
    # 1-based input line it starts on; for explain and the web page, not in JSON (not compared)
    line: int = field(default=0, compare=False, kw_only=True)
    kind: ClassVar[str] = "byline"


@dataclass(frozen=True, slots=True)
class Attachment:
    """One item of the 附件说明 (7.3.4); consecutive ones are one list under "附件："."""

    number: str  # "1." — "" for a single unnumbered attachment
    text: str  # the attachment's name, without "附件：" and without its number
    # 1-based input line it starts on; for explain and the web page, not in JSON (not compared)
    line: int = field(default=0, compare=False, kw_only=True)
    kind: ClassVar[str] = "attachment"


@dataclass(frozen=True, slots=True)
class Signature:
    """发文机关署名 (7.3.5): one signing organ or person, one line."""

    text: str
    # 1-based input line it starts on; for explain and the web page, not in JSON (not compared)
    line: int = field(default=0, compare=False, kw_only=True)
    kind: ClassVar[str] = "signature"


@dataclass(frozen=True, slots=True)
class Date:
    """成文日期 (7.3.5.4), as printed."""

    text: str
    # 1-based input line it starts on; for explain and the web page, not in JSON (not compared)
    line: int = field(default=0, compare=False, kw_only=True)
    kind: ClassVar[str] = "date"


@dataclass(frozen=True, slots=True)
class Note:
    """附注 (7.3.6), with its round brackets: "（此件公开发布）"."""

    text: str
    # 1-based input line it starts on; for explain and the web page, not in JSON (not compared)
    line: int = field(default=0, compare=False, kw_only=True)
    kind: ClassVar[str] = "note"


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell; a cell spanning rows or columns covers positions that hold none."""

    text: str
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True, slots=True)
class Table:
    """A table: rows of cells, the first ``header_rows`` of them the header."""

    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int = 0
    caption: str = ""
    # 1-based input line it starts on; for explain and the web page, not in JSON (not compared)
    line: int = field(default=0, compare=False, kw_only=True)
    kind: ClassVar[str] = "table"


# blocks that are one line of text and nothing else, by their JSON type
TextBlock = Paragraph | Recipients | Salutation | Byline | Signature | Date | Note
TEXT_BLOCKS: dict[str, type[TextBlock]] = {
    c.kind: c for c in (Paragraph, Recipients, Salutation, Byline, Signature, Date, Note)
}
Block = Heading | TextBlock | Attachment | Table


@dataclass(frozen=True, slots=True)
class Head:
    """版头 (7.2): what stands above the red separator line; "" (or ()) when absent."""

    copy_number: str = ""  # 份号
    classification: str = ""  # 密级和保密期限
    urgency: str = ""  # 紧急程度
    issuer: str = ""  # 发文机关标志, as printed ("XX县人民政府文件")
    doc_number: str = ""  # 发文字号 ("X政发〔2024〕3号")
    signers: tuple[str, ...] = ()  # 签发人

    def values(self) -> Iterator[str]:
        """Every value, in the order the 版头 prints them."""
        yield from (self.copy_number, self.classification, self.urgency, self.issuer, self.doc_number)
        yield from self.signers


@dataclass(frozen=True, slots=True)
class Imprint:
    """版记 (7.4): the ruled block at the foot of the last page; "" when absent."""

    recipients: str = ""  # 主送 moved here (text after "主送：")
    cc: str = ""  # 抄送机关 (text after "抄送：")
    printer: str = ""  # 印发机关
    print_date: str = ""  # 印发日期, with "印发"
    # the 1999 edition's 版记 lines, kept where older documents print them
    keywords: str = ""  # 主题词 (text after "主题词："), above 抄送
    copies: str = ""  # "共印60份", after the 印发 line

    def values(self) -> Iterator[str]:
        yield from (self.keywords, self.recipients, self.cc, self.printer, self.print_date, self.copies)


@dataclass(frozen=True, slots=True)
class Article:
    """One document of the input: title, subtitle and blocks in reading order, and the
    版头 and 版记 when it has them."""

    title: str
    subtitle: str
    blocks: tuple[Block, ...]
    head: Head | None = None
    imprint: Imprint | None = None


@dataclass(frozen=True, slots=True)
class Notice:
    """A warning as data (pandoc's LogMessage): never an error, never printed here."""

    code: str
    message: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class DocTree:
    """One input file, converted."""

    source: str
    encoding: str
    documents: tuple[Article, ...]
    removed: tuple[Removal, ...]
    notices: tuple[Notice, ...] = ()
    schema: str = SCHEMA
    # what structure repaired (paragraphs joined, lines split): for `gongwen explain`, not in JSON
    repairs: tuple[Notice, ...] = field(default=(), compare=False)


# ---------------------------------------------------------------- hand-offs between stages


HintKind = Literal["title", "subtitle", "heading", "run-in", "item", "paragraph", "table"]


@dataclass(frozen=True, slots=True)
class Hint:
    """What the reader of a structured format (Markdown, Word, PDF, a page) knows about one line
    of :attr:`Decoded.text`, for the structure stage to honour.

    * ``title`` / ``subtitle``: the line is a document's title (a lone top ``#``, Word's
      Title style, the large centred line of a PDF) or its subtitle; a title opens a
      document.
    * ``heading``: a heading at ``level`` 1–4 as the source nests it (Markdown depth
      re-based, Word outline level); 0 when the source says "a heading" without a depth
      (a bold line).  A numbering marker in the text still sets the 公文 level.
    * ``run-in``: a heading run into its paragraph (a bold lead ``**一是……。**正文``);
      ``head`` is the heading part at the start of the line, the rest is its tail.
    * ``item``: a list item, its marker already written as 公文 practice does: a
      paragraph, never a heading.
    * ``paragraph``: a paragraph of its own that is never a heading (a picture's caption
      on a saved page: short and unpunctuated like a heading).
    * ``table``: row ``row`` of table number ``group`` (1, 2, … in the input); the line
      holds the row's cells joined by tabs, ``cells`` their spans and texts as read.
    """

    line: int  # 1-based line of Decoded.text
    kind: HintKind
    level: int = 0
    head: str = ""
    group: int = 0
    row: int = 0
    cells: tuple[Cell, ...] = ()
    header_rows: int = 0  # table: header rows of the whole table (on every row's hint)


@dataclass(frozen=True, slots=True)
class Hints:
    """Every :class:`Hint` of an input, and what holds for all of its lines."""

    hints: tuple[Hint, ...] = ()
    # every line is a whole paragraph as the source laid it out (Markdown, Word, a PDF's
    # lines rejoined by their geometry): never the continuation of the line before
    paragraphs: bool = False
    _by_line: dict[int, Hint] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_line", {h.line: h for h in self.hints})

    def at(self, line: int) -> Hint | None:
        """The hint of input line ``line`` (1-based), or None.

        >>> Hints((Hint(3, "heading", 1),)).at(3).kind, Hints().at(3)
        ('heading', None)
        """
        return self._by_line.get(line)

    def titles(self) -> tuple[int, ...]:
        """The lines hinted as titles, in order."""
        return tuple(h.line for h in self.hints if h.kind == "title")


NO_HINTS = Hints()


@dataclass(frozen=True, slots=True)
class Meta:
    """Document metadata stated outside the body text: a Markdown draft's YAML front
    matter.  Field names are the doc-tree/2 ``head`` and ``imprint`` names (and the
    title, signature and date blocks), the names ``--meta`` uses (issue 15)."""

    title: str = ""
    head: Head | None = None
    imprint: Imprint | None = None
    recipients: str = ""  # 主送机关, a block before the body
    signatures: tuple[str, ...] = ()  # 署名, one block per organ after the body
    date: str = ""  # 成文日期


@dataclass(frozen=True, slots=True)
class Decoded:
    """What decode hands to clean: the input as text, and what decoding dropped."""

    text: str  # LF line ends, visible text only (an HTML page reduced to its text lines)
    encoding: str  # doc-tree `encoding`: utf-8, utf-8-sig, utf-16, gb18030, big5, ...
    removed: tuple[Removal, ...] = ()  # what decoding dropped (U+FFFD, HTML page chrome)
    notices: tuple[Notice, ...] = ()
    title_hint: str = ""  # an HTML page's <h1> and <title>, one per line: candidates for the title
    # what the input was: "text", "html" (a page whose chrome decode already judged from its
    # structure), "markdown", "docx" or "pdf" (pipeline.clean.rules_for picks the rules by it)
    form: str = "text"
    # what a reader of a structured format knows about the lines (Markdown, DOCX, PDF)
    hints: Hints = NO_HINTS
    meta: Meta | None = None  # a Markdown draft's front matter
    tables: tuple[Table, ...] = ()  # an HTML page's data tables; their rows are lines of ``text``


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What clean hands to structure."""

    lines: tuple[Line, ...]  # kept lines, cut spans taken out
    removed: tuple[Removal, ...]  # input order
    notices: tuple[Notice, ...] = ()
    # input lines where a copy of a title was cut away (a repeated, listing or collection
    # title, see pipeline.reasons): an article may start at the line before or after one
    title_cuts: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class PlacedTable:
    """A table found on the decoded lines, and the input lines it took (structure puts it
    back where it stood)."""

    first: int  # input line of its first line (its caption, or its first row)
    last: int
    table: Table


@dataclass(frozen=True, slots=True)
class Structured:
    """What structure hands back: the articles, and what structure itself dropped."""

    articles: tuple[Article, ...]
    removed: tuple[Removal, ...] = ()
    notices: tuple[Notice, ...] = ()
    repairs: tuple[Notice, ...] = ()  # paragraphs joined and lines split, for `gongwen explain`


def head_lines(head: Head | None) -> list[str]:
    """The 版头 as printed, one string per line (签发人 with its label).

    >>> head_lines(Head(issuer="XX县人民政府文件", doc_number="X政发〔2024〕3号", signers=("张三",)))
    ['XX县人民政府文件', 'X政发〔2024〕3号', '签发人：张三']
    """
    if head is None:
        return []
    lines = [
        v for v in (head.copy_number, head.classification, head.urgency, head.issuer, head.doc_number) if v
    ]
    if head.signers:
        lines.append("签发人：" + "　".join(head.signers))
    return lines


def imprint_lines(imprint: Imprint | None) -> list[str]:
    """The 版记 as printed, one string per line (主送 and 抄送 with their labels).

    >>> imprint_lines(Imprint(cc="县委各部门。", printer="XX县人民政府办公室", print_date="2024年3月6日印发"))
    ['抄送：县委各部门。', 'XX县人民政府办公室', '2024年3月6日印发']
    """
    if imprint is None:
        return []
    lines = []
    if imprint.keywords:
        lines.append("主题词：" + imprint.keywords)
    if imprint.recipients:
        lines.append("主送：" + imprint.recipients)
    if imprint.cc:
        lines.append("抄送：" + imprint.cc)
    return lines + [v for v in (imprint.printer, imprint.print_date, imprint.copies) if v]


ATTACHMENT_LABEL = "附件："


def block_lines(blocks: tuple[Block, ...]) -> Iterator[tuple[Block, str]]:
    """Each block with its printed text: a heading's number, text and tail; an
    attachment with "附件：" before the first of a list; a table one line per row, its
    cells joined by a space (a table yields once per row).

    >>> [t for _, t in block_lines((Attachment("1.", "名单"), Attachment("2.", "安排表")))]
    ['附件：1.名单', '2.安排表']
    """
    prev: Block | None = None
    for b in blocks:
        if isinstance(b, Heading):
            yield b, b.number + b.text + b.tail
        elif isinstance(b, Attachment):
            yield b, ("" if isinstance(prev, Attachment) else ATTACHMENT_LABEL) + b.number + b.text
        elif isinstance(b, Table):
            if b.caption:
                yield b, b.caption
            for row in b.rows:
                yield b, " ".join(c.text for c in row)
        else:
            yield b, b.text
        prev = b


def article_lines(article: Article) -> list[str]:
    """An article's printed lines in reading order: 版头, title, subtitle, each block
    (see :func:`block_lines`), 版记; empty title and subtitle left out.

    >>> article_lines(Article("题", "", (Heading(1, "一、", "甲", "乙"), Paragraph("丙"))))
    ['题', '一、甲乙', '丙']
    """
    parts = [*head_lines(article.head), article.title, article.subtitle]
    parts += [text for _, text in block_lines(article.blocks)]
    parts += imprint_lines(article.imprint)
    return [p for p in parts if p]


def body_text(article: Article) -> str:
    """All printed text of an article in reading order (used by checks and tests).

    >>> body_text(Article("题", "", (Heading(1, "一、", "甲", "乙"), Paragraph("丙"))))
    '题一、甲乙丙'
    """
    return "".join(article_lines(article))


# ---------------------------------------------------------------- JSON edge


def _cell_to_json(c: Cell) -> str | dict[str, Any]:
    if c.rowspan == 1 and c.colspan == 1:
        return c.text
    d: dict[str, Any] = {"text": c.text}
    if c.rowspan != 1:
        d["rowspan"] = c.rowspan
    if c.colspan != 1:
        d["colspan"] = c.colspan
    return d


def _block_to_dict(b: Block) -> dict[str, Any]:
    if isinstance(b, Heading):
        d: dict[str, Any] = {"type": "heading", "level": b.level, "number": b.number, "text": b.text}
        if b.tail:
            d["tail"] = b.tail
        return d
    if isinstance(b, Attachment):
        return {"type": "attachment", "number": b.number, "text": b.text}
    if isinstance(b, Table):
        return {
            "type": "table",
            "caption": b.caption,
            "header_rows": b.header_rows,
            "rows": [[_cell_to_json(c) for c in row] for row in b.rows],
        }
    return {"type": b.kind, "text": b.text}


def _downgraded(a: Article) -> list[dict[str, Any]]:
    """doc-tree/1 blocks: every element doc-tree/1 lacks as the paragraphs it prints."""
    out = [{"type": "paragraph", "text": t} for t in head_lines(a.head)]
    for b, text in block_lines(a.blocks):
        out.append(
            _block_to_dict(b) if isinstance(b, Heading | Paragraph) else {"type": "paragraph", "text": text}
        )
    return out + [{"type": "paragraph", "text": t} for t in imprint_lines(a.imprint)]


def _document_to_dict(a: Article, schema: str) -> dict[str, Any]:
    if schema == "doc-tree/1":
        return {"title": a.title, "subtitle": a.subtitle, "blocks": _downgraded(a)}
    d: dict[str, Any] = {"title": a.title, "subtitle": a.subtitle}
    if a.head is not None:
        d["head"] = {
            "copy_number": a.head.copy_number,
            "classification": a.head.classification,
            "urgency": a.head.urgency,
            "issuer": a.head.issuer,
            "doc_number": a.head.doc_number,
            "signers": list(a.head.signers),
        }
    d["blocks"] = [_block_to_dict(b) for b in a.blocks]
    if a.imprint is not None:
        d["imprint"] = {
            "recipients": a.imprint.recipients,
            "cc": a.imprint.cc,
            "printer": a.imprint.printer,
            "print_date": a.imprint.print_date,
        }
        # the 1999 edition's lines, written only when a document has them
        for name in ("keywords", "copies"):
            if getattr(a.imprint, name):
                d["imprint"][name] = getattr(a.imprint, name)
    return d


def to_dict(doc: DocTree, schema: str = SCHEMA) -> dict[str, Any]:
    """The doc-tree object (``schema`` doc-tree/2, or doc-tree/1 for tools that read only
    that), keys in the order of ``docs/doc-tree.md``."""
    if schema not in SCHEMAS:
        raise SchemaError(f"unknown schema {schema!r}: choose one of {', '.join(SCHEMAS)}")
    return {
        "schema": schema,
        "source": doc.source,
        "encoding": doc.encoding,
        "documents": [_document_to_dict(a, schema) for a in doc.documents],
        "removed": [{"text": r.text, "reason": r.reason} for r in doc.removed],
        "notices": [{"code": n.code, "message": n.message, "line": n.line} for n in doc.notices],
    }


def to_json(doc: DocTree, schema: str = SCHEMA) -> str:
    """Stable, readable JSON: fixed key order, Chinese not escaped, trailing newline."""
    return json.dumps(to_dict(doc, schema), ensure_ascii=False, indent=2) + "\n"


class _Reader:
    """Reads a doc-tree object; every error names the JSON path of what is wrong."""

    def __init__(self, schema: str) -> None:
        self.schema = schema

    @staticmethod
    def obj(v: Any, path: str) -> dict[str, Any]:
        if not isinstance(v, dict):
            raise SchemaError(f"{path}: must be an object, got {_type(v)}")
        return v

    @staticmethod
    def items(v: Any, path: str) -> list[Any]:
        if not isinstance(v, list):
            raise SchemaError(f"{path}: must be a list, got {_type(v)}")
        return v

    @staticmethod
    def text(d: dict[str, Any], key: str, path: str, default: str | None = None) -> str:
        v = d.get(key, default)
        if not isinstance(v, str):
            got = "nothing" if key not in d else _type(v)
            raise SchemaError(f"{path}.{key}: must be a string, got {got}")
        return v

    @staticmethod
    def whole(d: dict[str, Any], key: str, path: str, lo: int, hi: int, default: int | None = None) -> int:
        v = d.get(key, default)
        if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
            raise SchemaError(
                f"{path}.{key}: must be a whole number {lo}–{hi}, got {json.dumps(v, ensure_ascii=False)}"
            )
        return v

    def cell(self, v: Any, path: str) -> Cell:
        if isinstance(v, str):
            return Cell(v)
        d = self.obj(v, path)
        return Cell(
            self.text(d, "text", path),
            self.whole(d, "rowspan", path, 1, 1000, 1),
            self.whole(d, "colspan", path, 1, 1000, 1),
        )

    def block(self, v: Any, path: str) -> Block:
        d = self.obj(v, path)
        kind = d.get("type")
        if kind == "heading":
            return Heading(
                self.whole(d, "level", path, 1, 4),
                self.text(d, "number", path, ""),
                self.text(d, "text", path),
                self.text(d, "tail", path, "") if d.get("tail") is not None else "",
            )
        if self.schema == "doc-tree/1" and kind != "paragraph":
            raise SchemaError(f"{path}.type: doc-tree/1 has headings and paragraphs only, got {kind!r}")
        if kind in TEXT_BLOCKS:
            return TEXT_BLOCKS[kind](self.text(d, "text", path))
        if kind == "attachment":
            return Attachment(self.text(d, "number", path, ""), self.text(d, "text", path))
        if kind == "table":
            rows = tuple(
                tuple(
                    self.cell(c, f"{path}.rows[{i}][{j}]")
                    for j, c in enumerate(self.items(r, f"{path}.rows[{i}]"))
                )
                for i, r in enumerate(self.items(d.get("rows"), f"{path}.rows"))
            )
            return Table(
                rows,
                self.whole(d, "header_rows", path, 0, max(len(rows), 0), 0),
                self.text(d, "caption", path, ""),
            )
        raise SchemaError(f"{path}.type: unknown block type {kind!r}")

    def head(self, v: Any, path: str) -> Head | None:
        if v is None:
            return None
        d = self.obj(v, path)
        signers = self.items(d.get("signers", []), f"{path}.signers")
        for i, name in enumerate(signers):
            if not isinstance(name, str):
                raise SchemaError(f"{path}.signers[{i}]: must be a string, got {_type(name)}")
        return Head(
            copy_number=self.text(d, "copy_number", path, ""),
            classification=self.text(d, "classification", path, ""),
            urgency=self.text(d, "urgency", path, ""),
            issuer=self.text(d, "issuer", path, ""),
            doc_number=self.text(d, "doc_number", path, ""),
            signers=tuple(signers),
        )

    def imprint(self, v: Any, path: str) -> Imprint | None:
        if v is None:
            return None
        d = self.obj(v, path)
        return Imprint(
            recipients=self.text(d, "recipients", path, ""),
            cc=self.text(d, "cc", path, ""),
            printer=self.text(d, "printer", path, ""),
            print_date=self.text(d, "print_date", path, ""),
            keywords=self.text(d, "keywords", path, ""),
            copies=self.text(d, "copies", path, ""),
        )

    def article(self, v: Any, path: str) -> Article:
        d = self.obj(v, path)
        blocks = self.items(d.get("blocks", []), f"{path}.blocks")
        return Article(
            self.text(d, "title", path, ""),
            self.text(d, "subtitle", path, ""),
            tuple(self.block(b, f"{path}.blocks[{i}]") for i, b in enumerate(blocks)),
            self.head(d.get("head"), f"{path}.head"),
            self.imprint(d.get("imprint"), f"{path}.imprint"),
        )


def _type(v: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "true/false", type(None): "null"}.get(
        type(v), "a number"
    )


def from_dict(d: Any) -> DocTree:
    """Build a DocTree from a doc-tree/1 or doc-tree/2 object; a :class:`SchemaError`
    names the JSON path of the first thing that is wrong (``documents[0].blocks[3].level``)."""
    if not isinstance(d, dict):
        raise SchemaError(f"a doc-tree must be a JSON object, got {_type(d)}")
    schema = d.get("schema")
    if schema not in SCHEMAS:
        raise SchemaError(f"schema: unsupported {schema!r} — this version reads {' and '.join(SCHEMAS)}")
    r = _Reader(schema)
    docs = r.items(d.get("documents"), "documents")
    articles = tuple(r.article(a, f"documents[{i}]") for i, a in enumerate(docs))
    removed = []
    for i, item in enumerate(r.items(d.get("removed", []), "removed")):
        o = r.obj(item, f"removed[{i}]")
        removed.append(Removal(r.text(o, "text", f"removed[{i}]"), r.text(o, "reason", f"removed[{i}]")))
    notices = []
    for i, item in enumerate(r.items(d.get("notices", []), "notices")):
        o = r.obj(item, f"notices[{i}]")
        line = o.get("line", 0)
        notices.append(
            Notice(
                r.text(o, "code", f"notices[{i}]"),
                r.text(o, "message", f"notices[{i}]"),
                line if isinstance(line, int) and not isinstance(line, bool) else 0,
            )
        )
    return DocTree(
        source=r.text(d, "source", "", ""),
        encoding=r.text(d, "encoding", "", ""),
        documents=articles,
        removed=tuple(removed),
        notices=tuple(notices),
    )


def from_json(text: str) -> DocTree:
    """Parse doc-tree/1 or doc-tree/2 JSON text."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise SchemaError(f"not JSON: {e.msg} at line {e.lineno}, column {e.colno}") from None
    return from_dict(data)
