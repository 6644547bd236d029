"""``python -m pipeline`` does what the ``gongwen`` command does."""

from pipeline.cli import main

main()
