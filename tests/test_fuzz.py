"""Fuzz target (issue 8): arbitrary inputs through the whole pipeline and every renderer.

Four kinds of input, drawn by hypothesis:

* random bytes;
* mutated seeds — a window of a seed, saved in one of the encodings users' files come
  in (UTF-8 with or without BOM, GB18030, Big5, UTF-16 LE/BE with BOM), then bytes
  flipped, inserted, deleted or duplicated and cruft lines spliced in;
* mixed encodings — lines of seed text each saved in a different encoding;
* random HTML — a tree of block, inline, chrome and invisible elements (script, style,
  comments) around seed text and entities, sometimes with tags left unclosed.

For each input, :func:`pipeline.core.convert` either refuses it with a
:class:`~pipeline.errors.PipelineError` (a handled outcome: the CLI prints it as one line)
or returns a tree, which must then

* render to JSON that reads back to the same tree, and to DOCX and PDF for its articles
  (a :class:`~pipeline.errors.RenderError` is handled; anything else is a bug);
* satisfy the accounting invariant: body text plus ``removed`` account for every visible
  character of the input, and contain nothing the input does not have.  "Visible" is the
  text the bytes decode to in the encoding the pipeline reports (with U+FFFD where
  bytes are undecodable — decode records those as removals), or, for generated HTML,
  the text of the elements a browser shows.  The comparison folds what legitimately
  changes form, as ``tests/support.py`` does: width, whitespace and invisible format
  characters, quote style, ellipsis and dash length.  Heading markers would be
  re-printed in standard form, so the fuzz converts with ``keep_numbering=True``.

A second target (issue 13) fuzzes what a folder can hold: files named with any bytes
(not UTF-8, control characters, up to 255 bytes), hidden files, a named pipe, symbolic
links that loop, dangle, or lead to a device, a file or a folder, each under an input
suffix, converted through the CLI (``gongwen convert FOLDER -j 1``, in-process, under an
alarm so that a read that blocks fails instead of hanging).  Every stderr line must be
one well-formed ``error:``/``warning:`` line and never an internal error, every regular
input must end as outputs or as an error line naming it, every special one as an error
line, every output must read back, and no temporary file may be left.

CI runs a short derandomised sample (``FUZZ_EXAMPLES`` unset: 100 inputs and 10 folders,
well under a minute); ``make fuzz`` runs ``FUZZ_EXAMPLES=10000`` fresh random inputs
(and a tenth as many folders) and prints the tally of outcomes at the end (pytest ``-s``).
"""

from __future__ import annotations

import contextlib
import html as html_lib
import os
import shutil
import signal
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from cli.test_cli import ERROR_LINE, WARNING_LINE
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import ROOT

from pipeline.accounting import _FORM  # the fold of pipeline.accounting.visible
from pipeline.cli import main
from pipeline.cli.batch import output_stem
from pipeline.cli.say import shown
from pipeline.core import Options, convert
from pipeline.decode.sniff import looks_like_html
from pipeline.errors import PipelineError, RenderError
from pipeline.model import DocTree, body_text, from_json
from pipeline.render import docx as render_docx
from pipeline.render import json as render_json
from pipeline.render import pdf as render_pdf

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
LONG = "FUZZ_EXAMPLES" in os.environ
OPTIONS = Options(keep_numbering=True)
# DOCX and PDF are rendered for the first few articles only: a mutated multi-article
# seed would otherwise spend the run's time on PDF pages that test nothing new.
RENDERED_ARTICLES = 2

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_TEXTS = [f.read_text("utf-8") for f in sorted(SEEDS.glob("*.txt"))]
SEED_LINES = sorted({ln.strip() for t in SEED_TEXTS for ln in t.splitlines() if ln.strip()})
CRUFT = [
    "当前位置:首页 > 范文大全 > 调研报告",
    "欢迎光临 某某范文网 (http://example.cn/) | Powered by Discuz! X3.4 |",
    "Copyright © 2012-2023 某某网 版权所有 豫ICP备12345678号-1",
    "【下载本文档,可以自由复制内容或自由编辑修改内容】",
    "相关推荐",
    "第2页 共5页",
    "- 3 -",
]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "big5", "utf-16", "utf-16-le", "utf-16-be"]


