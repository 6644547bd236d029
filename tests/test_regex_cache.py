"""The cache of compiled patterns (``pipeline.regex_cache``): it must hand ``re`` exactly
the program CPython compiles, and store only what modules compile at their top level."""

from __future__ import annotations

import marshal
import re
import subprocess
import sys

import pytest
from support import ROOT

from pipeline import regex_cache


def test_every_pattern_the_stages_compile_is_stored_as_cpython_compiles_it(tmp_path):
    env = {"GONGWEN_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", "import pipeline.cli"], cwd=ROOT, env=env, check=True)
    (path,) = tmp_path.glob("regex-*.cache")
    entries = marshal.loads(path.read_bytes())
    assert len(entries) > 100  # the stages' patterns, not a handful
    import re._compiler as compiler

    for (pattern, flags), (all_flags, code, groups, groupindex, indexgroup) in entries.items():
        parsed = compiler._parser.parse(pattern, flags)
        assert code == list(compiler._code(parsed, flags)), pattern
        assert all_flags == flags | parsed.state.flags
        assert groups == parsed.state.groups - 1
        assert groupindex == dict(parsed.state.groupdict)
        assert len(indexgroup) == parsed.state.groups


def test_a_cached_pattern_matches_as_a_fresh_one(tmp_path):
    code = (
        "import pipeline, re\n"
        "P = re.compile(r'(?P<n>[\\u4e00-\\u9fff]+)(\\d+)', re.I)\n"
        "m = P.search('abc 第一章12 x')\n"
        "print(m.group('n'), m.group(2), P.groups, sorted(P.groupindex), P.flags)\n"
    )
    env = {"GONGWEN_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    runs = [
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
        for _ in range(2)
    ]
    fresh = re.compile(r"(?P<n>[\u4e00-\u9fff]+)(\d+)", re.I)
    m = fresh.search("abc 第一章12 x")
    assert m is not None
    expected = f"{m.group('n')} {m.group(2)} {fresh.groups} {sorted(fresh.groupindex)} {fresh.flags}\n"
    assert [r.stdout for r in runs] == [expected, expected]  # compiled, then read from the cache
    assert marshal.loads(next(tmp_path.glob("regex-*.cache")).read_bytes())


def test_a_pattern_built_inside_a_function_is_not_stored():
    regex_cache.install()

    def build(word: str) -> re.Pattern[str]:
        return re.compile(re.escape(word) + "x{2,3}")

    before = len(regex_cache._entries)
    assert build("独一无二的词").search("独一无二的词xx")
    assert len(regex_cache._entries) == before


@pytest.mark.parametrize("flags", [0, re.I, re.M | re.S])
def test_flags_that_are_intflag_members_are_stored_as_ints(flags):
    key = ("a", int(flags))
    assert marshal.loads(marshal.dumps({key: 1})) == {key: 1}
