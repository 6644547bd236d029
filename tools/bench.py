"""Benchmark the CLI against what users use today (issue 9) and measure big inputs (issue 8).

    python tools/bench.py [--runs 5] [--lo-runs 3] [--copies 20] [--quick] [--readme README.md]

Everything is measured as a whole process, the way a user runs it, on the same inputs:

1. **Fixed cost** of one call: the interpreter alone, ``gongwen --help``, a tiny input to
   JSON and to all three formats; plus the import and font-registration costs inside it.
2. **Per seed**: ``gongwen convert SEED --to all`` (median of ``--runs``) against
   LibreOffice converting our DOCX files of the same seed to PDF in one headless call,
   *cold* (a fresh ``-env:UserInstallation`` profile per run, median of ``--lo-runs``)
   and *warm* (a profile made beforehand and reused).
3. **Batch**: every seed × ``--copies`` (≈ 2.4 MB, ≈ 1 500 PDF pages at 20) with ``-j 1``
   and ``-j 2``: PDF pages/s and characters/s (DOCX and JSON written too), and the peak
   resident memory of the largest process (one worker, or the only process for -j 1).
4. **Scaling**: 1×, 4× and 16× the largest seed, whole process and in-process (fonts
   registered beforehand, so the fixed cost is out), as time per input character.
5. **20 MB** (the default ``--max-bytes``): seeds repeated to 20 MB, JSON only and all
   formats: time and peak memory.  ``--quick`` skips it and LibreOffice.
6. **The web page** (``gongwen serve``, issue 19): a real server process, warm; the time
   from sending an upload to holding the first page's preview image (the convert request
   and the image request, as the page makes them), and a correction's round trip,
   against LibreOffice converting the DOCX the page offers for the same input.
   ``--serve-only`` runs this section alone.
7. **Check** (issue 18): ``gongwen check`` on a 40-page DOCX, the LibreOffice render
   included, and on its 40-page PDF; the first run with a new LibreOffice profile, then
   the median of ``--runs`` with the cached one.  ``--only-check`` runs this part alone
   and writes its own table (``<!-- check-bench:start -->`` … ``:end -->``).
8. **Corpus** (issue 21): ``gongwen corpus`` on datatrove's local executor with 1 and 2
   workers against ``gongwen convert --to json -j 1/-j 2`` on the same ``--records``
   (2,000) files, the seeds and the genre texts in a fixed random order: records/s, the
   median and the best of ``--corpus-runs`` and the CPU seconds.  The runs of the two
   commands alternate, so that load from elsewhere on the machine falls on both alike.
   ``--only-corpus`` runs this part alone and writes its own table
   (``<!-- bench-corpus:start -->`` … ``:end -->``).
9. **Lists** (issue 13): 100 000 numbered lines ``N. 第N项工作要求``, a roster of
   space-separated names and a table of rows, each against ordinary text (the seeds
   repeated) of the same number of characters, as time per character (``--to json``).
   The numbered lines must stay within :data:`LIST_RATIO_MAX` times ordinary text's
   cost per character; the script exits 1 when they do not.  ``--only-lists`` runs this
   part alone; its table goes between ``<!-- lists-bench:start -->`` and ``:end -->``.

Peak memory comes from ``wait4``'s rusage, which covers the process and every
descendant it waited for, so it is the largest single process of the run.  The tables
go to stdout; ``--readme`` writes them between ``<!-- bench:start -->`` and
``<!-- bench:end -->`` (appending a "## Performance" section if the markers are missing).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
GONGWEN = [sys.executable, "-m", "pipeline"]
# reportlab writes one "/Type /Page" dictionary per page (and "/Type /Pages" for the tree)
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


@dataclass
class Run:
    seconds: float
    peak_mb: float
    cpu: float = 0.0  # user + system seconds of the process and the children it waited for


@dataclass
class SeedRow:
    seed: str
    kb: float
    articles: int
    pages: int
    ours: float
    lo_cold: float = 0.0
    lo_warm: float = 0.0


@dataclass
class ScaleRow:
    k: int
    chars: int
    seconds: float  # whole process
    peak_mb: float
    inside: float  # convert + render in a warm process
    articles: int
    pages: int


def run(
    cmd: Sequence[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None, ok: Sequence[int] = (0,)
) -> Run:
    """Run ``cmd`` to completion; wall time and the peak RSS of its largest process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        raise SystemExit(f"bench: {' '.join(map(str, cmd))} failed with {code}:\n{err}")
    return Run(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime)


def median_run(cmd: Sequence[str], n: int, before: Callable[[], object] | None = None) -> Run:
    runs = []
    for _ in range(n):
        if before is not None:
            before()
        runs.append(run(cmd))
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs))


def pages(folder: Path) -> int:
    return sum(len(_PAGE.findall(p.read_bytes())) for p in folder.glob("*.pdf"))


def fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


# ---------------------------------------------------------------- 1. fixed cost


def fixed_cost(work: Path, n: int) -> list[tuple[str, float]]:
    tiny = work / "tiny.txt"
    tiny.write_text("关于做好群众工作的通知\n\n一、总体要求\n要坚持群众路线。\n", "utf-8")
    out = work / "tiny-out"
    rows = [
        ("python -c pass", median_run([sys.executable, "-c", "pass"], n).seconds),
        ("gongwen --help", median_run([*GONGWEN, "--help"], n).seconds),
        (
            "tiny input → JSON",
            median_run([*GONGWEN, "convert", str(tiny), "-o", str(out), "--to", "json"], n).seconds,
        ),
        (
            "tiny input → DOCX+PDF+JSON",
            median_run([*GONGWEN, "convert", str(tiny), "-o", str(out), "--to", "all"], n).seconds,
        ),
    ]
    probe = (
        "import time, json; t0 = time.perf_counter(); import pipeline.cli; t1 = time.perf_counter();"
        "import pipeline.render.docx; t2 = time.perf_counter(); import pipeline.render.pdf; t3 = time.perf_counter();"
        "from pipeline.render import fonts; fonts.register_fonts(); t4 = time.perf_counter();"
        "print(json.dumps([t1 - t0, t2 - t1, t3 - t2, t4 - t3]))"
    )
    samples = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(n)
    ]
    for i, label in enumerate(
        [
            "  import pipeline.cli (click, stages)",
            "  import render.docx (python-docx)",
            "  import render.pdf (reportlab)",
            "  register fonts (once per process)",
        ]
    ):
        rows.append((label, statistics.median(s[i] for s in samples)))
    return rows


