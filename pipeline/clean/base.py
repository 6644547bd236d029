"""The one value a rule returns: where the cruft is."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Cut:
    """Cruft at ``lines[index]``: the whole line, or ``text[start:end]`` of it."""

    index: int
    start: int = 0
    end: int | None = None  # None: to the end of the line (whole line when start == 0)
    split: bool = False  # the text after the cut starts a new line that opens a new article
    # the reason to record when it is not the rule's own name (the judge names the kind of
    # furniture it found); registered in pipeline.reasons like every reason
    reason: str = ""
    evidence: str = ""  # what weighed in the decision, for `gongwen explain` (the judge's cuts)
