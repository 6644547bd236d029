"""The cache of dataclasses' generated functions (``pipeline.code_cache``): it must hand
``dataclasses`` exactly the code CPython compiles, and classes made from it must behave
as classes made without it."""

from __future__ import annotations

import marshal
import subprocess
import sys

from support import ROOT

from pipeline import code_cache

# classes of the package (stored in the cache) and one of the probe's own (never stored)
_PROBE = (
    "import dataclasses\n"
    "from pipeline.model import Removal, Paragraph\n"
    "from pipeline.render.fonts import Fallback, Run\n"
    "a, b = Removal('x', 'ad', line=3, evidence='e'), Removal('x', 'ad')\n"
    "try:\n"
    "    a.text = 'y'\n"
    "    frozen = False\n"
    "except dataclasses.FrozenInstanceError:\n"
    "    frozen = True\n"
    "@dataclasses.dataclass\n"
    "class Own:\n"
    "    n: int = 1\n"
    "fb = Fallback((Run('F', 'ab'),), '')\n"
    "print(repr(a), a == b, hash(a) == hash(b), frozen, Paragraph('t'), fb, Own(), Removal.__init__.__annotations__)\n"
)


def _run(code: str, cache: object) -> str:
    env = {"GONGWEN_CACHE_DIR": str(cache), "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def test_every_stored_function_is_compiled_as_cpython_compiles_it(tmp_path):
    _run("import pipeline.cli, pipeline.render.pdf, pipeline.render.docx", tmp_path)
    (path,) = tmp_path.glob("dataclass-*.cache")
    entries = marshal.loads(path.read_bytes())
    assert len(entries) > 100  # the code base's dataclasses, not a handful
    for source, code in entries.items():
        fresh = compile(source, "<string>", "exec", dont_inherit=True)
        assert marshal.dumps(code) == marshal.dumps(fresh), source


def test_a_class_made_from_the_cache_behaves_as_a_fresh_one(tmp_path):
    first = _run(_PROBE, tmp_path)  # compiles and stores
    assert any(tmp_path.glob("dataclass-*.cache"))
    second = _run(_PROBE, tmp_path)  # from the file
    uncached = _run(_PROBE, "/proc/no-such-folder")  # nothing can be stored there
    assert first == second == uncached
    assert first.startswith("Removal(text='x', reason='ad', line=3, evidence='e') True True True Paragraph(")
    assert "Own(n=1)" in first


def test_the_module_global_is_replaced_not_the_builtin():
    import builtins
    import dataclasses

    code_cache.install()
    assert getattr(dataclasses.exec, "gongwen_cache", False)  # type: ignore[attr-defined]
    assert not getattr(builtins.exec, "gongwen_cache", False)
    ns: dict[str, object] = {}
    dataclasses.exec("def f():\n return 41 + 1\n", {}, ns)  # type: ignore[attr-defined]
    assert ns["f"]() == 42  # type: ignore[operator]