# ---------------------------------------------------------------- 2. per seed vs LibreOffice


def libreoffice(docx: Sequence[Path], out: Path, profile: Path) -> list[str]:
    return [
        "soffice",
        f"-env:UserInstallation=file://{profile}",
        "--headless",
        "--norestore",
        "--convert-to",
        "pdf",
        "--outdir",
        str(out),
        *map(str, docx),
    ]


def per_seed(work: Path, runs: int, lo_runs: int, with_lo: bool) -> list[SeedRow]:
    rows: list[SeedRow] = []
    warm_profile, cold_profile = work / "lo-warm", work / "lo-cold"
    lo_out = work / "lo-out"

    def reset_cold() -> None:
        fresh(lo_out)
        shutil.rmtree(cold_profile, ignore_errors=True)

    if with_lo:
        dummy = fresh(work / "lo-dummy")
        run([*GONGWEN, "convert", str(SEEDS[0]), "-o", str(dummy), "--to", "docx"])
        run(libreoffice(sorted(dummy.glob("*.docx")), dummy, warm_profile))  # creates the profile
    for seed in SEEDS:
        out = fresh(work / "seed-out")
        ours = median_run([*GONGWEN, "convert", str(seed), "-o", str(out), "--to", "all"], runs)
        docx = sorted(out.glob("*.docx"))
        row = SeedRow(seed.stem[:3], seed.stat().st_size / 1024, len(docx), pages(out), ours.seconds)
        if with_lo:
            row.lo_cold = median_run(
                libreoffice(docx, lo_out, cold_profile), lo_runs, before=reset_cold
            ).seconds
            row.lo_warm = median_run(libreoffice(docx, lo_out, warm_profile), lo_runs).seconds
        rows.append(row)
    return rows


# ---------------------------------------------------------------- 3. batch


def batch(work: Path, copies: int, runs: int) -> tuple[dict[int, dict[str, float]], int, int, int]:
    src = fresh(work / "batch-in")
    for k in range(copies):
        for seed in SEEDS:
            shutil.copy(seed, src / f"{k:02d}-{seed.name}")
    chars = sum(len(p.read_text("utf-8")) for p in src.iterdir())
    size = sum(p.stat().st_size for p in src.iterdir())
    result: dict[int, dict[str, float]] = {}
    n_pages = 0
    for jobs in (1, 2):
        out = work / f"batch-out-{jobs}"
        r = median_run(
            [*GONGWEN, "convert", str(src), "-o", str(out), "--to", "all", "-j", str(jobs), "-q"],
            runs,
            before=partial(fresh, out),
        )
        n_pages = pages(out)
        result[jobs] = {
            "seconds": r.seconds,
            "pages_s": n_pages / r.seconds,
            "chars_s": chars / r.seconds,
            "peak_mb": r.peak_mb,
        }
    return result, size, chars, n_pages


# ---------------------------------------------------------------- 4. scaling

_IN_PROCESS = """
import json, sys, time
from pathlib import Path
from pipeline.render import render_outputs
from pipeline.core import convert
seed = Path(sys.argv[1]).read_bytes()
def once(data):
    t = time.perf_counter()
    list(render_outputs(convert(data, "x.txt"), "x", ("docx", "pdf", "json")))
    return time.perf_counter() - t
once(seed)  # imports and font registration out of the way
print(json.dumps({k: min(once(b"\\n".join([seed] * k)) for _ in range(int(sys.argv[2]))) for k in (1, 4, 16)}))
"""