@dataclass(frozen=True)
class Input:
    name: str
    data: bytes
    visible: str | None = None  # generated HTML: what a browser shows; None: decode the bytes
    title: str = ""  # generated HTML: the <title>, which the pipeline may take as the title


# ---------------------------------------------------------------- strategies

random_bytes = st.binary(max_size=1500).map(lambda b: Input("random.txt", b))


@st.composite
def mutated_seeds(draw: st.DrawFn) -> Input:
    seed = draw(st.sampled_from(SEED_TEXTS))
    start = draw(st.integers(0, len(seed) - 1))
    text = seed[start : start + draw(st.integers(1, 1500))]
    encoding = draw(st.sampled_from(ENCODINGS))
    data = bytearray(text.encode(encoding, errors="replace"))
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "duplicate", "cruft"]))
        at = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            at = min(at, len(data) - 1)
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        elif op == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
        elif op == "cruft":
            line = draw(st.sampled_from(CRUFT))
            data[at:at] = ("\n" + line + "\n").encode(encoding, errors="replace")
    return Input(f"mutated-{encoding}.txt", bytes(data))


# Mostly the byte encodings a mixed file really has (a GB18030 file with UTF-8 lines pasted
# in); a UTF-16 line now and then, which usually makes the whole file undecodable.
MIXED_ENCODINGS = st.sampled_from(["utf-8", "utf-8", "gb18030", "gb18030", "gb18030", "big5", "utf-16-le"])


@st.composite
def mixed_encodings(draw: st.DrawFn) -> Input:
    pieces = draw(
        st.lists(
            st.tuples(st.sampled_from(SEED_LINES + CRUFT), st.sampled_from(ENCODINGS)),
            min_size=1,
            max_size=12,
        )
    )
    return Input("mixed.txt", b"\n".join(text.encode(enc, errors="replace") for text, enc in pieces))


# Elements a browser shows (their text is visible) and elements it does not.
BLOCKS = ["div", "p", "section", "article", "main", "h1", "h2", "h3", "li", "td", "blockquote", "center"]
INLINES = ["span", "b", "i", "a", "font", "strong", "em"]
CHROME = ["nav", "footer", "header", "aside"]  # visible, but page chrome: removed *and recorded*
INVISIBLE = ["script", "style", "noscript", "template"]
CLASSES = ["", "content", "article", "main", "nav", "breadcrumb", "related", "footer", "top", "info", "left"]
TEXTS = st.one_of(
    st.sampled_from(SEED_LINES),
    st.sampled_from(CRUFT),
    st.text(alphabet="群众工作党建报告一二三（）、。，,.:“”\"'…—-0123456789abc <>&", max_size=30),
)


# (markup, what a browser shows): known references, and unknown ones, which a browser
# shows as written ("R&D;" keeps its semicolon, issue 13)
ENTITIES = [
    ("&amp;", "&"),
    ("&lt;", "<"),
    ("&#x4E00;", "一"),
    ("&nbsp;", "\xa0"),
    ("&copy ", "© "),
    ("R&D;", "R&D;"),
    ("&foo;", "&foo;"),
    ("&zz-top.x;", "&zz-top.x;"),
    ("&amp;D;", "&D;"),
    ("&nosuch ", "&nosuch "),
]


def _escape(text: str) -> str:
    return html_lib.escape(text, quote=False)


