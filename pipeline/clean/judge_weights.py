"""The judge's fitted weights (written by ``python tools/fit_judge.py --write``; do not edit).

Fitted on 440 lines of 49 dev sites (142 debris).
Leave-site-out at threshold 0.9471: line precision 0.900, recall 0.190.
"""

from pipeline.clean.judge import Weights

WEIGHTS = Weights(
    names=(
        "bias",
        "log_length",
        "short",
        "marks",
        "function",
        "han",
        "digits",
        "latin",
        "finished",
        "separators",
        "counts",
        "dates",
        "times",
        "addresses",
        "emoji",
        "bracketed",
        "title_like",
        "numbered",
        "repeats",
        "before_core",
        "after_core",
        "log_distance",
        "prose",
        "no_core",
        "short_outside",
        "prose_intro",
        "prose_legal",
        "neighbours_furniture",
        "label",
        "blanks",
        "code",
        "tokens",
        "short_inside",
        "words_download",
        "words_meta",
        "words_social",
        "words_nav",
        "words_legal",
        "words_intro",
    ),
    values=(
        2.902880,  # bias
        -1.107468,  # log_length
        -0.032886,  # short
        0.089489,  # marks
        -0.924402,  # function
        -0.042879,  # han
        -0.499601,  # digits
        -0.589728,  # latin
        -0.313135,  # finished
        -0.352693,  # separators
        0.235239,  # counts
        0.706356,  # dates
        1.851199,  # times
        -0.738456,  # addresses
        0.076018,  # emoji
        0.854225,  # bracketed
        0.055104,  # title_like
        0.618153,  # numbered
        -0.836783,  # repeats
        -0.594370,  # before_core
        0.781586,  # after_core
        0.826424,  # log_distance
        0.036289,  # prose
        -0.223505,  # no_core
        0.312000,  # short_outside
        0.759496,  # prose_intro
        0.030888,  # prose_legal
        0.973627,  # neighbours_furniture
        -1.903685,  # label
        -0.068579,  # blanks
        0.000000,  # code
        -0.274680,  # tokens
        -0.344886,  # short_inside
        0.694296,  # words_download
        0.861307,  # words_meta
        0.972850,  # words_social
        0.245736,  # words_nav
        0.331512,  # words_legal
        0.471154,  # words_intro
    ),
    threshold=0.9471,
)
