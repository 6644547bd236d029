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

Peak memory comes from ``wait4``'s rusage, which covers the process and every
descendant it waited for, so it is the largest single process of the run.  The tables
go to stdout; ``--readme`` writes them between ``<!-- bench:start -->`` and
``<!-- bench:end -->`` (appending a "## Performance" section if the markers are missing).
"""

from __future__ import annotations

import argparse
import json
import os
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


def run(cmd: Sequence[str], *, cwd: Path = ROOT, env: dict[str, str] | None = None) -> Run:
    """Run ``cmd`` to completion; wall time and the peak RSS of its largest process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(cmd), cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"bench: {' '.join(map(str, cmd))} failed with {code}:\n{err}")
    return Run(seconds, usage.ru_maxrss / 1024)


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


def write_readme(readme: Path, table: str) -> None:
    text = readme.read_text("utf-8")
    block = f"<!-- bench:start -->\n{table.rstrip()}\n<!-- bench:end -->"
    text, n = re.subn(r"<!-- bench:start -->.*?<!-- bench:end -->", lambda _: block, text, flags=re.S)
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
    ap.add_argument("--before", type=Path, help="a source tree of an earlier commit to race as well")
    ap.add_argument(
        "--race-only",
        action="store_true",
        help="seed 004 against LibreOffice and Typst, and the profile, alone",
    )
    args = ap.parse_args(argv)
    if not args.quick and shutil.which("soffice") is None:
        raise SystemExit("bench: soffice not found — `make test-deps` installs it, or pass --quick")
    # bytecode, as an installed package has it (an editable checkout run with
    # PYTHONDONTWRITEBYTECODE=1 would compile every module of every process again)
    for tree in (ROOT, args.before):
        if tree is not None:
            subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "pipeline")], check=True)
    work = Path(tempfile.mkdtemp(prefix="gongwen-bench-"))
    try:
        if args.serve_only:
            table = "\n".join(serve_table(args, work))
        elif args.race_only:
            table = "\n".join([*race_table(work, args.runs, args.before), *profile_table(args.runs)])
        else:
            table = report(args, work)
    finally:
        if args.keep:
            print(f"bench: work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(table)
    if args.readme and not (args.serve_only or args.race_only):
        write_readme(args.readme, table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
