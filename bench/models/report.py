#!/usr/bin/python3
"""Prints the markdown tables of bench/run_models.sh from its raw.jsonl.

Each benchmark line is one process (one round of one configuration). A
configuration's figure is the median over rounds of the per-run medians; the
range is the fastest and slowest single call over all rounds; the peak RSS is
the largest over rounds. The ratio torch/nnc (>1: nnc faster) compares
medians measured in the same rounds.
"""

import json
import statistics
import sys
from collections import defaultdict

TAGS = ("nnc", "torch-no_grad", "torch-inference_mode")


def load(path):
    runs, compiles, checks = defaultdict(list), [], []
    with open(path) as f:
        for line in f:
            rec = json.loads(line)
            if "compile" in rec:
                compiles.append(rec)
            elif "check" in rec:
                checks.append(rec)
            else:
                runs[(rec["model"], rec["threads"], rec["tag"])].append(rec)
    return runs, compiles, checks


def summarize(recs):
    """(median of medians, min, max, peak RSS in MB, rounds) of one config."""
    return (statistics.median(r["median_ms"] for r in recs),
            min(r["min_ms"] for r in recs), max(r["max_ms"] for r in recs),
            max(r["rss_kb"] for r in recs) / 1024, len(recs))


def cell(s):
    return f"{s[0]:.3f} ({s[1]:.3f}–{s[2]:.2f})"


def print_runs(runs):
    print("| model | batch | threads | nnc ms, median (min–max) "
          "| torch no_grad ms | torch inference_mode ms "
          "| torch/nnc (no_grad) | torch/nnc (best torch) "
          "| peak RSS nnc / torch MB | rounds |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    configs = sorted({k[:2] for k in runs}, key=lambda k: (k[1], k[0] != "mlp"))
    for model, threads in configs:
        s = {t: summarize(runs[(model, threads, t)]) for t in TAGS
             if (model, threads, t) in runs}
        if len(s) < len(TAGS):
            continue
        nnc, grad, inf = (s[t] for t in TAGS)
        batch = runs[(model, threads, "nnc")][0]["batch"]
        best = min(grad[0], inf[0])
        print(f"| {model} | {batch} | {threads} | {cell(nnc)} | {cell(grad)} "
              f"| {cell(inf)} | {grad[0] / nnc[0]:.2f} | {best / nnc[0]:.2f} "
              f"| {nnc[3]:.0f} / {max(grad[3], inf[3]):.0f} | {nnc[4]} |")


def print_training(runs, optimizer):
    print("| model | batch | threads | nnc ms, median (min–max) "
          "| torch ms, median (min–max) | torch/nnc "
          "| peak RSS nnc / torch MB | rounds |")
    print("|---|---|---|---|---|---|---|---|")
    configs = sorted({k[:2] for k in runs}, key=lambda k: (k[1], k[0] != "mlp"))
    for model, threads in configs:
        if (model, threads, "nnc-train") not in runs or \
           (model, threads, "torch-train") not in runs:
            continue
        nnc = summarize(runs[(model, threads, "nnc-train")])
        torch = summarize(runs[(model, threads, "torch-train")])
        batch = runs[(model, threads, "nnc-train")][0]["batch"]
        print(f"| {model} | {batch} | {threads} | {cell(nnc)} | {cell(torch)} "
              f"| {torch[0] / nnc[0]:.2f} | {nnc[3]:.0f} / {torch[3]:.0f} "
              f"| {nnc[4]} |")


def seconds(wall):
    """GNU time's "[h:]m:ss.ss" as seconds."""
    total = 0.0
    for part in wall.split(":"):
        total = total * 60 + float(part)
    return total


def print_compiles(compiles):
    print("| model | nnc compile wall time s | compiler peak RSS MB "
          "| exit status |")
    print("|---|---|---|---|")
    for c in compiles:
        status = {0: "ok", 124: "timed out"}.get(c["rc"], f"failed ({c['rc']})")
        print(f"| {c['compile']} | {seconds(c['wall']):.2f} | {c['rss_kb'] / 1024:.0f} "
              f"| {status} |")


def print_checks(checks):
    for c in checks:
        verdict = "agree" if c["ok"] else "DISAGREE"
        print(f"- {c['model']}: nnc and torch {verdict} on the same input and "
              f"weights (max |diff| {c['max_abs_err']:.1e}, "
              f"max |logit| {c['max_abs_torch']:.2f})")


def main():
    runs, compiles, checks = load(sys.argv[1])
    print("\n### Correctness check (2 threads)\n")
    print_checks(checks)
    print("\n### Forward pass, time per batch (ms)\n")
    print_runs(runs)
    print("\nPeak RSS is the whole process: torch's includes the Python "
          "interpreter and libtorch.")
    if any(k[2] == "nnc-train" for k in runs):
        optimizer = sys.argv[2] if len(sys.argv) > 2 else "?"
        print(f"\n### Training step ({optimizer}), time per batch (ms)\n")
        print_training(runs, optimizer)
    print("\n### Compile time (nnc model.mlir -o model.so)\n")
    print_compiles(compiles)


if __name__ == "__main__":
    main()
