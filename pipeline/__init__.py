"""gongwen: raw Chinese web text → clean documents in GB/T 9704-2012 layout.

Stages (each one pure function over the document model in :mod:`pipeline.model`):
decode → clean → structure → render.  :func:`pipeline.core.convert` joins them.
"""

__version__ = "0.1.0"

from pipeline import code_cache as _code_cache
from pipeline import regex_cache as _regex_cache

_code_cache.install()  # the dataclasses' generated functions compiled once per machine
_regex_cache.install()  # the stages' patterns compiled once per machine, not per process
