"""meta: document metadata stated outside the body text, checked and merged in.

Two sources give it: a Markdown draft's front matter (read by decode) and the user —
``gongwen convert x.txt --meta doc.toml`` and one option per field (``--doc-number …``),
for what a copied text does not hold (版头, 主送, 署名, 成文日期, 版记).  :func:`meta_from`
checks the user's values (a 发文字号 in the form X政发〔2024〕3号, dates that exist) into
:class:`Supplied`; :func:`apply_meta` merges a :class:`~pipeline.model.Meta` into a
single-document input: what the text already has wins, a value is filled in, never
overwritten.  Every field the user may give is listed once, in :data:`FIELDS` (name, kind,
what it is and its clause): the TOML keys, the command-line options and the checks all
come from that table.

>>> s = meta_from({"doc_number": "X政发〔2024〕3号", "date": "2024-03-05", "cc": "县委各部门"})
>>> s.doc_number, s.date, s.cc
('X政发〔2024〕3号', '2024年3月5日', '县委各部门。')
>>> meta_from({"date": "2024年2月30日"})
Traceback (most recent call last):
  ...
pipeline.errors.MetaError: date: 2024年2月30日 is not a real date
"""

from __future__ import annotations

import datetime
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal

from pipeline.errors import MetaError
from pipeline.model import Article, Block, Date, Head, Imprint, Meta, Note, Notice, Recipients, Signature
from pipeline.text import elements
from pipeline.text.normalize import normalize

Kind = Literal["text", "names", "date", "flag"]


@dataclass(frozen=True, slots=True)
class Field:
    """One value a user may supply: its key (TOML key, ``--key-with-dashes`` option)."""

    name: str
    kind: Kind
    help: str
    option: str = ""  # the command-line option when not --name-with-dashes ("--signer", repeated)

    @property
    def flag(self) -> str:
        return self.option or "--" + self.name.replace("_", "-")


FIELDS: tuple[Field, ...] = (
    Field("copy_number", "text", "份号: six digits (GB/T 9704 7.2.1)"),
    Field("classification", "text", "密级和保密期限: 绝密, 机密 or 秘密, e.g. 机密★1年 (7.2.2)"),
    Field("urgency", "text", "紧急程度: 特急 or 加急 (7.2.3)"),
    Field("issuer", "text", "发文机关标志, e.g. XX县人民政府文件 (7.2.4)"),
    Field("doc_number", "text", "发文字号 in the form X政发〔2024〕3号 (7.2.5)"),
    Field("signers", "names", "签发人 (a 上行文's signing officials; repeat the option) (7.2.6)", "--signer"),
    Field("recipients", "text", "主送机关, e.g. 各乡镇人民政府，县政府各部门 (7.3.2)"),
    Field("signature", "names", "发文机关署名, one organ per value (repeat the option) (7.3.5)"),
    Field("date", "date", "成文日期: 2024-03-05 or 2024年3月5日 (7.3.5.4)"),
    Field("cc", "text", "抄送机关 (7.4.2)"),
    Field("printer", "text", "印发机关 (7.4.3)"),
    Field("print_date", "date", "印发日期: 2024-03-06 or 2024年3月6日 (7.4.3)"),
    Field("seal", "flag", "leave room for a seal: 署名/日期 per 7.3.5.1 instead of 7.3.5.2"),
)
BY_NAME = {f.name: f for f in FIELDS}

URGENCIES = ("特急", "加急")  # STD 7.2.3 (特提/平急 are 电报 grades, not for documents)
_CLASSIFICATION = re.compile(r"^(?:绝密|机密|秘密)(?:★\S{1,10})?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_BRACKETS = str.maketrans(
    {"[": "〔", "]": "〕", "［": "〔", "］": "〕", "(": "〔", ")": "〕", "（": "〔", "）": "〕"}
)
PRINTED = "印发"  # the 印发日期 is printed with it (7.4.3)


