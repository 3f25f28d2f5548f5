#!/usr/bin/env python3
"""Writes the synonym lists shipped in src/QaBot.Analysis/Synonyms/Data/ (embedded into QaBot.Analysis).

  synonyms-en.txt.gz  from WordNet 3.0, Debian package wordnet-base (/usr/share/wordnet)
  synonyms-de.txt.gz  from OpenThesaurus, Debian package mythes-de (/usr/share/mythes/th_de_DE_v2.dat)

Without --wordnet/--mythes the two packages are downloaded with `apt-get download` and unpacked with
`dpkg-deb -x` into --work (no installation, no root needed beyond apt's cache).

Output: one line per headword, `word<TAB>synonym|synonym|...`, lower case, sorted, best synonym first,
gzip-compressed with a fixed timestamp so that reruns on the same inputs give byte-identical files.

What is kept (a query expansion must rarely change what a question asks):
  WordNet: single-word lemmas only (the index matches words, not phrases). A word's senses are ranked by
  their tagged frequency (cntlist.rev; untagged senses count 0, ties keep WordNet's own order) and only the
  first MAX_WORDNET_SENSES are used; a lemma of such a synset is a synonym only if that synset is also among
  *its* first MAX_WORDNET_SENSES senses (car -> automobile, but not car -> machine: "machine" rarely means a car).
  OpenThesaurus: single-word synonyms without a register or relation mark ((ugs.), (Oberbegriff), ...), from
  the first MAX_THESAURUS_SENSES senses; synonyms that are themselves unambiguous (fewer senses) come first.
  At most MAX_SYNONYMS synonyms per headword.
"""
import argparse
import gzip
import io
import os
import re
import subprocess
import tempfile
from collections import defaultdict

MAX_WORDNET_SENSES = 2
MAX_THESAURUS_SENSES = 2
MAX_SYNONYMS = 4
WORD = re.compile(r"^[a-zäöüß][a-zäöüß\-]*[a-zäöüß]$")
POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SS_TYPE_NUMBER = {"n": 1, "v": 2, "a": 3, "r": 4, "s": 5}


def write_gzip(path, lines):
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
        gz.write(("\n".join(lines) + "\n").encode("utf-8"))
    with open(path, "wb") as f:
        f.write(raw.getvalue())
    return os.path.getsize(path)


def unpack(package, work):
    """Downloads a Debian package into work/ and unpacks it there; returns the unpacked root."""
    os.makedirs(work, exist_ok=True)
    subprocess.run(["apt-get", "download", package], cwd=work, check=True)
    deb = next(f for f in sorted(os.listdir(work)) if f.startswith(package + "_") and f.endswith(".deb"))
    root = os.path.join(work, package)
    subprocess.run(["dpkg-deb", "-x", os.path.join(work, deb), root], check=True)
    return root


