"""Compares @loss_grad of examples/mlp.mlir, evaluated by
`nnc-run --grad=loss --target=TARGET` (default interp), with torch.autograd
on the same inputs. Prints one line per result and "ok" when every result
agrees within 1e-4 relative to its largest element.

usage: mlp_grad_vs_torch.py NNC_RUN MODEL WORKDIR [TARGET]
"""
import os
import subprocess
import sys

import numpy as np

try:
    import torch
except ImportError:
    print("ok (torch is not installed: nothing to compare)")
    sys.exit(0)

BATCH = 4
SHAPES = [("w1", (512, 784)), ("b1", (512,)), ("w2", (256, 512)),
          ("b2", (256,)), ("w3", (10, 256)), ("b3", (10,))]


def make_inputs(rng):
    x = rng.uniform(0.0, 1.0, (BATCH, 784)).astype(np.float32)
    labels = rng.integers(0, 10, BATCH).astype(np.int64)
    params = []
    for name, shape in SHAPES:
        # Biases get a fan-in too, so no gradient is trivially zero.
        fan_in = shape[-1] if len(shape) == 2 else 64
        bound = 1.0 / np.sqrt(fan_in)
        params.append((name, rng.uniform(-bound, bound, shape).astype(np.float32)))
    return x, labels, params


def run_nnc(nnc_run, model, workdir, target, x, labels, params):
    inputs = [("x", x), ("labels", labels)] + params
    args = [nnc_run, model, "--grad=loss", "--target=" + target]
    for name, array in inputs:
        path = os.path.join(workdir, name + ".npy")
        np.save(path, array)
        args.append("--input=" + path)
    outputs = ["loss"] + ["d" + name for name, _ in params]
    for name in outputs:
        args.append("--output=" + os.path.join(workdir, name + ".npy"))
    subprocess.run(args, check=True)
    return [(name, np.load(os.path.join(workdir, name + ".npy")))
            for name in outputs]


def run_torch(x, labels, params):
    tensors = [torch.tensor(p, requires_grad=True) for _, p in params]
    w1, b1, w2, b2, w3, b3 = tensors
    h = torch.relu(torch.from_numpy(x) @ w1.T + b1)
    h = torch.relu(h @ w2.T + b2)
    logits = h @ w3.T + b3
    loss = torch.nn.functional.cross_entropy(logits, torch.from_numpy(labels))
    loss.backward()
    return [loss.detach().numpy()] + [t.grad.numpy() for t in tensors]


def main():
    nnc_run, model, workdir = sys.argv[1:4]
    target = sys.argv[4] if len(sys.argv) > 4 else "interp"
    x, labels, params = make_inputs(np.random.default_rng(0))
    ours = run_nnc(nnc_run, model, workdir, target, x, labels, params)
    reference = run_torch(x, labels, params)
    ok = True
    for (name, got), want in zip(ours, reference):
        scale = max(float(np.abs(want).max()), 1e-30)
        error = float(np.abs(got - want).max()) / scale
        good = got.shape == want.shape and error <= 1e-4
        ok &= good
        print(f"{name} {list(got.shape)}: max error / max |torch| = "
              f"{error:.2e}{'' if good else '  MISMATCH'}")
    print("ok" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
