#!/usr/bin/env python3
"""Fits the answerability gate (src/QaBot.Retrieval/Answerability/AnswerabilityModel.cs) on eval results.

Usage: fit.py [--drop FEATURE,FEATURE] RESULTS.json [RESULTS.json ...]
Each file is the output of `qabot eval --set SET --json RESULTS.json` on one development collection. A question
is labelled answerable unless its kind is "unanswerable". Logistic regression with L2 regularisation, fitted by
gradient descent (no third-party packages); every collection weighs the same in the fit, however many questions
it has, so one set cannot dictate the gate. Prints the coefficients to paste into AnswerabilityModel.Default and,
for a range of thresholds, the refusal rate (unanswerable refused) and false-refusal rate (answerable refused)
per collection, marking the threshold that maximises their mean balanced accuracy.
"""
import json
import math
import sys

FEATURES = ["best_coverage", "joint_coverage", "rare_missing", "type_missing", "agreement", "margin", "concepts"]
L2 = 0.002
STEPS = 30000
RATE = 2.0


def load(path):
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    rows = []
    for q in report["questions"]:
        features = q.get("gate_features") or {}
        x = [float(features.get(name, 0.0)) for name in FEATURES]
        rows.append((x, 0 if q["kind"] == "unanswerable" else 1, q["id"]))
    return rows


def sigmoid(z):
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def fit(sets):
    samples = []
    for rows in sets:
        positives = sum(y for _, y, _ in rows)
        negatives = len(rows) - positives
        for x, y, _ in rows:
            # Each collection weighs 1, and within it answerable and unanswerable questions weigh half each.
            weight = 0.5 / (positives if y else negatives) / len(sets)
            samples.append((x, y, weight))
    w = [0.0] * len(FEATURES)
    b = 0.0
    for _ in range(STEPS):
        gw = [L2 * wi for wi in w]
        gb = 0.0
        for x, y, weight in samples:
            error = sigmoid(b + sum(wi * xi for wi, xi in zip(w, x))) - y
            gb += weight * error
            for i, xi in enumerate(x):
                gw[i] += weight * error * xi
        b -= RATE * gb
        w = [wi - RATE * gi for wi, gi in zip(w, gw)]
    return b, w


def rates(rows, b, w, threshold):
    refused_unanswerable = answerable_refused = unanswerable = answerable = 0
    for x, y, _ in rows:
        refused = sigmoid(b + sum(wi * xi for wi, xi in zip(w, x))) < threshold
        if y:
            answerable += 1
            answerable_refused += refused
        else:
            unanswerable += 1
            refused_unanswerable += refused
    return refused_unanswerable / max(unanswerable, 1), answerable_refused / max(answerable, 1)


def main(paths):
    global FEATURES
    if paths and paths[0] == "--drop":
        dropped = set(paths[1].split(","))
        FEATURES = [f for f in FEATURES if f not in dropped]
        paths = paths[2:]
    sets = [load(p) for p in paths]
    b, w = fit(sets)
    print("bias", round(b, 3))
    for name, wi in zip(FEATURES, w):
        print(f"[GateFeature.{name}] {round(wi, 3)}")
    best = None
    for step in range(5, 96, 5):
        threshold = step / 100
        per_set = [rates(rows, b, w, threshold) for rows in sets]
        score = sum((refusal + 1 - false_refusal) / 2 for refusal, false_refusal in per_set) / len(per_set)
        line = f"threshold {threshold:.2f}: " + "; ".join(
            f"{p}: refusal {r:.2f} false refusal {f:.2f}" for p, (r, f) in zip(paths, per_set))
        print(line)
        if best is None or score > best[0] + 1e-9:
            best = (score, threshold)
    print(f"best threshold {best[1]:.2f} (mean balanced accuracy {best[0]:.3f})")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
