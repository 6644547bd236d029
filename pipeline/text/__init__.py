"""The text layer every stage shares: lines, character classes and line shapes, the
numbering table, and the punctuation fixers.  It imports nothing of the pipeline."""
