"""corpus: the cleaner as datatrove pipeline steps, for corpora of millions of pages (issue 21)."""
