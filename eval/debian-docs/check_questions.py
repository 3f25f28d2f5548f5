#!/usr/bin/env python3
"""Checks a question set against the documentation collection it is about.

    eval/debian-docs/check_questions.py [SET] [CORPUS]     (defaults: dev.jsonl and corpus/ beside this script)
    eval/debian-docs/check_questions.py --dump FILE.html    (prints a chapter's text, for reading)

For every question: the fields are present and typed as eval/README.md says, the id is unique, every listed source
exists under CORPUS, and every answer_any group has an alternative that occurs (case-insensitive, NFKC, whitespace
collapsed) in the tag-stripped text of at least one listed source. Unanswerable questions must list no sources; a
crosslingual question has no source in its own language, a factual one has one; no single source of a multi
question satisfies all its groups.
Exits 1 and names the question and the failing group when something does not hold.
"""
import html.parser
import json
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

KINDS = {"factual", "crosslingual", "multi", "unanswerable"}
LANGS = {"en", "de", "zh"}
# How build.sh names a chapter's language: maint-guide/NAME.LANG.html, developers-reference/LANG/, installation-guide/LANG/.
PATH_LANGUAGE = re.compile(r"(?:\.|/)(en|de|zh-cn|zh-tw|zh_CN)(?:\.html$|/)")


def source_language(source):
    match = PATH_LANGUAGE.search(source)
    return None if match is None else ("zh" if match.group(1).startswith("zh") else match.group(1))


class _TextExtractor(html.parser.HTMLParser):
    """Collects the text of an HTML page, leaving out script and style contents."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in ("p", "div", "li", "tr", "td", "th", "pre", "br", "h1", "h2", "h3", "h4", "dt", "dd"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def page_text(path):
    extractor = _TextExtractor()
    extractor.feed(path.read_text(encoding="utf-8", errors="replace"))
    return "".join(extractor.parts)


def normalise(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).casefold()


def check(set_path, corpus):
    errors = []
    seen = set()
    texts = {}
    questions = []
    for number, line in enumerate(set_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{set_path}:{number}"
        try:
            q = json.loads(line)
        except json.JSONDecodeError as e:
            errors.append(f"{where}: not JSON ({e})")
            continue
        questions.append(q)
        qid = q.get("id")
        where = f"{where} ({qid})"
        if not isinstance(qid, str) or not qid:
            errors.append(f"{where}: 'id' missing")
        elif qid in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(qid)
        if not isinstance(q.get("question"), str) or not q["question"].strip():
            errors.append(f"{where}: 'question' missing")
        if q.get("lang") not in LANGS:
            errors.append(f"{where}: 'lang' is {q.get('lang')!r}, expected one of {sorted(LANGS)}")
        if q.get("kind") not in KINDS:
            errors.append(f"{where}: 'kind' is {q.get('kind')!r}, expected one of {sorted(KINDS)}")
        sources = q.get("sources")
        groups = q.get("answer_any")
        if not isinstance(sources, list) or not isinstance(groups, list):
            errors.append(f"{where}: 'sources' and 'answer_any' must be lists")
            continue
        if q.get("kind") == "unanswerable":
            if sources:
                errors.append(f"{where}: an unanswerable question lists sources")
            continue
        if not sources or not groups:
            errors.append(f"{where}: an answerable question needs sources and answer_any groups")
            continue
        if q.get("kind") == "multi" and len(sources) < 2:
            errors.append(f"{where}: a multi question needs at least two sources")
        languages = {source_language(s) for s in sources}
        if q.get("kind") == "crosslingual" and q.get("lang") in languages:
            errors.append(f"{where}: crosslingual, but a source is in the question's language ({sources})")
        if q.get("kind") == "factual" and q.get("lang") not in languages:
            errors.append(f"{where}: factual (same language), but no source is in '{q.get('lang')}' ({sources})")
        for source in sources:
            path = corpus / source
            if not path.is_file():
                errors.append(f"{where}: source '{source}' is not a file under {corpus}")
            elif source not in texts:
                texts[source] = normalise(page_text(path))
        for group in groups:
            if not isinstance(group, list) or not group:
                errors.append(f"{where}: answer_any group {group!r} is not a non-empty list")
                continue
            if not any(normalise(alt) in texts.get(s, "") for alt in group for s in sources):
                errors.append(f"{where}: no alternative of {group} occurs in {sources}")
        if q.get("kind") == "multi" and all(s in texts for s in sources):
            whole = [s for s in sources if all(any(normalise(alt) in texts[s] for alt in g) for g in groups)]
            if whole:
                errors.append(f"{where}: multi, but {whole[0]} alone satisfies every answer_any group")
    return questions, errors


def main(argv):
    here = Path(__file__).resolve().parent
    if len(argv) == 2 and argv[0] == "--dump":
        print(re.sub(r"\n\s*\n+", "\n", page_text(Path(argv[1]))))
        return 0
    set_path = Path(argv[0]) if argv else here / "dev.jsonl"
    corpus = Path(argv[1]) if len(argv) > 1 else here / "corpus"
    if not corpus.is_dir():
        print(f"check_questions.py: corpus folder '{corpus}' not found; build it with build.sh", file=sys.stderr)
        return 1
    questions, errors = check(set_path, corpus)
    for error in errors:
        print(error, file=sys.stderr)
    kinds = Counter(q.get("kind") for q in questions)
    langs = Counter(q.get("lang") for q in questions)
    print(f"{len(questions)} questions; kinds {dict(kinds)}; languages {dict(langs)}; {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