@dataclass(frozen=True, slots=True)
class Supplied:
    """The user's checked values, "" (or ()) where none was given; doc-tree field names."""

    copy_number: str = ""
    classification: str = ""
    urgency: str = ""
    issuer: str = ""
    doc_number: str = ""
    signers: tuple[str, ...] = ()
    recipients: str = ""
    signature: tuple[str, ...] = ()
    date: str = ""  # 成文日期, in the standard form 2024年3月5日
    cc: str = ""
    printer: str = ""
    print_date: str = ""  # with 印发
    seal: bool = False  # a render option: 署名/日期 laid out for a seal

    def meta(self) -> Meta | None:
        """The document values as the model's :class:`~pipeline.model.Meta` (None when
        there are none)."""
        head = Head(
            self.copy_number, self.classification, self.urgency, self.issuer, self.doc_number, self.signers
        )
        imprint = Imprint("", self.cc, self.printer, self.print_date)
        meta = Meta(
            head=head if any(head.values()) else None,
            imprint=imprint if any(imprint.values()) else None,
            recipients=self.recipients,
            signatures=self.signature,
            date=self.date,
        )
        return None if meta == Meta() else meta


# ---------------------------------------------------------------- checks


def _date(name: str, value: object) -> str:
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return elements.standard_date(value.year, value.month, value.day)
    if not isinstance(value, str):
        raise MetaError(f"{name}: must be a date such as 2024-03-05 or 2024年3月5日")
    text = value.strip().removesuffix(PRINTED).strip()
    iso = _ISO_DATE.match(text)
    ymd = tuple(int(g) for g in iso.groups()) if iso else elements.parse_date(text)
    if ymd is None:
        raise MetaError(f"{name}: {value} is not a date — write it as 2024-03-05 or 2024年3月5日")
    y, m, d = ymd
    if not elements.real_date(y, m, d):
        raise MetaError(f"{name}: {value} is not a real date")
    return elements.standard_date(y, m, d)


def _text(name: str, value: object) -> str:
    if not isinstance(value, str):
        raise MetaError(f"{name}: must be text, got {type(value).__name__}")
    return normalize(value)


def _names(name: str, value: object) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list | tuple) or not all(isinstance(v, str) for v in items):
        raise MetaError(f'{name}: must be text or a list of texts, e.g. ["张三", "李四"]')
    return tuple(normalize(v) for v in items if v.strip())


def _doc_number(value: str) -> str:
    if elements.STRICT_DOC_NUMBER.match(value):
        return value
    hint = ""
    found = elements.doc_number(value)
    if found is not None:
        fixed = re.sub(r"第?0*(\d+)(?=[号號]$)", r"\1", found.translate(_BRACKETS)).replace("號", "号")
        fixed = re.sub(r"\s+", "", fixed)
        hint = f" — write {fixed}" if elements.STRICT_DOC_NUMBER.match(fixed) else ""
    raise MetaError(
        f"doc_number: {value} is not a 发文字号 of the form X政发〔2024〕3号"
        f" (year in full in 〔〕, number without 第 or leading zeros){hint}"
    )


def _checked(name: str, value: object) -> object:
    kind = BY_NAME[name].kind
    if kind == "flag":
        if not isinstance(value, bool):
            raise MetaError(f"{name}: must be true or false")
        return value
    if kind == "date":
        out = _date(name, value)
        return out + PRINTED if name == "print_date" else out
    if kind == "names":
        return _names(name, value)
    text = _text(name, value)
    if not text:
        return text
    if name == "doc_number":
        return _doc_number(text)
    if name == "copy_number" and not re.fullmatch(r"\d{6}", text):
        raise MetaError(f"copy_number: {text} is not a 份号 of six digits, e.g. 000123")
    if name == "classification" and not _CLASSIFICATION.match(text):
        raise MetaError(
            f"classification: {text} is not 绝密, 机密 or 秘密 (with ★ and a period, e.g. 机密★1年)"
        )
    if name == "urgency" and text not in URGENCIES:
        raise MetaError(f"urgency: {text} is not 特急 or 加急")
    if name == "recipients" and not text.endswith("："):
        return text.rstrip("，,;；") + "："  # 主送机关 end with a full-width colon (7.3.2)
    if name == "cc" and not text.endswith("。"):
        return text.rstrip("，,;；") + "。"  # a 句号 after the last organ (7.4.2)
    return text