@st.composite
def _html_node(draw: st.DrawFn, depth: int) -> tuple[str, str]:
    """(markup, visible text) of one node."""
    kind = draw(
        st.sampled_from(["text", "text", "entity", "comment", "element", "element", "invisible", "br"])
    )
    if kind == "text" or depth > 5:
        text = draw(TEXTS)
        return _escape(text), text
    if kind == "entity":
        name, char = draw(st.sampled_from(ENTITIES))
        return name, char
    if kind == "comment":
        return f"<!-- {draw(TEXTS).replace('--', '')} -->", ""
    if kind == "br":
        return "<br>", "\n"
    if kind == "invisible":
        tag = draw(st.sampled_from(INVISIBLE))
        body = draw(st.sampled_from(["var a = 1;", "body { color: red }", "不可见的文字"]))
        return f"<{tag}>{body}</{tag}>", ""
    tag = draw(st.sampled_from(BLOCKS + INLINES + CHROME))
    cls = draw(st.sampled_from(CLASSES))
    attrs = f' class="{cls}"' if cls else ""
    if tag == "a":
        attrs += ' href="/article/1.html"'
    children = draw(st.lists(_html_node(depth + 1), max_size=4))
    inner = "".join(m for m, _ in children)
    text = "".join(v for _, v in children)
    sep = "\n" if tag in BLOCKS or tag in CHROME else ""
    closed = draw(st.booleans()) or tag not in ("p", "li", "td")  # optional end tags
    return f"<{tag}{attrs}>{inner}" + (f"</{tag}>" if closed else ""), sep + text + sep


@st.composite
def random_html(draw: st.DrawFn) -> Input:
    title = draw(st.sampled_from(["", *SEED_LINES[:50]]))
    nodes = draw(st.lists(_html_node(0), min_size=1, max_size=8))
    body = "".join(m for m, _ in nodes)
    if draw(st.integers(0, 4)) == 0:
        # a comment never closed: the rest of the page, tags and text, is hidden (issue 13)
        rest = "".join(m for m, _ in draw(st.lists(_html_node(0), max_size=3)))
        body += f"<!-- {draw(TEXTS).replace('--', '')} {rest.replace('-->', '')}"
    markup = f"<!DOCTYPE html><html><head><title>{_escape(title)}</title></head><body>{body}</body></html>"
    encoding = draw(st.sampled_from(["utf-8", "gb18030"]))
    meta = f'<meta charset="{encoding}">' if draw(st.booleans()) else ""
    markup = markup.replace("<head>", f"<head>{meta}")
    name = draw(st.sampled_from(["page.html", "page.html", "page.txt"]))  # a page saved as .txt too
    return Input(name, markup.encode(encoding, errors="replace"), "".join(v for _, v in nodes), title=title)


INPUTS = st.one_of(random_bytes, mutated_seeds(), mixed_encodings(), random_html())


# ---------------------------------------------------------------- the check

TALLY: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report_tally():
    yield
    if TALLY:
        lines = "".join(f"\n  {k:<40} {v:>6}" for k, v in sorted(TALLY.items()))
        print(f"\nfuzz tally (FUZZ_EXAMPLES={EXAMPLES}):{lines}", file=sys.stderr)


