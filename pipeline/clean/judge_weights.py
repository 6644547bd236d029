"""The judge's fitted weights (written by ``python tools/fit_judge.py --write``; do not edit).

Fitted on 74 lines of 28 dev sites (57 debris).
Leave-site-out at threshold 0.8546: line precision 0.973, recall 0.632.
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
        3.659555,  # bias
        -0.990336,  # log_length
        0.433981,  # short
        0.220844,  # marks
        -0.154799,  # function
        -0.701485,  # han
        -0.000055,  # digits
        0.304063,  # latin
        -0.431390,  # finished
        0.808625,  # separators
        0.461906,  # counts
        -0.280224,  # dates
        0.736455,  # times
        -0.424515,  # addresses
        0.274772,  # emoji
        0.505191,  # bracketed
        -0.231808,  # title_like
        0.000000,  # numbered
        -0.388395,  # repeats
        -0.227156,  # before_core
        -0.267137,  # after_core
        0.341993,  # log_distance
        0.165726,  # prose
        0.328566,  # no_core
        -0.247440,  # short_outside
        0.497179,  # prose_intro
        0.248073,  # prose_legal
        0.780585,  # neighbours_furniture
        -0.477414,  # label
        0.000000,  # blanks
        0.000000,  # code
        -0.345024,  # tokens
        0.681421,  # short_inside
        0.861138,  # words_download
        0.773126,  # words_meta
        0.940186,  # words_social
        0.297819,  # words_nav
        -0.120905,  # words_legal
        0.566071,  # words_intro
    ),
    threshold=0.8546,
)
