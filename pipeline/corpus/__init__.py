"""corpus: the cleaner as datatrove pipeline steps, for corpora of millions of pages (issue 21).

Beyond a folder on one machine, corpora are built on an existing engine; this package
puts the pipeline into datatrove's (local, Slurm and Ray executors; JSONL, Parquet and
WARC readers and writers; a completion marker per task, so a rerun skips finished work):

* :mod:`.record` — one record's bytes converted exactly as ``gongwen convert FILE --to
  json`` converts a file of them (pure; no datatrove here).
* :mod:`.steps` — the ``Convert`` and ``Render`` steps, to compose with datatrove's own
  readers, filters, dedup and writers.
* :mod:`.readers` — readers that keep each input's bytes (files, JSONL, Parquet, WARC).
* :mod:`.writers` — record and error shards, renamed into place when their task is done.
* :mod:`.run` — what ``gongwen corpus`` builds: the steps of a run, its pinned settings,
  the executor, the totals.

The layer sits above :mod:`pipeline.core` and below :mod:`pipeline.cli`; only the CLI
imports it, and only when the ``corpus`` command runs, since datatrove is an optional
extra (``pip install 'gongwen[corpus]'``).
"""