def fold(text: str) -> Counter[str]:
    """Visible characters as a multiset, form differences folded away (``support.fold``,
    with NFKD where it has NFKC).

    NFKC composes, and composition is not piecewise: "i", U+FFFD, U+0311 in the input
    become "i" + U+0311 in the body once decode drops the U+FFFD into ``removed``, and
    NFKC turns those into one "ȋ" that the input "has not" (found by this fuzz).
    Decomposition maps each character on its own, so the multiset of a whole text is
    the sum of its pieces' whatever the cuts.
    """
    s = unicodedata.normalize("NFKD", text).translate(_FORM)
    return Counter(c for c in s if not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc"))


def output_text(doc: DocTree) -> str:
    return "".join(body_text(a) for a in doc.documents) + "".join(r.text for r in doc.removed)


def reference_text(inp: Input, encoding: str) -> str | None:
    """The visible text the tree must account for, or None when it cannot be known here."""
    if inp.visible is not None:
        return inp.visible
    text = inp.data.decode(encoding, errors="replace")
    if looks_like_html(text[:2048], inp.name):
        return None  # mutated bytes that happen to start like a page: no independent reference
    return text


def check(inp: Input) -> None:
    kind = inp.name.split(".")[0].split("-")[0]
    kind = kind if kind in ("random", "mutated", "mixed", "page") else "seed"
    TALLY["inputs"] += 1
    try:
        doc = convert(inp.data, inp.name, OPTIONS)
    except PipelineError as e:
        TALLY[f"{kind} refused ({type(e).__name__})"] += 1
        return
    TALLY[f"{kind} converted"] += 1

    json_bytes = render_json.render(doc)
    assert from_json(json_bytes.decode("utf-8")) == doc
    for article in doc.documents[:RENDERED_ARTICLES]:
        for fmt, render, magic in (("docx", render_docx.render, b"PK"), ("pdf", render_pdf.render, b"%PDF-")):
            try:
                blob = render(article, source=doc.source)
            except RenderError:
                TALLY[f"{fmt} refused (RenderError)"] += 1
                continue
            assert blob.startswith(magic)
            TALLY[f"{fmt} rendered"] += 1

    reference = reference_text(inp, doc.encoding)
    if reference is None:
        TALLY["accounting skipped (bytes look like a page)"] += 1
        return
    out = fold(output_text(doc))
    missing = fold(reference) - out
    assert not missing, f"input characters neither kept nor in removed: {dict(missing)}"
    extra = out - fold(reference + inp.title)
    assert not extra, f"output characters the input does not have: {dict(extra)}"
    TALLY["accounting checked"] += 1


@settings(
    max_examples=EXAMPLES,
    derandomize=not LONG,  # CI: the same sample every run; make fuzz: fresh inputs each time
    deadline=None,
    database=None,
    print_blob=True,  # a failure prints @reproduce_failure(...) to replay it
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(INPUTS)
def test_any_input_is_converted_or_refused_and_accounted_for(inp: Input) -> None:
    check(inp)


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
def test_every_seed_in_every_encoding_is_accounted_for(seed: Path, encoding: str) -> None:
    inp = Input(seed.name, seed.read_text("utf-8").encode(encoding))
    check(inp)
    assert TALLY["accounting checked"]


def test_composition_across_a_removed_character_is_not_a_loss() -> None:
    # the fuzz's first false alarm, kept as a regression test of the fold itself
    body = "要坚持群众路线，做好新形势下的群众工作。" * 30
    inp = Input("compose.txt", body.encode() + b"i\xd7\xcc\x91" + body.encode())  # \xd7: not UTF-8
    doc = convert(inp.data, inp.name, OPTIONS)
    assert [r.text for r in doc.removed] == ["\ufffd"]
    check(inp)
    assert fold("i\ufffd\u0311") - fold("\ufffd") == fold("i\u0311")


def test_noncharacters_do_not_break_the_docx_renderer() -> None:
    """Found by the fuzz: U+FFFE/U+FFFF are dropped at decode (and recorded), never rendered."""
    check(Input("nonchar.txt", "一、总体要求\n要坚持群众路线\ufffe做好工作。\n".encode()))


# ---------------------------------------------------------------- file-system oddities (issue 13)

FOLDERS = max(10, EXAMPLES // 10)
SUFFIXES = [b".txt", b".html", b".htm", b".TXT"]
# special entries, each under an input suffix: what they are made of in the folder
SPECIAL = ["fifo", "loop", "dangling", "device", "link-to-file", "link-to-folder", "folder"]
NAME_BYTES = st.binary(min_size=1, max_size=60).map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_"))
CONTENTS = st.one_of(random_bytes, mutated_seeds(), random_html())


@st.composite
def folders(draw: st.DrawFn) -> tuple[list[tuple[bytes, bytes]], list[tuple[bytes, str]]]:
    """(regular files as (name, content), special entries as (name, kind)), names unique."""
    names: set[bytes] = set()

    def name() -> bytes:
        stem = draw(NAME_BYTES)
        if draw(st.integers(0, 5)) == 0:
            stem = (stem * 10)[: draw(st.integers(200, 250))]  # long: up to the 255-byte limit
        if draw(st.integers(0, 9)) == 0:
            stem = b"." + stem  # hidden: skipped
        full = stem + draw(st.sampled_from(SUFFIXES))
        while full in names or full in (b".", b".."):
            full = b"x" + full
        names.add(full)
        return full

    files = [(name(), draw(CONTENTS).data) for _ in range(draw(st.integers(0, 4)))]
    special = [(name(), draw(st.sampled_from(SPECIAL))) for _ in range(draw(st.integers(0, 3)))]
    return files, special


class _HangError(Exception):
    pass


def _alarm(signum, frame):
    raise _HangError("the conversion blocked (a special file read?)")


def check_folder(files: list[tuple[bytes, bytes]], special: list[tuple[bytes, str]]) -> None:
    base = tempfile.mkdtemp(prefix="fuzz-folder-")
    try:
        src = os.path.join(base, "in")
        out = os.path.join(base, "out")
        os.mkdir(src)
        good = os.path.join(base, "good.txt")
        shutil.copy(ROOT / "seeds" / "000_9a153adfeeef4269.txt", good)
        for raw, data in files:
            with open(os.path.join(os.fsencode(src), raw), "wb") as f:
                f.write(data)
        for raw, kind in special:
            path = os.path.join(os.fsencode(src), raw)
            if kind == "fifo":
                os.mkfifo(path)
            elif kind == "loop":
                os.symlink(raw, path)
            elif kind == "dangling":
                os.symlink(b"no-such-target", path)
            elif kind == "device":
                os.symlink(b"/dev/zero", path)
            elif kind == "link-to-file":
                os.symlink(os.fsencode(good), path)
            elif kind == "link-to-folder":
                os.symlink(os.fsencode(base), path)
            else:
                os.mkdir(path)
        TALLY["fs folders"] += 1
        previous = signal.signal(signal.SIGALRM, _alarm)
        signal.alarm(120)
        try:
            result = CliRunner().invoke(
                main, ["convert", src, "-o", out, "--to", "json", "-j", "1", "-q"], catch_exceptions=False
            )
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, previous)
        assert result.exit_code in (0, 1), result.output
        errors = {}
        for line in result.stderr.splitlines():
            m = ERROR_LINE.match(line)
            assert m or WARNING_LINE.match(line), f"not a one-line message: {line!r}"
            assert "internal error" not in line, line
            if m:
                errors[m["path"]] = m["what"]
        visible_names = [n for n in (os.listdir(out) if os.path.isdir(out) else []) if not n.startswith(".")]
        assert not [n for n in (os.listdir(out) if os.path.isdir(out) else []) if n.startswith(".")]
        for name in visible_names:
            assert from_json((Path(out) / name).read_text("utf-8")).documents
        for raw, _ in files:
            if raw.startswith(b"."):
                continue
            path = Path(os.fsdecode(os.path.join(os.fsencode(src), raw)))
            shown_path = shown(str(path))
            if shown_path in errors:
                TALLY["fs file refused (one line)"] += 1
            else:
                assert f"{output_stem(path)}.json" in visible_names, (shown_path, errors)
                TALLY["fs file converted"] += 1
        for raw, kind in special:
            if raw.startswith(b"."):
                continue
            path = Path(os.fsdecode(os.path.join(os.fsencode(src), raw)))
            if kind in ("link-to-file", "link-to-folder", "folder"):
                TALLY[f"fs {kind} (handled)"] += 1
                continue
            assert shown(str(path)) in errors, (kind, shown(str(path)), errors)
            TALLY[f"fs {kind} refused (one line)"] += 1
    finally:
        with contextlib.suppress(OSError):
            shutil.rmtree(base)


@settings(
    max_examples=FOLDERS,
    derandomize=not LONG,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(folders())
def test_any_folder_is_converted_or_refused_one_line_per_input(folder) -> None:
    check_folder(*folder)
