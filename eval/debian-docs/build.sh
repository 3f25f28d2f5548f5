#!/usr/bin/env bash
# Builds the development documentation collection from Debian's documentation packages (see README.md here).
#
#   eval/debian-docs/build.sh [OUT_DIR]     (default: eval/debian-docs/corpus, which git ignores)
#
# Needs apt-get and dpkg-deb (no root: 'apt-get download' writes to the current folder). Each chapter is taken
# in one language only, rotating through the languages a manual ships, so most questions must cross languages.
# The package versions and licences used are written to OUT_DIR/.provenance/ (hidden, so it is not ingested).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/corpus}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

packages=(maint-guide maint-guide-de maint-guide-zh-cn maint-guide-zh-tw
          developers-reference developers-reference-de installation-guide-amd64)

cd "$work"
for p in "${packages[@]}"; do
    if ! apt-get download "$p" >/dev/null 2>&1; then
        echo "build.sh: 'apt-get download $p' failed; run 'apt-get update' once (as root) and try again." >&2
        exit 1
    fi
done
for deb in ./*.deb; do
    name="$(dpkg-deb -f "$deb" Package)"
    mkdir -p "x/$name"
    dpkg-deb -x "$deb" "x/$name"
done

rm -rf "$out"
mkdir -p "$out"

# maint-guide (DocBook HTML): 10 chapters, rotating en, de, zh-cn, zh-tw.
chapters=(start first modify dreq dother build checkit upload update advanced)
langs=(en de zh-cn zh-tw)
mkdir -p "$out/maint-guide"
for i in "${!chapters[@]}"; do
    lang="${langs[$((i % 4))]}"
    pkg=maint-guide; [ "$lang" = en ] || pkg="maint-guide-$lang"
    cp "x/$pkg/usr/share/doc/$pkg/html/${chapters[$i]}.$lang.html" "$out/maint-guide/"
done

# developers-reference (Sphinx HTML): 10 chapters, alternating en and de.
chapters=(scope new-maintainer developer-duties resources pkgs best-pkging-practices beyond-pkging l10n tools)
mkdir -p "$out/developers-reference/en" "$out/developers-reference/de"
for i in "${!chapters[@]}"; do
    if [ $((i % 2)) -eq 0 ]; then
        cp "x/developers-reference/usr/share/developers-reference/${chapters[$i]}.html" "$out/developers-reference/en/"
    else
        cp "x/developers-reference-de/usr/share/developers-reference/de/${chapters[$i]}.html" "$out/developers-reference/de/"
    fi
done

# installation-guide-amd64 (DocBook HTML, one file per section): chapters 1-8, rotating en, de, zh_CN.
langs=(en de zh_CN)
guide="x/installation-guide-amd64/usr/share/doc/installation-guide-amd64"
for n in 1 2 3 4 5 6 7 8; do
    lang="${langs[$(((n - 1) % 3))]}"
    mkdir -p "$out/installation-guide/$lang"
    cp "$guide/$lang"/ch0"$n".html "$guide/$lang"/ch0"$n"s*.html "$out/installation-guide/$lang/"
done

mkdir -p "$out/.provenance/licenses"
{
    echo "# Provenance"
    echo
    echo "Built by eval/debian-docs/build.sh on $(date -u +%Y-%m-%d) from these Debian packages:"
    echo
    for deb in ./*.deb; do
        echo "- $(dpkg-deb -f "$deb" Package) $(dpkg-deb -f "$deb" Version)"
    done
    echo
    echo "Each package's licence is its Debian copyright file, copied to licenses/ beside this file."
} > "$out/.provenance/PROVENANCE.md"
for d in x/*; do
    name="$(basename "$d")"
    copyright="$(find "$d/usr/share/doc" -maxdepth 2 -name copyright | head -n 1)"
    [ -n "$copyright" ] && cp "$copyright" "$out/.provenance/licenses/$name.copyright"
done

files=$(find "$out" -name '*.html' | wc -l)
bytes=$(find "$out" -name '*.html' -print0 | xargs -0 cat | wc -c)
echo "build.sh: $files HTML files, $bytes bytes, in $out"
