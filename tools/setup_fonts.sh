#!/usr/bin/env bash
# Set up the free font stack for DOCX (fontconfig aliases) and PDF (TrueType cache).
#
#   tools/setup_fonts.sh [FONTS_CONF]
#
# Idempotent, and fast the second time: every step checks first and does nothing when
# its result is already there.  Steps (shared/fonts.md §9):
#   1. Debian packages: fontconfig, Noto CJK, AR PL UKai/KaitiM, HanaMin, Liberation, poppler-utils
#      (`apt-get update` only when one is missing).
#   2. The Fandol OTFs, taken out of texlive-lang-chinese with `apt-get download` +
#      dpkg-deb, without installing the 265 MB TeX chain.
#   3. The fontconfig alias file (official font names → free fonts) as
#      /etc/fonts/conf.d/60-gongwen-aliases.conf, then `fc-cache -f` if anything changed.
#      Source: the argument, else ../shared/fonts.conf beside the repository, else the
#      committed copy tools/fonts.conf.
#   4. `python -m pipeline.render.fontsetup prepare`: CFF → TrueType conversion for reportlab into
#      $GONGWEN_FONT_DIR (default ~/.cache/gongwen/fonts), plus a manifest.
# Environment: PYTHON (default: the repository's .venv/bin/python).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
python=${PYTHON:-$repo/.venv/bin/python}
fandol_dir=/usr/local/share/fonts/fandol
alias_conf=/etc/fonts/conf.d/60-gongwen-aliases.conf
packages=(fontconfig fonts-noto-cjk fonts-arphic-ukai fonts-arphic-gkai00mp fonts-hanazono fonts-cwtex-fs fonts-liberation2 poppler-utils)

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo=(sudo)
    else
        echo "setup_fonts: not root and no sudo — run as root" >&2
        exit 1
    fi
fi
export DEBIAN_FRONTEND=noninteractive
changed=0

# 1. packages
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup_fonts: installing ${missing[*]}" >&2
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    changed=1
fi

# 2. Fandol OTFs
if [ ! -s "$fandol_dir/FandolFang-Regular.otf" ]; then
    echo "setup_fonts: extracting Fandol fonts from texlive-lang-chinese" >&2
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    chmod 777 "$tmp" # lets apt's _apt user write there (no "unsandboxed" warning)
    (cd "$tmp" && apt-get download -qq texlive-lang-chinese 2>/dev/null ||
        { "${sudo[@]}" apt-get update -qq && apt-get download -qq texlive-lang-chinese; })
    mkdir -p "$tmp/x"
    dpkg-deb --fsys-tarfile "$tmp"/texlive-lang-chinese_*.deb |
        tar -x -C "$tmp/x" --wildcards './usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/Fandol[FHKS]*.otf'
    "${sudo[@]}" mkdir -p "$fandol_dir"
    "${sudo[@]}" install -m 644 "$tmp"/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol/*.otf "$fandol_dir/"
    changed=1
fi

# 3. fontconfig aliases
conf=${1:-}
if [ -z "$conf" ]; then
    top=$(git -C "$repo" rev-parse --show-toplevel 2>/dev/null || echo "$repo")
    if [ -f "$top/../shared/fonts.conf" ]; then conf=$top/../shared/fonts.conf; else conf=$repo/tools/fonts.conf; fi
fi
if ! cmp -s "$conf" "$alias_conf"; then
    "${sudo[@]}" install -D -m 644 "$conf" "$alias_conf"
    changed=1
fi
if [ "$changed" = 1 ] || ! fc-list : family | grep -q '^FandolFang'; then
    "${sudo[@]}" fc-cache -f >/dev/null
fi

# 4. TrueType conversions for reportlab
cd "$repo"
"$python" -m pipeline.render.fontsetup prepare
