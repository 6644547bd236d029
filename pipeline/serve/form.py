"""The input form: what a request may send and how it becomes inputs and options.

Fields: ``text`` (a pasted text), ``files`` (any number of files, every kind the CLI
takes), ``encoding`` ("" for automatic), ``keep_numbering``, ``title``.  A malformed
form is a :class:`FormError` with its HTTP status and one line.

The metadata of a formal document (发文机关, 发文字号, 签发人, 主送, 抄送, 印发, 成文日期)
has its fields in :data:`META_FIELDS` under the names of ``pipeline.structure.meta``
(what ``--meta`` takes), checked the same way: a bad value is a 400 with its one line.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.datastructures import FormData, UploadFile

from pipeline.core import Options, megabytes
from pipeline.decode import codec_name
from pipeline.errors import MetaError
from pipeline.serve.work import Upload
from pipeline.structure.meta import meta_from

ENCODINGS = (  # (value, label): the choices the page offers; "" lets decode find it
    ("", "自动识别"),
    ("utf-8", "UTF-8"),
    ("gb18030", "GBK / GB18030"),
    ("big5", "Big5（繁体）"),
    ("utf-16", "UTF-16"),
)


@dataclass(frozen=True, slots=True)
class MetaField:
    name: str  # the field's name in pipeline.structure.meta (issue 15)
    label: str
    placeholder: str


META_FIELDS: tuple[MetaField, ...] = (
    MetaField("issuer", "发文机关", "XX县人民政府文件"),
    MetaField("doc_number", "发文字号", "X政发〔2024〕3号"),
    MetaField("signers", "签发人", "张三"),
    MetaField("recipients", "主送", "各乡镇人民政府，县政府各部门"),
    MetaField("cc", "抄送", "县委各部门"),
    MetaField("printer", "印发机关", "XX县人民政府办公室"),
    MetaField("print_date", "印发日期", "2024-03-06"),
    MetaField("date", "成文日期", "2024-03-05"),
)


class FormError(Exception):
    """A request the form cannot be read from: its HTTP status and one line."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def context(max_bytes: int, max_files: int) -> dict[str, object]:
    """What the input form's template needs."""
    return {
        "encodings": ENCODINGS,
        "meta_fields": META_FIELDS,
        "max_size": megabytes(max_bytes),
        "max_files": max_files,
    }


def meta_values(form: FormData) -> dict[str, str]:
    """The metadata fields that were filled in, by their issue-15 names."""
    values = {}
    for f in META_FIELDS:
        v = form.get(f.name)
        if isinstance(v, str) and v.strip():
            values[f.name] = v.strip()
    return values


def parse(form: FormData, max_bytes: int) -> tuple[list[Upload], Options]:
    """The inputs (files in the order given, then a pasted text) and the options."""
    uploads = []
    for item in form.getlist("files"):
        if not isinstance(item, UploadFile):
            raise FormError(400, "malformed form: files must be file uploads")
        data = item.file.read()
        if not data and not item.filename:
            continue  # the browser's empty file input
        uploads.append(Upload(item.filename or "input", data))
    text = form.get("text", "")
    if not isinstance(text, str):
        raise FormError(400, "malformed form: text must be a text field")
    if text.strip():
        uploads.append(Upload("", text.encode("utf-8"), pasted=True))
    if not uploads:
        raise FormError(400, "nothing to convert: paste a text or choose files")
    total = sum(len(u.data) for u in uploads)
    if total > max_bytes:  # --max-bytes caps the inputs of one upload together
        raise FormError(
            413,
            f"the upload is {megabytes(total)}, over the {megabytes(max_bytes)} limit"
            " — send fewer or smaller files",
        )
    encoding = form.get("encoding", "")
    if not isinstance(encoding, str) or (encoding and codec_name(encoding) is None):
        raise FormError(400, f"unknown encoding {encoding!r}")
    title = form.get("title", "")
    if not isinstance(title, str):
        raise FormError(400, "malformed form: title must be a text field")
    try:
        supplied = meta_from(meta_values(form))
    except MetaError as e:
        raise FormError(400, str(e)) from None
    options = Options(
        encoding=encoding or None,
        title=title.strip() or None,
        keep_numbering=form.get("keep_numbering") in ("on", "1", "true"),
        max_bytes=max_bytes,
        meta=supplied.meta(),
    )
    return uploads, options
