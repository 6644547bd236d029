"""Renderers: the document model → bytes.

``json`` renders a whole :class:`~pipeline.model.DocTree`; ``docx`` and ``pdf`` render
one :class:`~pipeline.model.Article` (the CLI writes one file per article).  Modules
are imported on first use, so a ``--to json`` run never loads reportlab or python-docx.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

FORMATS = ("docx", "pdf", "json")  # what --to accepts; "all" means every one


def renderer(fmt: str) -> Callable[..., bytes]:
    """The ``render`` function of a format's module (``pipeline.render.<fmt>``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    module: Any = importlib.import_module(f"pipeline.render.{fmt}")
    fn: Callable[..., bytes] = module.render
    return fn
