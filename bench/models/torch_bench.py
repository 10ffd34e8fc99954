#!/usr/bin/python3
"""Times the forward pass or a training step of examples/mlp.mlir and examples/lenet.mlir in PyTorch.

The same architectures as the .mlir files, in eval mode, timed the way
nnc_bench times a compiled model (warm-up, then calls one by one until both
--iters calls and --min-time seconds are done), printing the same JSON line:

  /usr/bin/python3 torch_bench.py {mlp,lenet} [--batch N] [--threads T]
                   [--mode {no_grad,inference_mode,train}] [--optimizer SPEC]
                   [--warmup W] [--iters I] [--min-time SEC] [--check DIR]

--mode train times one training step, as nnc's @loss_train_step does it:
zero_grad, forward, mean softmax cross-entropy, backward, optimizer step
(SPEC as nnc's --optimizer: sgd, momentum, adagrad, rmsprop, adam, adamw with
:key=value options).

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
    p.add_argument("--mode", choices=["no_grad", "inference_mode", "train"],
                   default="no_grad")
    p.add_argument("--optimizer", default="sgd:lr=0.01")
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


def make_optimizer(spec, params, torch):
    """torch.optim for an nnc optimizer SPEC (NAME[:key=value,...])."""
    name, _, options = spec.partition(":")
    kw = dict(o.split("=") for o in options.split(",") if o)
    kw = {k: (v.lower() == "true" if k == "nesterov" else float(v))
          for k, v in kw.items()}
    if "beta1" in kw or "beta2" in kw:
        kw["betas"] = (kw.pop("beta1", 0.9), kw.pop("beta2", 0.999))
    if name in ("sgd", "momentum"):
        kw.setdefault("lr", 0.01)
        if name == "momentum":
            kw.setdefault("momentum", 0.9)
        return torch.optim.SGD(params, **kw)
    classes = {"adagrad": torch.optim.Adagrad, "rmsprop": torch.optim.RMSprop,
               "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}
    return classes[name](params, **kw)


def time_loop(step, args):
    """Per-call times in ms, after a warm-up; the same loop as nnc_bench."""
    times = []
    for _ in range(args.warmup):
        step()
    begin = time.perf_counter()
    while len(times) < args.iters or time.perf_counter() - begin < args.min_time:
        start = time.perf_counter()
        step()
        times.append((time.perf_counter() - start) * 1e3)
    return times


def time_calls(model, x, args, torch):
    if args.mode == "train":
        model.train()
        labels = torch.zeros(x.shape[0], dtype=torch.int64)  # as nnc_bench
        optimizer = make_optimizer(args.optimizer, model.parameters(), torch)
        loss_fn = torch.nn.CrossEntropyLoss()

        def step():
            optimizer.zero_grad()
            loss_fn(model(x), labels).backward()
            optimizer.step()

        return time_loop(step, args)
    context = torch.no_grad if args.mode == "no_grad" else torch.inference_mode
    with context():
        return time_loop(lambda: model(x), args)


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
        "impl": "torch", "model": args.model,
        "entry": "loss_train_step" if args.mode == "train" else "forward",
        "batch": args.batch, "threads": str(torch.get_num_threads()),
        "mode": args.mode, "torch": torch.__version__, "iters": len(times),
        "median_ms": round(statistics.median(times), 4),
        "min_ms": round(min(times), 4), "max_ms": round(max(times), 4)}))


if __name__ == "__main__":
    main()