def scaling(work: Path, runs: int) -> list[ScaleRow]:
    seed = max(SEEDS, key=lambda p: p.stat().st_size)
    text = seed.read_text("utf-8")
    probe = [sys.executable, "-c", _IN_PROCESS, str(seed), str(max(1, runs // 2))]
    inside = json.loads(subprocess.run(probe, cwd=ROOT, capture_output=True, text=True, check=True).stdout)
    out = work / "scale-out"
    rows = []
    for k in (1, 4, 16):
        body = "\n".join([text] * k)
        f = work / f"scale-{k}.txt"
        f.write_text(body, "utf-8")
        cmd = [*GONGWEN, "convert", str(f), "-o", str(out), "--to", "all", "-j", "1"]
        r = median_run(cmd, runs, before=partial(fresh, out))
        articles = len(list(out.glob("*.pdf")))
        rows.append(ScaleRow(k, len(body), r.seconds, r.peak_mb, inside[str(k)], articles, pages(out)))
    return rows


# ---------------------------------------------------------------- 5. 20 MB


def twenty_mb(work: Path) -> tuple[int, dict[str, Run], int]:
    limit = 20 * 1024 * 1024
    seeds = [s.read_bytes() for s in SEEDS]
    parts, size = [], 0
    while True:
        added = False
        for s in seeds:
            if size + len(s) + 1 <= limit:
                parts.append(s)
                size += len(s) + 1
                added = True
        if not added:
            break
    big = work / "big20.txt"
    big.write_bytes(b"\n".join(parts))
    result = {}
    n_pages = 0
    for label, to in (("json", "json"), ("all", "all")):
        out = fresh(work / f"big-out-{label}")
        result[label] = run([*GONGWEN, "convert", str(big), "-o", str(out), "--to", to])
        if label == "all":
            n_pages = pages(out)
    return big.stat().st_size, result, n_pages


# ---------------------------------------------------------------- 0. the race (issue 20)


def typst_cmd(typ: Path, pdf: Path, fonts: Path, system_fonts: bool) -> list[str]:
    """Typst (the PyPI wheel) setting ``typ`` as a whole process: the interpreter, the
    import and the compile.  ``system_fonts``: Typst's default font search as well (it
    then takes the system's OpenType Noto CJK and Fandol for the same families)."""
    code = (
        "import sys, typst; typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]],"
        f" ignore_system_fonts={not system_fonts})"
    )
    return [sys.executable, "-c", code, str(typ), str(pdf), str(fonts)]


def race_table(work: Path, runs: int, before: Path | None = None) -> list[str]:
    """Seed 004 (the largest): our CLI against LibreOffice converting our DOCX and against
    Typst setting the same doc-tree in the same fonts, the runs interleaved (one of each in
    turn) so that the machine's load falls on all of them alike.  ``before``: a source tree
    of an earlier commit, whose CLI runs in the same turns (``PYTHONPATH=before``)."""
    sys.path.insert(0, str(ROOT / "tools"))
    import typst_doc

    seed = max(SEEDS, key=lambda p: p.stat().st_size)
    out = fresh(work / "race-out")
    docx_out = fresh(work / "race-docx")
    run([*GONGWEN, "convert", str(seed), "-o", str(docx_out), "--to", "docx", "-q"])
    docx = sorted(docx_out.glob("*.docx"))
    lo_out, profile = work / "race-lo", work / "race-lo-profile"
    run(libreoffice(docx, fresh(lo_out), profile))  # the warm profile
    typ = work / "race.typ"
    from pipeline.core import convert

    typ.write_text(typst_doc.typst_source(convert(seed.read_bytes(), seed.name)), "utf-8")
    fonts = typst_doc.font_folder(fresh(work / "race-fonts"))
    cmds = {
        "ours --to docx,pdf": [*GONGWEN, "convert", str(seed), "-o", str(out), "--to", "docx,pdf", "-q"],
        "LibreOffice (warm profile): our DOCX → PDF": libreoffice(docx, lo_out, profile),
        "ours --to pdf": [*GONGWEN, "convert", str(seed), "-o", str(out), "--to", "pdf", "-q"],
        "Typst, the same fonts only": typst_cmd(typ, work / "race-t.pdf", fonts, False),
        "Typst, with the system fonts": typst_cmd(typ, work / "race-t.pdf", fonts, True),
    }
    envs: dict[str, dict[str, str] | None] = {k: None for k in cmds}
    if before is not None:
        env = dict(os.environ, PYTHONPATH=str(before))
        for to in ("docx,pdf", "pdf"):
            label = f"before ({before.name}) --to {to}"
            cmds[label] = [*GONGWEN, "convert", str(seed), "-o", str(work / "race-before"), "--to", to, "-q"]
            envs[label] = env
    times: dict[str, list[float]] = {k: [] for k in cmds}
    for _ in range(runs):
        for label, cmd in cmds.items():
            # `python -m pipeline` imports from the working folder first: run the earlier
            # tree's CLI from inside it
            times[label].append(run(cmd, env=envs[label], cwd=before if envs[label] else ROOT).seconds)
    med = {k: statistics.median(v) for k, v in times.items()}
    ours_pages = pages(out)
    typst_pages = len(_PAGE.findall((work / "race-t.pdf").read_bytes()))
    lines = [
        f"**Seed 004 against LibreOffice and Typst** ({len(docx)} articles; our PDFs {ours_pages} pages, "
        f"Typst's {typst_pages}: it breaks lines and pages by its own rules), whole processes, the "
        f"commands run in turn {runs} times, medians:",
        "",
        "| command | seconds | |",
        "|---|---:|---|",
    ]
    lo, pdf_only = med["LibreOffice (warm profile): our DOCX → PDF"], med["ours --to pdf"]
    for label, sec in med.items():
        note = ""
        if label == "ours --to docx,pdf" or label.endswith("--to docx,pdf"):
            note = f"LibreOffice / it: **{lo / sec:.1f}×**"
        elif label.startswith("before") and label.endswith("--to pdf"):
            note = f"ours --to pdf is {sec / pdf_only:.1f}× faster"
        elif label.startswith("Typst"):
            note = f"ours --to pdf / Typst: **{pdf_only / sec:.2f}**"
        lines.append(f"| {label} | {sec:.3f} | {note} |")
    return [*lines, ""]


_STEPS = r"""
import cProfile, io, json, pstats, sys, time
t = [time.perf_counter()]
def mark(): t.append(time.perf_counter())
import pipeline.cli; mark()
from pipeline.core import convert; from pipeline.render import render_outputs, docx, pdf, fonts, pdfwrite; mark()
fonts.register_fonts(); [fonts.font_data(f.pdf) for f in pdf.style.FACES]; fonts.font_data(pdf.style.LATIN_PDF); mark()
import reportlab.platypus; pdfwrite.canvas_class(); mark()
docx._template("word"); mark()
data = open(sys.argv[1], "rb").read()
doc = convert(data, "seed.txt"); mark()
d = [o.data for o in render_outputs(doc, "x", ("docx",))]; mark()
acc = {}
def wrap(obj, name, key):
    f = getattr(obj, name)
    def g(*a, **k):
        s = time.perf_counter()
        try: return f(*a, **k)
        finally: split[key] = split.get(key, 0.0) + time.perf_counter() - s
    setattr(obj, name, g)
split = acc
wrap(pdf, "_flowables", "layout"); wrap(pdfwrite.Document, "to_bytes", "write")
wrap(pdfwrite, "subset_program", "subsets"); wrap(pdfwrite, "deflate", "deflate")
p = [o.data for o in render_outputs(doc, "x", ("pdf",))]; mark()
first = [t[i + 1] - t[i] for i in range(len(t) - 1)]
acc = dict(acc)  # the first call's; the warm repeats below add to the wrapped functions' own
warm = {}
for _ in range(int(sys.argv[2])):
    for k, fmt in (("docx", ("docx",)), ("pdf", ("pdf",))):
        s = time.perf_counter(); list(render_outputs(doc, "x", fmt)); warm.setdefault(k, []).append(time.perf_counter() - s)
    s = time.perf_counter(); convert(data, "seed.txt"); warm.setdefault("convert", []).append(time.perf_counter() - s)
prof = cProfile.Profile(); prof.enable(); list(render_outputs(doc, "x", ("docx", "pdf"))); prof.disable()
buf = io.StringIO(); st = pstats.Stats(prof, stream=buf); st.sort_stats("tottime")
top = sorted(((v[2], f"{k[2]} ({k[0].rsplit('/', 1)[-1]}:{k[1]})") for k, v in st.stats.items()), reverse=True)[:8]
print(json.dumps({"first": first, "acc": acc, "warm": warm, "top": top}))
"""


def profile_table(runs: int) -> list[str]:
    """Where one process spends its time on seed 004 ``--to docx,pdf``: each step of a
    first call (imports, fonts, templates, convert, render) and the warm repeats."""
    seed = max(SEEDS, key=lambda p: p.stat().st_size)
    out = json.loads(
        subprocess.run(
            [sys.executable, "-c", _STEPS, str(seed), str(runs)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    first, acc, warm, top = out["first"], out["acc"], out["warm"], out["top"]
    labels = [
        "import pipeline.cli (click, the stages)",
        "import the renderers (python-docx, fonts module)",
        "font caches (check, load the faces)",
        "import reportlab platypus, our canvas",
        "DOCX template (styled base, once per process)",
        "convert (decode, clean, structure)",
        "render DOCX (18 articles)",
        "render PDF (18 articles)",
    ]
    med = {k: statistics.median(v) for k, v in warm.items()}
    lines = [
        "**Where the time goes** (seed 004 `--to docx,pdf` step by step in one process; the first "
        f"call, then the median of {runs} warm repeats):",
        "",
        "| step | first call s | warm s |",
        "|---|---:|---:|",
    ]
    warm_of = {5: med["convert"], 6: med["docx"], 7: med["pdf"]}
    for i, label in enumerate(labels):
        w = f"{warm_of[i]:.3f}" if i in warm_of else ""
        lines.append(f"| {label} | {first[i]:.3f} | {w} |")
    for key, label in (
        ("layout", "  PDF: line breaking and groups (render/pdf.py)"),
        ("write", "  PDF: writing the file (render/pdfwrite.py)"),
        ("subsets", "    of which font subsets"),
        ("deflate", "    of which deflate (ISA-L)"),
    ):
        lines.append(f"| {label} | {acc.get(key, 0.0):.3f} | |")
    lines.append(f"| warm DOCX + PDF (render only) | | **{med['docx'] + med['pdf']:.3f}** |")
    lines.append(f"| warm convert + DOCX + PDF | | {med['convert'] + med['docx'] + med['pdf']:.3f} |")
    lines += ["", "Top functions of a warm DOCX + PDF render by own time (cProfile):", ""]
    lines += [f"- {name}: {sec:.3f} s" for sec, name in top]
    return [*lines, ""]


# ---------------------------------------------------------------- report


# ---------------------------------------------------------------- 6. the web page


@dataclass
class ServeRow:
    label: str
    pages: int
    first_image: float  # upload sent → first preview image received
    convert: float  # the convert request alone
    edit: float  # a correction sent → the corrected first image received
    lo_cold: float = 0.0
    lo_warm: float = 0.0


def _http(url: str, data: bytes | None = None, headers: dict[str, str] | None = None) -> bytes:
    import urllib.request

    req = urllib.request.Request(url, data=data, headers=headers or {})
    with urllib.request.urlopen(req, timeout=120) as r:
        body: bytes = r.read()
        return body


def _multipart(name: str, data: bytes) -> tuple[bytes, dict[str, str]]:
    boundary = "gongwenbench" + os.urandom(8).hex()
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
            "Content-Type: text/plain\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, {"content-type": f"multipart/form-data; boundary={boundary}"}


def two_page_input() -> bytes:
    """The opening of seed 000, as many lines as make two PDF pages."""
    sys.path.insert(0, str(ROOT))
    from pipeline.core import convert
    from pipeline.render import render_outputs

    lines = SEEDS[0].read_text("utf-8").splitlines(keepends=True)
    best = lines[:10]
    for k in range(10, len(lines)):
        doc = convert("".join(lines[:k]).encode(), "x.txt")
        (pdf,) = render_outputs(doc, "x", ["pdf"])
        if len(_PAGE.findall(pdf.data)) > 2:
            break
        best = lines[:k]
    return "".join(best).encode()


def serve_bench(work: Path, runs: int, lo_runs: int, with_lo: bool) -> list[ServeRow]:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [*GONGWEN, "serve", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:  # uvicorn answers once the fonts and renderers are warm
            try:
                _http(url + "/")
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit("bench: gongwen serve did not start") from None
                time.sleep(0.1)
        inputs = [
            ("seed 004", "004.txt", SEEDS[-1].read_bytes()),
            ("2-page input", "two.txt", two_page_input()),
        ]
        rows = []
        for label, name, data in inputs:
            firsts, converts, edits = [], [], []
            n_pages = 0
            base = ""
            for _ in range(runs):
                body, headers = _multipart(name, data)
                start = time.perf_counter()
                page = _http(url + "/convert", body, headers).decode()
                converts.append(time.perf_counter() - start)
                src = re.search(r'<img src="([^"]+)"', page)
                assert src is not None, "no preview image in the page"
                _http(url + src.group(1))
                firsts.append(time.perf_counter() - start)
                base = re.search(r'data-base="([^"]+)"', page).group(1)  # type: ignore[union-attr]
                # a correction: the first block of the first document becomes a level-1 heading
                edit = json.dumps({"edits": [{"op": "level", "doc": 0, "block": 0, "level": 1}]}).encode()
                start = time.perf_counter()
                part = _http(url + base + "/edits", edit, {"content-type": "application/json"}).decode()
                src = re.search(r'<img src="([^"]+)"', part)
                assert src is not None, "no preview image after the edit"
                _http(url + src.group(1))
                edits.append(time.perf_counter() - start)
            docx = fresh(work / "serve-docx")
            _unpack(_http(url + base + "/download/docx"), docx)
            pdf = fresh(work / "serve-pdf")
            _unpack(_http(url + base + "/download/pdf"), pdf)
            n_pages = pages(pdf)
            row = ServeRow(
                label,
                n_pages,
                statistics.median(firsts),
                statistics.median(converts),
                statistics.median(edits),
            )
            if with_lo:
                files = sorted(docx.glob("*.docx"))
                lo_out, cold, warm = work / "serve-lo", work / "serve-lo-cold", work / "serve-lo-warm"
                run(libreoffice(files, fresh(lo_out), warm))  # makes the warm profile

                def reset(lo_out: Path = lo_out, cold: Path = cold) -> None:
                    fresh(lo_out)
                    shutil.rmtree(cold, ignore_errors=True)

                row.lo_cold = median_run(libreoffice(files, lo_out, cold), lo_runs, before=reset).seconds
                row.lo_warm = median_run(libreoffice(files, lo_out, warm), lo_runs).seconds
            rows.append(row)
        return rows
    finally:
        os.killpg(server.pid, 15)
        server.wait(10)


def _unpack(data: bytes, folder: Path) -> None:
    """A download into ``folder``: the zip of one file per article for several, else the file."""
    import io
    import zipfile

    z = zipfile.ZipFile(io.BytesIO(data)) if data.startswith(b"PK") else None
    if z is not None and all(n.endswith((".docx", ".pdf")) for n in z.namelist()):
        z.extractall(folder)
    else:
        (folder / ("input.pdf" if data.startswith(b"%PDF") else "input.docx")).write_bytes(data)


def serve_table(args: argparse.Namespace, work: Path) -> list[str]:
    print("bench: the web page …", file=sys.stderr)
    rows = serve_bench(work, args.runs, args.lo_runs, not args.quick)
    lines = [
        "**The web page** (`gongwen serve`, warm): upload sent → first page preview image received "
        "(the convert request, then the image, as the page makes them); a correction sent → the "
        "corrected first image received; against LibreOffice converting the DOCX the page offers "
        f"for the same input to PDF (median of {args.runs}; LibreOffice of {args.lo_runs})",
        "",
    ]
    if args.quick:
        lines += [
            "| input | PDF pages | convert s | first image s | correction s |",
            "|---|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {r.label} | {r.pages} | {r.convert:.2f} | {r.first_image:.2f} | {r.edit:.2f} |" for r in rows
        ]
    else:
        lines += [
            "| input | PDF pages | convert s | first image s | correction s | LibreOffice cold s | warm s"
            " | cold / first image |",
            "|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        lines += [
            f"| {r.label} | {r.pages} | {r.convert:.2f} | {r.first_image:.2f} | {r.edit:.2f} | {r.lo_cold:.2f} "
            f"| {r.lo_warm:.2f} | **{r.lo_cold / r.first_image:.1f}×** |"
            for r in rows
        ]
    return [*lines, ""]


def batch_tables(args: argparse.Namespace, work: Path) -> list[str]:
    """The batch (1 and 2 workers) and scaling tables (``--only-batch`` prints them alone)."""
    lines: list[str] = []
    say = lines.append
    print("bench: batch …", file=sys.stderr)
    b, size, chars, n_pages = batch(work, args.copies, args.batch_runs)
    say(
        f"**Batch**: {len(SEEDS)} seeds × {args.copies} = {len(SEEDS) * args.copies} inputs, "
        f"{size / 1e6:.2f} MB, {chars:,} characters, {n_pages:,} PDF pages; `--to all` "
        f"(median of {args.batch_runs})"
    )
    say("")
    say("| workers | seconds | PDF pages/s | chars/s | peak MB per process |")
    say("|---:|---:|---:|---:|---:|")
    for j, m in b.items():
        say(f"| {j} | {m['seconds']:.2f} | {m['pages_s']:.0f} | {m['chars_s']:,.0f} | {m['peak_mb']:.0f} |")
    say(f"| 2 / 1 | | **{b[2]['pages_s'] / b[1]['pages_s']:.2f}×** | | |")
    say("")
    print("bench: scaling …", file=sys.stderr)
    sc = scaling(work, args.runs)
    say(
        "**Scaling** (the largest seed repeated; `--to all -j 1`): time per input character, whole "
        "process and in a warm process (imports and fonts done).  Repeating the seed does not "
        "repeat its articles exactly (a file holding the same texts several times makes some "
        "of their titles ambiguous, so some articles merge): the "
        "article and page counts are shown, and per-document costs (font subsets, DOCX package) "
        "make many small articles dearer per character than a few long ones."
    )
    say("")
    say("| size | chars | articles | PDF pages | whole s | µs/char | warm s | µs/char | peak MB |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for x in sc:
        say(
            f"| {x.k}× | {x.chars:,} | {x.articles} | {x.pages} | {x.seconds:.2f} "
            f"| {x.seconds / x.chars * 1e6:.1f} | {x.inside:.2f} | {x.inside / x.chars * 1e6:.1f} | {x.peak_mb:.0f} |"
        )
    one, top = sc[0], sc[-1]
    whole = (top.seconds / top.chars) / (one.seconds / one.chars)
    inner = (top.inside / top.chars) / (one.inside / one.chars)
    say(f"| 16× / 1× | | | | | **{whole:.2f}** | | **{inner:.2f}** | |")
    say("")
    return lines


def report(args: argparse.Namespace, work: Path) -> str:
    lines: list[str] = []
    say = lines.append
    cpu = os.cpu_count() or 1
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    say(
        f"Measured by `make bench` (tools/bench.py) on {cpu} cores, Python {sys.version.split()[0]}; "
        f"whole processes, median of {args.runs} runs unless noted; load average at the start "
        f"{load} (1 / 5 / 15 min: other work shares the machine, so compare figures of one run)."
    )
    say("")

    if not args.quick:
        print("bench: seed 004 against LibreOffice and Typst …", file=sys.stderr)
        lines += race_table(work, args.runs, args.before)

    print("bench: where the time goes …", file=sys.stderr)
    lines += profile_table(args.runs)

    print("bench: fixed cost …", file=sys.stderr)
    say("**Fixed cost of one call**")
    say("")
    say("| what | seconds |")
    say("|---|---:|")
    for label, sec in fixed_cost(work, args.runs):
        say(f"| {label} | {sec:.3f} |")
    say("")

    print("bench: per seed …", file=sys.stderr)
    seeds = per_seed(work, args.runs, args.lo_runs, not args.quick)
    say(
        "**Per document**: `gongwen convert SEED --to all` (DOCX+PDF+JSON) against LibreOffice "
        "converting our DOCX of the same seed to PDF (one `soffice --headless --convert-to pdf` call "
        f"for all its articles; cold = fresh profile each run, median of {args.lo_runs})"
    )
    say("")
    if args.quick:
        say("| seed | KB | articles | PDF pages | ours s |")
        say("|---|---:|---:|---:|---:|")
        for r in seeds:
            say(f"| {r.seed} | {r.kb:.0f} | {r.articles} | {r.pages} | {r.ours:.2f} |")
    else:
        say("| seed | KB | articles | PDF pages | ours s | LibreOffice cold s | warm s | cold / ours |")
        say("|---|---:|---:|---:|---:|---:|---:|---:|")
        for r in seeds:
            say(
                f"| {r.seed} | {r.kb:.0f} | {r.articles} | {r.pages} | {r.ours:.2f} "
                f"| {r.lo_cold:.2f} | {r.lo_warm:.2f} | **{r.lo_cold / r.ours:.1f}×** |"
            )
    say("")

    lines += batch_tables(args, work)

    lines += serve_table(args, work)

    if not args.quick:
        print("bench: 20 MB …", file=sys.stderr)
        size, twenty, n_pages = twenty_mb(work)
        say(f"**20 MB input** ({size / 1024 / 1024:.1f} MB of seeds repeated, one file, one process)")
        say("")
        say("| output | seconds | peak MB |")
        say("|---|---:|---:|")
        say(f"| JSON only | {twenty['json'].seconds:.1f} | {twenty['json'].peak_mb:.0f} |")
        say(
            f"| DOCX+PDF+JSON ({n_pages:,} PDF pages) | {twenty['all'].seconds:.1f} | {twenty['all'].peak_mb:.0f} |"
        )
        say("")
    return "\n".join(lines)


# ---------------------------------------------------------------- 9. lists

LIST_RATIO_MAX = 3.0  # issue 13: a list may cost at most this many times ordinary text per character
_SURNAMES = "张王李赵刘陈杨黄吴周徐孙马朱胡郭何高林罗"
_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"


def list_texts() -> dict[str, str]:
    """The three lists of section 6, each under a title line."""
    numbered = "".join(f"{i}. 第{i}项工作要求\n" for i in range(1, 100_001))
    names = [_SURNAMES[i % 20] + _GIVEN[(i // 20) % 21] + _GIVEN[(i // 420) % 21] for i in range(96_000)]
    roster = "".join(" ".join(names[k : k + 6]) + "\n" for k in range(0, len(names), 6))
    table = "".join(
        f"{names[i]} {'男女'[i % 2]} 汉族 {1960 + i % 40}年{1 + i % 12}月 第{i}号 县委办公室科员\n"
        for i in range(16_000)
    )
    title = "关于做好年度重点工作的通知\n"
    return {
        "100 000 numbered lines": title + numbered,
        "roster, 16 000 lines of 6 names": title + roster,
        "table, 16 000 rows": title + table,
    }


def ordinary_text(chars: int) -> str:
    """The seeds repeated to ``chars`` characters (cut at a line end)."""
    seeds = "\n".join(p.read_text("utf-8") for p in SEEDS)
    text = "\n".join([seeds] * (chars // len(seeds) + 1))
    return text[: text.rfind("\n", 0, chars) + 1]


@dataclass
class ListRow:
    label: str
    chars: int
    seconds: float
    ordinary: float  # seconds for ordinary text of the same number of characters

    @property
    def ratio(self) -> float:
        return self.seconds / self.ordinary


def lists(work: Path, runs: int) -> list[ListRow]:
    rows = []
    out = work / "lists-out"
    for label, text in list_texts().items():
        timed = []
        for kind, body in (("list", text), ("ordinary", ordinary_text(len(text)))):
            f = work / f"lists-{kind}.txt"
            f.write_text(body, "utf-8")
            cmd = [*GONGWEN, "convert", str(f), "-o", str(out), "--to", "json", "-j", "1"]
            timed.append(median_run(cmd, runs, before=partial(fresh, out)).seconds)
        rows.append(ListRow(label, len(text), timed[0], timed[1]))
    return rows


def lists_table(work: Path, runs: int) -> tuple[str, bool]:
    """Section 9's table, and whether the numbered lines stayed within the limit."""
    print("bench: lists …", file=sys.stderr)
    rows = lists(work, runs)
    lines = [
        "**Lists** (issue 13): inputs of many short lines against ordinary text (the seeds "
        "repeated) of the same number of characters; `--to json -j 1`, whole process, "
        f"median of {runs}, load average {os.getloadavg()[0]:.1f} when measured.  The numbered "
        f"lines must cost at most {LIST_RATIO_MAX:g}× ordinary text per character.",
        "",
        "| input | chars | seconds | ordinary s | µs/char | ordinary µs/char | ratio |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r.label} | {r.chars:,} | {r.seconds:.2f} | {r.ordinary:.2f} | {r.seconds / r.chars * 1e6:.2f} "
            f"| {r.ordinary / r.chars * 1e6:.2f} | **{r.ratio:.2f}×** |"
        )
    numbered = rows[0]
    ok = numbered.ratio <= LIST_RATIO_MAX
    if not ok:
        print(
            f"bench: {numbered.label} cost {numbered.ratio:.2f}× ordinary text (limit {LIST_RATIO_MAX:g}×)",
            file=sys.stderr,
        )
    return "\n".join(lines), ok


def check_bench(work: Path, runs: int) -> str:
    """``gongwen check`` on a 40-page DOCX (LibreOffice render included) and its PDF."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("check_corpus", ROOT / "tools" / "check_corpus.py")
    assert spec is not None
    assert spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus  # dataclasses look their module up there
    spec.loader.exec_module(corpus)
    from pipeline.check import check, render_pdfs

    docx = work / "forty.docx"
    docx.write_bytes(corpus.long_docx(40))
    (pdf_bytes,) = render_pdfs([docx.read_bytes()])
    assert pdf_bytes is not None
    pdf = work / "forty.pdf"
    pdf.write_bytes(pdf_bytes)
    n_pages = check(docx.read_bytes(), "forty.docx", pdf_bytes).pages
    cache = work / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}  # a profile of the bench's own
    first = run([*GONGWEN, "check", str(docx)], env=env)

    def median(args: list[str]) -> tuple[float, float]:
        runs_ = [run([*GONGWEN, "check", *args], env=env) for _ in range(runs)]
        return statistics.median(r.seconds for r in runs_), statistics.median(r.cpu for r in runs_)

    warm, xml, on_pdf = median([str(docx)]), median(["--no-render", str(docx)]), median([str(pdf)])
    load = os.getloadavg()[0]
    lines = [
        f"`gongwen check` on a {n_pages}-page DOCX (tools/check_corpus.py `long_docx`) and on its PDF; "
        f"whole processes, median of {runs} runs (first: a new LibreOffice profile) on {os.cpu_count()} cores; "
        f"CPU = user + system time of the process and LibreOffice; load average {load:.1f} when measured "
        "(above the core count the wall time stretches while the CPU time does not).",
        "",
        "| what | wall s | CPU s |",
        "|---|---:|---:|",
        f"| DOCX, rendered with LibreOffice, first run | {first.seconds:.2f} | {first.cpu:.2f} |",
        f"| DOCX, rendered with LibreOffice (cached profile) | **{warm[0]:.2f}** | {warm[1]:.2f} |",
        f"| DOCX, XML checks only (`--no-render`) | {xml[0]:.2f} | {xml[1]:.2f} |",
        f"| PDF ({n_pages} pages) | {on_pdf[0]:.2f} | {on_pdf[1]:.2f} |",
    ]
    return "\n".join(lines)


# ---------------------------------------------------------------- 8. corpus

GENRE = sorted((ROOT / "tests" / "fixtures" / "genre").glob("*.txt"))


def corpus(work: Path, records: int, runs: int) -> dict[str, object]:
    """Seconds of ``convert -j N --to json`` and ``corpus --workers N`` on the same files."""
    texts = SEEDS + GENRE
    src = fresh(work / "corpus-in")
    pick = random.Random(21)  # texts in a fixed random order: a period of 20 would alias with the shards
    for i in range(records):
        f = pick.choice(texts)
        shutil.copy(f, src / f"{i:05d}-{f.name}")
    size = sum(p.stat().st_size for p in src.iterdir())
    out = work / "corpus-out"
    times: dict[tuple[str, int], list[float]] = {}
    cpu: dict[tuple[str, int], list[float]] = {}
    loads = []
    for _ in range(runs):
        for jobs in (1, 2):
            convert_cmd = [
                *GONGWEN,
                "convert",
                str(src),
                "-o",
                str(out),
                "--to",
                "json",
                "-j",
                str(jobs),
                "-q",
            ]
            corpus_cmd = [
                *GONGWEN,
                "corpus",
                str(src),
                "-o",
                str(out),
                "--workers",
                str(jobs),
            ]
            for label, cmd in (("convert", convert_cmd), ("corpus", corpus_cmd)):
                fresh(out)  # a corpus run into a finished OUT would skip every task
                loads.append(os.getloadavg()[0])
                r = run(cmd, ok=(0, 1))
                times.setdefault((label, jobs), []).append(r.seconds)
                cpu.setdefault((label, jobs), []).append(r.cpu)
    return {
        "records": records,
        "mb": size / 1e6,
        "seconds": {k: statistics.median(v) for k, v in times.items()},
        "best": {k: min(v) for k, v in times.items()},
        "cpu": {k: statistics.median(v) for k, v in cpu.items()},
        "load": (min(loads), max(loads)),
    }


def corpus_table(c: dict[str, object], runs: int) -> str:
    secs, best, cpu = c["seconds"], c["best"], c["cpu"]
    assert isinstance(secs, dict)
    assert isinstance(best, dict)
    assert isinstance(cpu, dict)
    n = c["records"]
    lo, hi = c["load"]  # type: ignore[misc]
    lines = [
        f"**Corpus** (issue 21): the same {n:,} files ({c['mb']:.1f} MB, the seeds and the genre texts "
        f"repeated) through `gongwen convert DIR --to json -j N` and `gongwen corpus DIR --workers N` "
        f"(datatrove's local executor, its default 8 × N tasks, JSONL shards); whole processes, median of {runs}, "
        f"the two commands' runs alternating (load average {lo:.1f}–{hi:.1f} during the runs on "
        f"{os.cpu_count()} cores)",
        "",
        "| workers | | convert s | records/s | corpus s | records/s | corpus ÷ convert (records/s) |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for j in (1, 2):
        for label, table in (("median", secs), ("best", best)):
            a, b = table[("convert", j)], table[("corpus", j)]
            lines.append(
                f"| {j} | {label} | {a:.2f} | {n / a:,.0f} | {b:.2f} | {n / b:,.0f} | **{a / b:.2f}** |"
            )
        a, b = cpu[("convert", j)], cpu[("corpus", j)]
        lines.append(f"| {j} | CPU s | {a:.1f} | | {b:.1f} | | {a / b:.2f} |")
    lines += [
        "",
        "median and best: wall-clock seconds of the runs; CPU s: the median user + system seconds of the",
        "command and of every process it waited for (its workers), which other load on the machine does",
        "not add to as it does to the wall clock.",
    ]
    return "\n".join(lines)


def write_readme(readme: Path, table: str, marker: str = "bench") -> None:
    text = readme.read_text("utf-8")
    block = f"<!-- {marker}:start -->\n{table.rstrip()}\n<!-- {marker}:end -->"
    text, n = re.subn(rf"<!-- {marker}:start -->.*?<!-- {marker}:end -->", lambda _: block, text, flags=re.S)
    if n == 0:
        text = text.rstrip() + "\n\n## Performance\n\n" + block + "\n"
    readme.write_text(text, "utf-8")
    print(f"bench: tables written to {readme}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    ap.add_argument("--lo-runs", type=int, default=3, help="LibreOffice runs per seed (median)")
    ap.add_argument("--batch-runs", type=int, default=3, help="runs of each batch (median)")
    ap.add_argument("--copies", type=int, default=20, help="copies of every seed in the batch")
    ap.add_argument("--quick", action="store_true", help="skip LibreOffice and the 20 MB input")
    ap.add_argument("--readme", type=Path, help="write the tables into this README")
    ap.add_argument("--keep", action="store_true", help="keep the work folder")
    ap.add_argument("--serve-only", action="store_true", help="measure the web page alone (prints its table)")
    ap.add_argument("--only-check", action="store_true", help="only the `gongwen check` measurement")
    ap.add_argument("--only-corpus", action="store_true", help="only `gongwen corpus` against `convert -j`")
    ap.add_argument("--records", type=int, default=2000, help="files in the corpus comparison")
    ap.add_argument("--corpus-runs", type=int, default=3, help="runs of each corpus comparison (median)")
    ap.add_argument("--only-lists", action="store_true", help="only the long-list measurement (issue 13)")
    ap.add_argument(
        "--only-batch", action="store_true", help="only the batch and scaling tables (prints them)"
    )
    ap.add_argument("--before", type=Path, help="a source tree of an earlier commit to race as well")
    ap.add_argument(
        "--race-only",
        action="store_true",
        help="seed 004 against LibreOffice and Typst, and the profile, alone",
    )
    args = ap.parse_args(argv)
    only_lists = args.only_lists
    needs_lo = not (args.quick or args.only_corpus or only_lists or args.only_batch)
    if needs_lo and shutil.which("soffice") is None:
        raise SystemExit("bench: soffice not found — `make test-deps` installs it, or pass --quick")
    # bytecode, as an installed package has it (an editable checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would compile every module of every process again)
    for tree in (ROOT, args.before):
        if tree is not None:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "pipeline")], check=True)
    work = Path(tempfile.mkdtemp(prefix="gongwen-bench-"))
    table = listed = ""
    ok = True
    try:
        if args.serve_only:
            table = "\n".join(serve_table(args, work))
        elif args.race_only:
            table = "\n".join([*race_table(work, args.runs, args.before), *profile_table(args.runs)])
        elif args.only_batch:
            table = "\n".join(batch_tables(args, work))
        elif not args.only_check and not args.only_corpus and not only_lists:
            table = report(args, work)
        only_other = args.serve_only or args.race_only or args.only_batch or args.only_corpus or only_lists
        if not only_other and not args.only_check:
            listed, ok = lists_table(work, max(1, args.runs // 2 + 1))
        checks = check_bench(work, args.runs) if shutil.which("soffice") and not only_other else ""
        corpus_tab = ""
        if not only_other and not args.only_check:
            print("bench: corpus …", file=sys.stderr)
            corpus_tab = corpus_table(corpus(work, args.records, args.corpus_runs), args.corpus_runs)
    finally:
        if args.keep:
            print(f"bench: work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("\n\n".join(t for t in (table, listed, checks, corpus_tab) if t))
    if args.readme and not (args.serve_only or args.race_only or args.only_batch):
        if table:
            write_readme(args.readme, table)
        if listed:
            write_readme(args.readme, listed, "lists-bench")
        if checks:
            write_readme(args.readme, checks, "check-bench")
        if corpus_tab:
            write_readme(args.readme, corpus_tab, "bench-corpus")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
