"""Writes random .npy arguments for one function of an example model.

    random_inputs.py MODEL.mlir FUNC OUTDIR [--batch=N] [--classes=K] [--seed=S]

Reads FUNC's signature from the model's custom-form source and writes one
OUTDIR/<argument name>.npy per argument (e.g. %c1w -> c1w.npy), with the
dynamic batch dimension set to N. Values are chosen so that a forward pass
stays in a sensible range:
  - nn.param weights (rank >= 2): normal with He scaling sqrt(2 / fan_in);
  - nn.param vectors: 1 + 0.1 normal when initialized "ones" (batch-norm
    scales), 0.1 normal otherwise (biases, shifts);
  - nn.state vectors: uniform in [0.5, 1.5) when initialized "ones"
    (running variances), 0.1 normal otherwise (running means);
  - other f32 arguments (inputs, targets): uniform in [0, 1);
  - integer vectors (labels): uniform in [0, K); integer scalars (seeds): S.
"""

import argparse
import os
import re

import numpy as np

ARG = re.compile(r'%(\w+)\s*:\s*tensor<([^>]*)>\s*(\{[^}]*\})?')


def signature(source, func):
    """Returns the text between the parentheses of `func.func @func(...)`."""
    start = source.index('func.func @%s(' % func) + len('func.func @%s(' % func)
    depth = 1
    for end in range(start, len(source)):
        depth += {'(': 1, ')': -1}.get(source[end], 0)
        if depth == 0:
            return source[start:end]
    raise ValueError('unbalanced signature of @' + func)


def parse_type(text, batch):
    *dims, elem = text.split('x')
    shape = tuple(batch if d == '?' else int(d) for d in dims)
    return shape, elem


def make_value(rng, shape, elem, attrs, args):
    init = re.search(r'nn\.init\s*=\s*"(\w+)"', attrs or '')
    init = init.group(1) if init else None
    if elem in ('i64', 'i32'):
        dtype = np.int64 if elem == 'i64' else np.int32
        if not shape:
            return np.array(args.seed, dtype=dtype)
        return rng.integers(0, args.classes, size=shape).astype(dtype)
    if 'nn.state' in (attrs or ''):
        if init == 'ones':
            return rng.uniform(0.5, 1.5, size=shape).astype(np.float32)
        return (0.1 * rng.standard_normal(shape)).astype(np.float32)
    if 'nn.param' in (attrs or ''):
        if len(shape) >= 2:
            fan_in = int(np.prod(shape[1:]))
            scale = np.sqrt(2.0 / fan_in)
            return (scale * rng.standard_normal(shape)).astype(np.float32)
        base = 1.0 if init == 'ones' else 0.0
        return (base + 0.1 * rng.standard_normal(shape)).astype(np.float32)
    return rng.uniform(0.0, 1.0, size=shape).astype(np.float32)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('model')
    parser.add_argument('func')
    parser.add_argument('outdir')
    parser.add_argument('--batch', type=int, default=2)
    parser.add_argument('--classes', type=int, default=10)
    parser.add_argument('--seed', type=int, default=0)
    args = parser.parse_args()

    with open(args.model) as f:
        source = f.read()
    os.makedirs(args.outdir, exist_ok=True)
    rng = np.random.default_rng(args.seed)
    for name, type_text, attrs in ARG.findall(signature(source, args.func)):
        shape, elem = parse_type(type_text, args.batch)
        value = make_value(rng, shape, elem, attrs, args)
        np.save(os.path.join(args.outdir, name + '.npy'), value)


if __name__ == '__main__':
    main()