def meta_from(values: Mapping[str, object], base: Supplied = Supplied()) -> Supplied:
    """``base`` with ``values`` (TOML keys or option names) checked and set; a
    :class:`~pipeline.errors.MetaError` names the first value that is wrong."""
    unknown = sorted(set(values) - set(BY_NAME))
    if unknown:
        raise MetaError(f"unknown key {unknown[0]!r} — the keys are {', '.join(BY_NAME)}")
    checked: dict[str, Any] = {name: _checked(name, v) for name, v in values.items()}
    return replace(base, **checked)


def parse_meta(text: str) -> Supplied:
    """A metadata file (TOML: ``doc_number = "X政发〔2024〕3号"`` …), checked.

    >>> parse_meta('issuer = "XX县人民政府文件"\\nsignature = ["XX县人民政府"]\\ndate = 2024-03-05').signature
    ('XX县人民政府',)
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise MetaError(f"not TOML: {e}") from None
    return meta_from(data)


# ---------------------------------------------------------------- merging


def _filled(found: Head | Imprint | None, given: Head | Imprint | None) -> Any:
    """``found`` with the fields it lacks taken from ``given`` (field by field)."""
    if found is None or given is None:
        return found or given
    values = {f: getattr(found, f) or getattr(given, f) for f in type(found).__dataclass_fields__}
    return type(found)(**values)


def merged(first: Meta | None, second: Meta | None) -> Meta | None:
    """Two sources of metadata as one, ``first`` winning field by field (the user's
    options and file over a draft's front matter).

    >>> merged(Meta(date="2024年3月5日"), Meta(title="通知", date="2024年1月1日"))
    Meta(title='通知', head=None, imprint=None, recipients='', signatures=(), date='2024年3月5日')
    """
    if first is None or second is None:
        return first or second
    return Meta(
        first.title or second.title,
        _filled(first.head, second.head),
        _filled(first.imprint, second.imprint),
        first.recipients or second.recipients,
        first.signatures or second.signatures,
        first.date or second.date,
    )


def _closing(blocks: list[Block]) -> tuple[int, int]:
    """Where the last run of 署名/日期 blocks stands, or where one goes (before the notes
    that end the article): (start, end) indexes."""
    end = len(blocks)
    while end and isinstance(blocks[end - 1], Note):
        end -= 1
    for i in range(len(blocks) - 1, -1, -1):
        if isinstance(blocks[i], Signature | Date):
            start = stop = i + 1
            while start and isinstance(blocks[start - 1], Signature | Date):
                start -= 1
            return start, stop
    return end, end


def apply_meta(articles: tuple[Article, ...], meta: Meta | None) -> tuple[tuple[Article, ...], list[Notice]]:
    """``articles`` with ``meta`` filled in (one document only; a notice otherwise): the
    title when the text has none, each 版头 and 版记 field it lacks, the 主送机关 before
    the body, 署名 and 成文日期 where the closing goes (before the 附注).

    >>> from pipeline.model import Paragraph, Head
    >>> (a,), _ = apply_meta((Article("", "", (Paragraph("正文。"), Note("（此件公开发布）"))),),
    ...                      Meta(title="通知", head=Head(issuer="XX县人民政府文件"), date="2024年3月5日"))
    >>> a.title, a.head.issuer, [b.kind for b in a.blocks]
    ('通知', 'XX县人民政府文件', ['paragraph', 'date', 'note'])
    """
    if meta is None or meta == Meta():
        return articles, []
    if len(articles) != 1:
        return articles, [
            Notice(
                "meta-ignored",
                f"front matter and --meta apply to one document; this input has {len(articles)}",
            )
        ]
    a = articles[0]
    blocks: list[Block] = list(a.blocks)
    if meta.recipients and not any(isinstance(b, Recipients) for b in blocks):
        blocks.insert(0, Recipients(normalize(meta.recipients)))
    start, stop = _closing(blocks)
    group = blocks[start:stop]
    if meta.signatures and not any(isinstance(b, Signature) for b in group):
        group = [Signature(normalize(s)) for s in meta.signatures] + group
    if meta.date and not any(isinstance(b, Date) for b in group):
        group.append(Date(normalize(meta.date)))
    blocks[start:stop] = group
    return (
        replace(
            a,
            title=a.title or normalize(meta.title),
            blocks=tuple(blocks),
            head=_filled(a.head, meta.head),
            imprint=_filled(a.imprint, meta.imprint),
        ),
    ), []
