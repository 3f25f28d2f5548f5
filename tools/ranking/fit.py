#!/usr/bin/env python3
"""Fits the reranker (src/QaBot.Retrieval/Ranking/RankingModel.cs) on eval results.

Usage: fit.py [--list candidates|sentence_candidates] [--features f,g,...] [--folds N] RESULTS.json [RESULTS.json ...]
Each file is the output of `qabot eval --set SET --json RESULTS.json` on one development collection; its
"candidates" hold every reranked passage of a question with its rank features and whether its own text
answers the question (eval's evidence test). A listwise softmax model with L2 regularisation, fitted by gradient
descent (Adam; no third-party packages): for each question, the evidence candidates should take the probability
mass of a softmax over its candidates' scores, which is what puts one of them first. Every collection weighs the same, and within it every question, so neither a large set nor a
question with many candidates dictates the weights. Prints the weights to paste into RankingModel.Default and
evidence@1/@5 over the candidates per collection, for the current order and the fitted one; with --folds,
also the cross-validated evidence@1 (questions split into N folds, each scored by weights fitted on the rest).
With --list sentence_candidates it fits the extractive composer's sentence model
(src/QaBot.Answering/Composition/SentenceModel.cs) instead: its candidates are the sentences an answer could lead
with, labelled by whether their own text answers the question, and its score is exp of the weighted sum, so the
fitted weights go into SentenceModel.Default as they are.
"""
import json
import math
import random
import sys

FEATURES = ["coverage", "sentence_coverage", "heading_coverage", "fused", "best_leg_score", "original_score",
            "best_leg_rank", "type_missing", "rare_matched", "length"]
SENTENCE_FEATURES = ["share", "passage_share", "passage_rank", "missing_item", "asks_itself", "pair", "rare_share",
                     "passage_score_gap", "length", "position", "block_line"]
L2 = 0.01
STEPS = 600
RATE = 0.05


def load(path, features, field="candidates"):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    questions = []
    for q in report["questions"]:
        if q["kind"] in ("unanswerable", "multi"):
            continue
        candidates = [([float(c["features"].get(n, 0.0)) for n in features], bool(c["evidence"]), c["score"])
                      for c in q.get(field, [])]
        questions.append((q["id"], candidates))
    return questions


def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def fit(sets, n):
    """Listwise softmax loss: -log(sum of exp(score) over evidence candidates / over all candidates), per question."""
    lists = []
    for questions in sets:
        usable = [c for _, c in questions if any(e for _, e, _ in c) and not all(e for _, e, _ in c)]
        lists.extend((c, 1.0 / len(usable) / len(sets)) for c in usable)
    w = [0.0] * n
    m = [0.0] * n
    v = [0.0] * n
    for step in range(1, STEPS + 1):
        g = [L2 * wi for wi in w]
        for candidates, weight in lists:
            scores = [sum(wi * xi for wi, xi in zip(w, x)) for x, _, _ in candidates]
            top = max(scores)
            exps = [math.exp(s - top) for s in scores]
            total = sum(exps)
            good = sum(x for x, (_, e, _) in zip(exps, candidates) if e)
            for (x, e, _), ex in zip(candidates, exps):
                coefficient = ex / total - (ex / good if e else 0.0)
                for i, xi in enumerate(x):
                    g[i] += weight * coefficient * xi
        # Adam: the features differ in scale, plain gradient descent crawls.
        for i in range(n):
            m[i] = 0.9 * m[i] + 0.1 * g[i]
            v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i]
            w[i] -= RATE * (m[i] / (1 - 0.9 ** step)) / (math.sqrt(v[i] / (1 - 0.999 ** step)) + 1e-8)
    return w


def evidence_at(questions, score, k):
    hits = 0
    for _, candidates in questions:
        ranked = sorted(candidates, key=score, reverse=True)
        hits += any(e for _, e, _ in ranked[:k])
    return hits / max(1, len(questions))


def main(argv):
    features = None
    field = "candidates"
    folds = 0
    paths = []
    i = 0
    while i < len(argv):
        if argv[i] == "--features":
            features = argv[i + 1].split(",")
            i += 2
        elif argv[i] == "--list":
            field = argv[i + 1]
            i += 2
        elif argv[i] == "--folds":
            folds = int(argv[i + 1])
            i += 2
        else:
            paths.append(argv[i])
            i += 1
    if not paths:
        print(__doc__)
        return 2
    if features is None:
        features = SENTENCE_FEATURES if field == "sentence_candidates" else FEATURES
    sets = [load(p, features, field) for p in paths]
    w = fit(sets, len(features))
    print("weights:")
    for name, wi in zip(features, w):
        print(f"  {name:18} {wi:8.3f}")
    fitted = lambda c: sum(wi * xi for wi, xi in zip(w, c[0]))
    current = lambda c: c[2]
    for path, questions in zip(paths, sets):
        print(f"{path}: {len(questions)} questions; evidence@1 current {evidence_at(questions, current, 1):.3f} "
              f"fitted {evidence_at(questions, fitted, 1):.3f}; evidence@5 current {evidence_at(questions, current, 5):.3f} "
              f"fitted {evidence_at(questions, fitted, 5):.3f}")
    if folds:
        rng = random.Random(7)
        for index, (path, questions) in enumerate(zip(paths, sets)):
            order = list(range(len(questions)))
            rng.shuffle(order)
            hits = 0
            for f in range(folds):
                held = [questions[j] for j in order[f::folds]]
                train = [q for j, q in enumerate(questions) if j not in set(order[f::folds])]
                others = [s for k, s in enumerate(sets) if k != index]
                wf = fit([train] + others, len(features))
                hits += evidence_at(held, lambda c: sum(a * b for a, b in zip(wf, c[0])), 1) * len(held)
            print(f"{path}: cross-validated evidence@1 ({folds} folds) {hits / len(questions):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
