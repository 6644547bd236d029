"""The judge's fitted weights (written by ``python tools/fit_judge.py --write``; do not edit).

Fitted on 75 lines of 28 dev sites (58 debris).
Leave-site-out at threshold 0.8544: line precision 0.974, recall 0.638.
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
        3.660800,  # bias
        -0.990167,  # log_length
        0.433951,  # short
        0.220662,  # marks
        -0.154840,  # function
        -0.702164,  # han
        -0.000236,  # digits
        0.303737,  # latin
        -0.431506,  # finished
        0.812710,  # separators
        0.460924,  # counts
        -0.280194,  # dates
        0.736445,  # times
        -0.425260,  # addresses
        0.274660,  # emoji
        0.504739,  # bracketed
        -0.232668,  # title_like
        0.000000,  # numbered
        -0.388414,  # repeats
        -0.227824,  # before_core
        -0.266411,  # after_core
        0.341963,  # log_distance
        0.165742,  # prose
        0.328492,  # no_core
        -0.247402,  # short_outside
        0.497227,  # prose_intro
        0.248133,  # prose_legal
        0.781089,  # neighbours_furniture
        -0.477787,  # label
        0.000000,  # blanks
        0.000000,  # code
        -0.345218,  # tokens
        0.681353,  # short_inside
        0.861012,  # words_download
        0.772829,  # words_meta
        0.940249,  # words_social
        0.297918,  # words_nav
        -0.121227,  # words_legal
        0.566057,  # words_intro
    ),
    threshold=0.8544,
)
