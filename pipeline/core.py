"""The one place the stages meet: bytes in, a DocTree out.

Reading :func:`convert` tells you the whole pipeline.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.clean import Rule, clean, rules_for
from pipeline.decode import decode
from pipeline.errors import InputError, NoBodyError, SchemaError, TooBigError
from pipeline.model import Article, Cleaned, Decoded, DocTree, Meta, Structured, from_json
from pipeline.structure import apply_meta, find_tables, structure
from pipeline.structure.meta import merged
from pipeline.structure.titles import TITLE_MAX
from pipeline.text.lines import split_lines

# Larger inputs are refused (issue 8).  20 MB converts in seconds with memory well under
# 1 GB (README, "Performance"); a file far beyond it is almost never a document someone
# copied off the web, and refusing it before reading keeps one stray dump from taking
# the machine's memory.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
# the input forms whose tables structure finds on the lines (pipeline.structure.tables); a
# Markdown, Word or PDF reader hands its tables over as hints instead
TABLE_FORMS = ("text", "html")


@dataclass(frozen=True, slots=True)
class Options:
    """What a user can choose per conversion."""

    encoding: str | None = None  # --encoding: force this codec
    title: str | None = None  # --title: supply the title of a single-article input
    keep_numbering: bool = False  # --keep-numbering: print the source's markers
    max_bytes: int = DEFAULT_MAX_BYTES
    meta: Meta | None = None  # --meta and its options: filled in where the text has no value


def megabytes(n: int) -> str:
    """A byte count as the CLI prints it (1 MB = 2**20 bytes, like ``--max-bytes``'s default).

    >>> megabytes(20 * 1024 * 1024), megabytes(25_500_000), megabytes(1000)
    ('20 MB', '24.3 MB', '1000 bytes')
    """
    if n < 1024 * 1024:
        return f"{n} bytes"
    return f"{n / (1024 * 1024):.1f}".removesuffix(".0") + " MB"


def check_size(size: int, max_bytes: int, *, at_least: bool = False) -> None:
    """Raise :class:`~pipeline.errors.TooBigError` when an input of ``size`` bytes is over the limit.

    The CLI calls it on the file's size before reading it, and with ``at_least`` when a
    file that said it was smaller gave more than the limit (a ``/proc`` file says 0);
    :func:`convert` calls it on the data.
    """
    if size > max_bytes:
        what = "over" if at_least else f"{megabytes(size)}, over"
        raise TooBigError(
            f"input is {what} the {megabytes(max_bytes)} limit — split the file or raise --max-bytes"
        )


def check_title(title: str) -> str:
    """A ``--title`` as it will be printed, or :class:`InputError` saying what is wrong.

    A title is one line of visible text of at most the length of the longest title the
    pipeline itself would take (``structure.titles.TITLE_MAX``): a control character, a
    line break or an invisible format character (U+202E, which reverses what follows)
    is a mistake or a trick in a title, never part of it.

    >>> check_title("  关于做好防汛工作的通知 ")
    '关于做好防汛工作的通知'
    >>> check_title("通知\u202e")
    Traceback (most recent call last):
    pipeline.errors.InputError: --title holds an invisible or control character (U+202E) — type the title without it
    """
    t = title.strip()
    if not t:
        raise InputError("--title is empty — give the title's text, or leave --title off")
    bad = next((c for c in t if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp")), None)
    if bad is not None:
        raise InputError(
            f"--title holds an invisible or control character (U+{ord(bad):04X}) — type the title without it"
        )
    if len(t) > TITLE_MAX:
        raise InputError(f"--title is {len(t)} characters long, over {TITLE_MAX} — shorten it")
    return t


def has_body(articles: Sequence[Article]) -> bool:
    """Whether anything is left to print: a title or a block in some article."""
    return any(a.blocks or a.title for a in articles)


@dataclass(frozen=True, slots=True)
class Trace:
    """Every stage's result for one input: what ``gongwen explain`` shows."""

    decoded: Decoded
    cleaned: Cleaned
    structured: Structured
    doc: DocTree


def trace(
    data: bytes, source: str, options: Options = Options(), *, rules: Sequence[Rule] | None = None
) -> Trace:
    """Decode, clean and structure one input, keeping each stage's result.

    Unlike :func:`convert` it returns a tree with no body too (an all-cruft input), so
    that ``explain`` can show what was removed from it.  ``rules`` is for measuring the
    cleaning rules (tools/corpus_eval.py scores the judge fitted without a site on it);
    by default they are :func:`pipeline.clean.rules_for` the input's form.
    """
    check_size(len(data), options.max_bytes)
    if options.title is not None:
        options = replace(options, title=check_title(options.title))
    decoded = decode(data, hint=options.encoding, filename=source)
    lines = split_lines(decoded.text)
    cleaned = clean(lines, rules_for(decoded.form) if rules is None else rules)
    # tables typed as text or read from a page's <table>s (a reader's tables are hinted)
    cleaned, tables = (
        find_tables(lines, cleaned, decoded.tables) if decoded.form in TABLE_FORMS else (cleaned, ())
    )
    result = structure(
        cleaned,
        tables=tables,
        title=options.title,
        keep_numbering=options.keep_numbering,
        hint=decoded.title_hint,
        hints=decoded.hints,
    )
    # the user's values over a draft's front matter; the text's own over both
    articles, meta_notices = apply_meta(result.articles, merged(options.meta, decoded.meta))
    removed = tuple(sorted(decoded.removed + cleaned.removed + result.removed, key=lambda r: r.line))
    doc = DocTree(
        source=source,
        encoding=decoded.encoding,
        documents=articles,
        removed=removed,
        notices=decoded.notices + cleaned.notices + result.notices + tuple(meta_notices),
        repairs=result.repairs,
    )
    return Trace(decoded, cleaned, result, doc)


def convert_traced(
    data: bytes, source: str, options: Options = Options(), *, rules: Sequence[Rule] | None = None
) -> Trace:
    """:func:`convert`, keeping every stage's result (the corpus steps count characters
    from the decoded input); the tree in ``.doc`` is the one :func:`convert` returns.

    Raises what :func:`convert` raises.
    """
    result = trace(data, source, options, rules=rules)
    if not has_body(result.doc.documents):
        raise NoBodyError(
            "no body text left after removing web cruft — see `gongwen explain` for what was removed"
        )
    return result


def convert(
    data: bytes, source: str, options: Options = Options(), *, rules: Sequence[Rule] | None = None
) -> DocTree:
    """Decode, clean and structure one input file.

    Raises :class:`~pipeline.errors.PipelineError` for what the input can cause (too big,
    empty, not text, nothing left after cleaning); anything else is a bug.
    """
    return convert_traced(data, source, options, rules=rules).doc


def load_tree(data: bytes, source: str = "") -> DocTree:
    """A doc-tree JSON (doc-tree/1 or /2: one ``convert --to json`` wrote, a user edited,
    or another tool made) read and validated for ``gongwen render``.

    Raises :class:`~pipeline.errors.SchemaError` naming the JSON path of the first thing
    that is wrong (``documents[0].blocks[3].level: must be a whole number 1–4, got 7``).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise SchemaError(f"not UTF-8 text (byte {e.start}) — a doc-tree JSON is UTF-8") from None
    doc = from_json(text)
    if not has_body(doc.documents):
        raise SchemaError("documents: nothing to render (no document has a title or a block)")
    return doc
