#!/usr/bin/python3
"""Times the forward pass of examples/mlp.mlir and examples/lenet.mlir in PyTorch.

The same architectures as the .mlir files, in eval mode, timed the way
nnc_bench times a compiled model (warm-up, then calls one by one until both
--iters calls and --min-time seconds are done), printing the same JSON line:

  /usr/bin/python3 torch_bench.py {mlp,lenet} [--batch N] [--threads T]
                   [--mode {no_grad,inference_mode}] [--warmup W]
                   [--iters I] [--min-time SEC] [--check DIR]

--check DIR loads the input and parameters nnc_bench --dump wrote to DIR
(argI.npy, in the order of the .mlir arguments, which is also the order of
model.parameters()) and compares torch's forward pass with nnc's
result0.npy instead of timing.

Run it with Debian's /usr/bin/python3 (python3-torch). Torch's linear layers
use OpenBLAS, which torch.set_num_threads does not limit: OMP_NUM_THREADS and
OPENBLAS_NUM_THREADS must be set before torch loads, so this script re-executes
itself with them when they do not match --threads. For 2 threads, run with
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp so that OpenBLAS and
torch share one OpenMP pool instead of fighting over the cores.
"""

import argparse
import json
import os
import statistics
import sys
import time


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("model", choices=["mlp", "lenet"])
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--mode", choices=["no_grad", "inference_mode"], default="no_grad")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--iters", type=int, default=200)
    p.add_argument("--min-time", type=float, default=1.0)
    p.add_argument("--check", metavar="DIR")
    return p.parse_args()


def pin_threads(threads):
    """Re-executes with the thread variables set, since BLAS reads them at load."""
    want = str(threads)
    names = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS")
    if all(os.environ.get(n) == want for n in names):
        return
    env = dict(os.environ, **{n: want for n in names})
    os.execve(sys.executable, [sys.executable] + sys.argv, env)


def build_model(name):
    from torch import nn

    if name == "mlp":  # examples/mlp.mlir: 784-512-256-10, relu
        return nn.Sequential(
            nn.Linear(784, 512), nn.ReLU(),
            nn.Linear(512, 256), nn.ReLU(),
            nn.Linear(256, 10))
    # examples/lenet.mlir: conv 5x5x6 pad 2, relu, pool 2; conv 5x5x16, relu,
    # pool 2; flatten; 400-120-84-10 with relu between.
    return nn.Sequential(
        nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(400, 120), nn.ReLU(),
        nn.Linear(120, 84), nn.ReLU(),
        nn.Linear(84, 10))


def time_calls(model, x, args, torch):
    """Per-call times in ms, after a warm-up; the same loop as nnc_bench."""
    context = torch.no_grad if args.mode == "no_grad" else torch.inference_mode
    times = []
    with context():
        for _ in range(args.warmup):
            model(x)
        begin = time.perf_counter()
        while len(times) < args.iters or time.perf_counter() - begin < args.min_time:
            start = time.perf_counter()
            model(x)
            times.append((time.perf_counter() - start) * 1e3)
    return times


def check(model, directory, torch):
    """Exits non-zero unless torch, on nnc's inputs and weights, matches nnc."""
    import numpy as np

    def load(name):
        return torch.from_numpy(np.load(f"{directory}/{name}.npy"))

    with torch.no_grad():
        for i, param in enumerate(model.parameters(), start=1):
            param.copy_(load(f"arg{i}"))
        want, got = model(load("arg0")), load("result0")
    err = (want - got).abs().max().item()
    scale = want.abs().max().item()
    ok = err <= 1e-4 * max(scale, 1.0)
    print(json.dumps({"check": directory, "max_abs_err": err,
                      "max_abs_torch": scale, "ok": ok}))
    sys.exit(0 if ok else 1)


def main():
    args = parse_args()
    pin_threads(args.threads)
    import torch

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    model = build_model(args.model).eval()
    if args.check:
        check(model, args.check, torch)
    shape = (args.batch, 784) if args.model == "mlp" else (args.batch, 1, 28, 28)
    x = torch.rand(shape)  # like nnc_bench: uniform [0, 1) pixels
    times = time_calls(model, x, args, torch)
    print(json.dumps({
        "impl": "torch", "model": args.model, "entry": "forward",
        "batch": args.batch, "threads": str(torch.get_num_threads()),
        "mode": args.mode, "torch": torch.__version__, "iters": len(times),
        "median_ms": round(statistics.median(times), 4),
        "min_ms": round(min(times), 4), "max_ms": round(max(times), 4)}))


if __name__ == "__main__":
    main()
