"""The title splitter's word dictionary without loading jieba (issue 20).

:func:`pipeline.render.title.words` segments a title as jieba does with its dictionary
only (``Tokenizer.cut(title, HMM=False)``, plus our ``title_words.txt``).  jieba builds
its prefix dictionary for that — 350 000 words as a Python dict — in about 0.7 s of CPU
and 100 MB a process; a title needs a few hundred look-ups in it.  So the dictionary
jieba ends up with (its ``FREQ`` after our words are added, and its ``total``) is kept on
disk, once per machine, as one sorted string of words and two arrays (where each word
starts, its frequency), and looked up by binary search: 10 ms and 8 MB to load.
:func:`cut` is jieba's own algorithm over it (``Tokenizer.cut`` →
``__cut_DAG_NO_HMM``, ``get_DAG``, ``calc``), so the words are jieba's, which
``tests/render/test_title_dict.py`` checks on the real titles and on random text.

The file is ``$GONGWEN_CACHE_DIR/title-words-<key>.cache`` (default ``~/.cache/gongwen``),
the key made of jieba's version and dictionary and our word list; when it is missing it
is built with jieba (about two seconds) and written for the next process.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
from array import array
from collections.abc import Iterator, Sequence
from functools import cache
from math import log
from pathlib import Path

VERSION = 1
# jieba 0.42's block patterns (jieba/__init__.py: re_han_default, re_skip_default, re_eng)
_RE_HAN = re.compile("([\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-]+)", re.U)
_RE_SKIP = re.compile("(\r\n|\\s)", re.U)
_RE_ENG = re.compile("[a-zA-Z0-9]", re.U)


class Dictionary:
    """jieba's prefix dictionary, read-only: ``word in d``, ``d.get(word)``, ``d.total``."""

    def __init__(self, words: str, starts: array[int], freqs: array[int], total: int) -> None:
        self.words, self.starts, self.freqs, self.total = words, starts, freqs, total
        self.n = len(freqs)

    def _find(self, word: str) -> int:
        lo, hi = 0, self.n
        words, starts = self.words, self.starts
        while lo < hi:
            mid = (lo + hi) // 2
            key = words[starts[mid] : starts[mid + 1]]
            if key < word:
                lo = mid + 1
            elif key > word:
                hi = mid
            else:
                return mid
        return -1

    def __contains__(self, word: str) -> bool:
        return self._find(word) >= 0

    def get(self, word: str) -> int | None:
        i = self._find(word)
        return self.freqs[i] if i >= 0 else None


def _cut_block(d: Dictionary, sentence: str) -> Iterator[str]:
    """jieba's ``__cut_DAG_NO_HMM``: the most probable path through the word graph."""
    n = len(sentence)
    dag: dict[int, list[int]] = {}
    for k in range(n):  # get_DAG
        ends = []
        i = k
        frag = sentence[k]
        while i < n:
            f = d.get(frag)
            if f is None:
                break
            if f:
                ends.append(i)
            i += 1
            frag = sentence[k : i + 1]
        dag[k] = ends or [k]
    route: dict[int, tuple[float, int]] = {n: (0, 0)}
    logtotal = log(d.total)
    for idx in range(n - 1, -1, -1):  # calc
        route[idx] = max(
            (log(d.get(sentence[idx : x + 1]) or 1) - logtotal + route[x + 1][0], x) for x in dag[idx]
        )
    x = 0
    buf = ""
    while x < n:
        y = route[x][1] + 1
        word = sentence[x:y]
        if _RE_ENG.match(word) and len(word) == 1:
            buf += word
        else:
            if buf:
                yield buf
                buf = ""
            yield word
        x = y
    if buf:
        yield buf


def cut(d: Dictionary, sentence: str) -> Iterator[str]:
    """``jieba.Tokenizer.cut(sentence, HMM=False)`` over ``d``."""
    for blk in _RE_HAN.split(sentence):
        if not blk:
            continue
        if _RE_HAN.match(blk):
            yield from _cut_block(d, blk)
        else:
            for x in _RE_SKIP.split(blk):
                if _RE_SKIP.match(x):
                    yield x
                else:
                    yield from x


def _jieba() -> object:
    import warnings

    with warnings.catch_warnings():  # jieba 0.42 imports pkg_resources and has old escapes
        warnings.simplefilter("ignore")
        import jieba
    return jieba


def cache_key(user_words: Sequence[str]) -> str:
    """What the dictionary is made of: jieba's version and dictionary file, our words."""
    import importlib.util

    spec = importlib.util.find_spec("jieba")
    h = hashlib.sha256(f"{VERSION}\n".encode())
    if spec is not None and spec.origin:
        base = Path(spec.origin).parent
        st = (base / "dict.txt").stat()
        h.update(f"{base}:{st.st_size}:{st.st_mtime_ns}".encode())
    h.update("\n".join(user_words).encode())
    return h.hexdigest()[:20]


def build(user_words: Sequence[str]) -> tuple[str, bytes, bytes, int]:
    """jieba's dictionary with ``user_words`` added as ``title.py`` has always added them
    (``Tokenizer.add_word`` with its suggested frequency, in order), sorted."""
    import logging

    jieba = _jieba()
    jieba.setLogLevel(logging.WARNING)  # type: ignore[attr-defined]
    tokenizer = jieba.Tokenizer()  # type: ignore[attr-defined]
    tokenizer.initialize()
    for word in user_words:
        tokenizer.add_word(word)
    keys = sorted(tokenizer.FREQ)
    starts = array("I", [0])
    pos = 0
    for k in keys:
        pos += len(k)
        starts.append(pos)
    freqs = array("q", (tokenizer.FREQ[k] for k in keys))
    return "".join(keys), starts.tobytes(), freqs.tobytes(), int(tokenizer.total)


def _path(key: str) -> Path:
    root = os.environ.get("GONGWEN_CACHE_DIR") or str(Path.home() / ".cache" / "gongwen")
    return Path(root) / f"title-words-{key}.cache"


@cache
def dictionary(user_words: tuple[str, ...]) -> Dictionary:
    """The dictionary, from the cache file (built with jieba and written when missing)."""
    path = _path(cache_key(user_words))
    try:
        words, starts_b, freqs_b, total = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        words, starts_b, freqs_b, total = build(user_words)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(marshal.dumps((words, starts_b, freqs_b, total)))
            os.replace(tmp, path)
        except OSError:
            pass
    starts, freqs = array("I"), array("q")
    starts.frombytes(starts_b)
    freqs.frombytes(freqs_b)
    return Dictionary(words, starts, freqs, total)