def read_wordnet(folder):
    """synsets: offset -> (ss_type, lex_filenum, [(lemma, lex_id)]); senses: lemma -> [offsets] in index order."""
    synsets = {}
    for pos, name in POS_FILES.items():
        with open(os.path.join(folder, "data." + name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split(" ")
                offset, lex_filenum, ss_type, w_cnt = fields[0], int(fields[1]), fields[2], int(fields[3], 16)
                words = []
                for i in range(w_cnt):
                    lemma = re.sub(r"\([a-z]+\)$", "", fields[4 + 2 * i]).lower()
                    words.append((lemma, int(fields[5 + 2 * i], 16)))
                synsets[pos + offset] = (ss_type, lex_filenum, words)
    counts = {}
    with open(os.path.join(folder, "cntlist.rev"), encoding="utf-8") as f:
        for line in f:
            key, _, count = line.split()
            lemma, rest = key.split("%", 1)
            ss_type, lex_filenum, lex_id = rest.split(":")[:3]
            counts[(lemma.lower(), int(ss_type), int(lex_filenum), int(lex_id))] = int(count)
    senses = defaultdict(list)
    for pos, name in POS_FILES.items():
        with open(os.path.join(folder, "index." + name), encoding="utf-8") as f:
            for line in f:
                if line.startswith("  "):
                    continue
                fields = line.split()
                lemma, synset_cnt = fields[0].lower(), int(fields[2])
                for order, offset in enumerate(fields[-synset_cnt:]):
                    ss_type, lex_filenum, words = synsets[pos + offset]
                    lex_id = next((i for w, i in words if w == lemma), 0)
                    count = counts.get((lemma, SS_TYPE_NUMBER[ss_type], lex_filenum, lex_id), 0)
                    senses[lemma].append((count, pos, order, pos + offset))
    # Most frequent first across parts of speech; WordNet's order (itself by frequency) breaks ties.
    top = {lemma: [s[3] for s in sorted(found, key=lambda s: (-s[0], s[2], s[1]))[:MAX_WORDNET_SENSES]]
           for lemma, found in senses.items()}
    return synsets, top


def wordnet_lines(folder):
    synsets, top = read_wordnet(folder)
    lines = []
    for lemma in sorted(top):
        if not WORD.match(lemma):
            continue
        synonyms = []
        for synset in top[lemma]:
            for other, _ in synsets[synset][2]:
                if other != lemma and other not in synonyms and WORD.match(other) and synset in top.get(other, []):
                    synonyms.append(other)
        if synonyms:
            lines.append("%s\t%s" % (lemma, "|".join(synonyms[:MAX_SYNONYMS])))
    return lines


MARK = re.compile(r"\([^)]*\)")


def read_thesaurus(path):
    """headword -> list of senses, each the list of its single-word, unmarked synonyms (lower case)."""
    entries = {}
    with open(path, encoding="utf-8") as f:
        f.readline()  # the encoding line
        while True:
            head = f.readline()
            if not head:
                break
            word, count = head.rstrip("\n").rsplit("|", 1)
            senses = []
            for _ in range(int(count)):
                synonyms = []
                for item in f.readline().rstrip("\n").split("|")[1:]:
                    if MARK.search(item):
                        continue
                    item = item.strip().lower()
                    if WORD.match(item):
                        synonyms.append(item)
                senses.append(synonyms)
            entries[word.lower()] = senses
    return entries


def thesaurus_lines(path):
    entries = read_thesaurus(path)
    lines = []
    for word in sorted(entries):
        if not WORD.match(word):
            continue
        candidates = []
        for sense in entries[word][:MAX_THESAURUS_SENSES]:
            for other in sense:
                if other != word and other not in candidates:
                    candidates.append(other)
        # Unambiguous synonyms first (stable: the thesaurus' order otherwise).
        candidates.sort(key=lambda other: len(entries.get(other, [[]] * 9)))
        if candidates:
            lines.append("%s\t%s" % (word, "|".join(candidates[:MAX_SYNONYMS])))
    return lines


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.dirname(os.path.dirname(here))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--wordnet", help="folder with WordNet's index.* data.* cntlist.rev (default: download wordnet-base)")
    p.add_argument("--mythes", help="OpenThesaurus th_de_DE_v2.dat (default: download mythes-de)")
    p.add_argument("--lgpl", default="/usr/share/common-licenses/LGPL-2.1")
    p.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "qabot-synonyms"))
    p.add_argument("--out", default=os.path.join(repo, "src", "QaBot.Analysis", "Synonyms", "Data"))
    args = p.parse_args()
    wordnet = args.wordnet or os.path.join(unpack("wordnet-base", args.work), "usr", "share", "wordnet")
    mythes = args.mythes or os.path.join(unpack("mythes-de", args.work), "usr", "share", "mythes", "th_de_DE_v2.dat")
    os.makedirs(args.out, exist_ok=True)
    for name, lines in (("synonyms-en.txt.gz", wordnet_lines(wordnet)), ("synonyms-de.txt.gz", thesaurus_lines(mythes))):
        size = write_gzip(os.path.join(args.out, name), lines)
        print("%s: %d headwords, %d bytes" % (name, len(lines), size))
    wordnet_root = os.path.dirname(os.path.dirname(os.path.dirname(wordnet)))
    copyright_file = os.path.join(wordnet_root, "usr", "share", "doc", "wordnet-base", "copyright")
    if os.path.exists(copyright_file):
        with open(copyright_file, encoding="utf-8") as f:
            text = f.read()
        licence = text[text.index("License: WordNet3.0"):].split("\n\n")[0]
        with open(os.path.join(args.out, "WordNet.LICENSE.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(l[1:] if l.startswith(" ") else l for l in licence.splitlines()).replace("\n.\n", "\n\n") + "\n")
    with open(args.lgpl, encoding="utf-8") as src, open(os.path.join(args.out, "OpenThesaurus.LICENSE.txt"), "w", encoding="utf-8") as dst:
        dst.write(src.read())


if __name__ == "__main__":
    main()
