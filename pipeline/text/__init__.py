"""The text layer every stage shares: lines, character classes and line shapes, the
numbering table, the shapes of a 公文's elements (主送, 署名, 成文日期, 版头 and 版记
lines, with their vocabularies — read by structure and by ``gongwen check`` alike), and
the punctuation fixers.  It imports nothing of the pipeline."""
