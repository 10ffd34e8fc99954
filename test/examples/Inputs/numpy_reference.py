"""Checks nnc-run results of an example model against NumPy.

    numpy_reference.py MODEL.mlir FUNC INPUTDIR RESULT.npy...

Loads FUNC's arguments from INPUTDIR/<argument name>.npy (as written by
random_inputs.py), recomputes FUNC in float64 NumPy, independently of nnc,
and compares each RESULT.npy with it. Prints one line per result and exits
with status 1 on a mismatch.
"""

import os
import sys

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

sys.path.insert(0, os.path.dirname(__file__))
import random_inputs  # noqa: E402

MASK64 = (1 << 64) - 1


# Ops, following NN_IR.md (and PyTorch where both define them).

def conv2d(x, w, stride=1, pad=0):
    x = np.pad(x, ((0, 0), (0, 0), (pad, pad), (pad, pad)))
    windows = sliding_window_view(x, w.shape[2:], axis=(2, 3))
    return np.einsum('nchwij,fcij->nfhw', windows[:, :, ::stride, ::stride], w)


def max_pool2d(x, kernel, stride):
    windows = sliding_window_view(x, (kernel, kernel), axis=(2, 3))
    return windows[:, :, ::stride, ::stride].max(axis=(4, 5))


def bias_add(x, b):
    return x + b.reshape((1, -1) + (1,) * (x.ndim - 2))


def relu(x):
    return np.maximum(x, 0)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def linear(x, w):
    return x @ w.T


def lrn(x, size=5, alpha=1e-4, beta=0.75, bias=1.0):
    squares = np.pad(x * x, ((0, 0), (size // 2, (size - 1) // 2), (0, 0), (0, 0)))
    window_sums = sliding_window_view(squares, size, axis=1).sum(-1)
    return x / (bias + alpha / size * window_sums) ** beta


def batch_norm(x, gamma, beta, mean, var, training, eps=1e-5):
    if training:
        mean, var = x.mean(axis=(0, 2, 3)), x.var(axis=(0, 2, 3))
    shape = (1, -1, 1, 1)
    normalized = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + eps)
    return normalized * gamma.reshape(shape) + beta.reshape(shape)


def splitmix64_mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31)


def dropout(x, seed, rate=0.5):
    """The contract's mask: keep element i when u(seed, i) * 2^-24 >= rate."""
    flat = x.reshape(-1).copy()
    for i in range(flat.size):
        u = splitmix64_mix((seed + (i + 1) * 0x9E3779B97F4A7C15) & MASK64) >> 40
        flat[i] = flat[i] / (1 - rate) if u * 2.0**-24 >= rate else 0.0
    return flat.reshape(x.shape)


def softmax_cross_entropy(logits, labels):
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return -log_probs[np.arange(len(labels)), labels].mean()


def binary_cross_entropy(p, t):
    return -(t * np.maximum(np.log(p), -100)
             + (1 - t) * np.maximum(np.log(1 - p), -100)).mean()


# The example models: each returns the list of @forward's results.

def xor(a, training):
    h = sigmoid(bias_add(linear(a['x'], a['w1']), a['b1']))
    return [sigmoid(bias_add(linear(h, a['w2']), a['b2']))]


def mlp(a, training):
    h = relu(bias_add(linear(a['x'], a['w1']), a['b1']))
    h = relu(bias_add(linear(h, a['w2']), a['b2']))
    return [bias_add(linear(h, a['w3']), a['b3'])]


def lenet(a, training):
    h = relu(bias_add(conv2d(a['x'], a['c1w'], pad=2), a['c1b']))
    h = max_pool2d(h, 2, 2)
    h = max_pool2d(relu(bias_add(conv2d(h, a['c2w']), a['c2b'])), 2, 2)
    h = h.reshape(-1, 400)
    h = relu(bias_add(linear(h, a['f1w']), a['f1b']))
    h = relu(bias_add(linear(h, a['f2w']), a['f2b']))
    return [bias_add(linear(h, a['f3w']), a['f3b'])]


def alexnet_small(a, training):
    h = relu(bias_add(conv2d(a['x'], a['c1w'], stride=2, pad=2), a['c1b']))
    h = max_pool2d(lrn(h, bias=2.0), 3, 2)
    h = relu(bias_add(conv2d(h, a['c2w'], pad=2), a['c2b']))
    h = max_pool2d(lrn(h, bias=2.0), 3, 2)
    for i in (3, 4, 5):
        h = relu(bias_add(conv2d(h, a['c%dw' % i], pad=1), a['c%db' % i]))
    h = max_pool2d(h, 3, 2).reshape(-1, 288)
    h = relu(bias_add(linear(h, a['f6w']), a['f6b']))
    if training:
        h = dropout(h, int(a['seed']))
    return [bias_add(linear(h, a['f7w']), a['f7b'])]


def resnet_block(a, training):
    def conv_bn(x, i):
        y = conv2d(x, a['w%d' % i], pad=1)
        return batch_norm(y, a['g%d' % i], a['b%d' % i], a['m%d' % i],
                          a['v%d' % i], training)
    s = relu(conv_bn(a['x'], 0))
    r = relu(conv_bn(relu(conv_bn(s, 1)), 2) + s)
    logits = bias_add(linear(r.mean(axis=(2, 3)), a['fcw']), a['fcb'])
    aux = bias_add(linear(s.mean(axis=(2, 3)), a['auxw']), a['auxb'])
    return [logits, aux]


def loss(model, a, heads):
    if model == 'xor':
        return binary_cross_entropy(heads[0], a['t'])
    if model == 'resnet_block':
        return (softmax_cross_entropy(heads[0], a['labels'])
                + 0.3 * softmax_cross_entropy(heads[1], a['labels']))
    return softmax_cross_entropy(heads[0], a['labels'])


MODELS = {'xor': xor, 'mlp': mlp, 'lenet': lenet,
          'alexnet_small': alexnet_small, 'resnet_block': resnet_block}


def reference(model, func, a):
    heads = MODELS[model](a, training=func != 'forward')
    return [loss(model, a, heads)] if func == 'loss' else heads


def main():
    model_path, func, input_dir, *result_paths = sys.argv[1:]
    model = os.path.splitext(os.path.basename(model_path))[0]
    with open(model_path) as f:
        source = f.read()
    names = [arg[0] for arg in random_inputs.ARG.findall(
        random_inputs.signature(source, func))]
    args = {}
    for name in names:
        value = np.load(os.path.join(input_dir, name + '.npy'))
        args[name] = value.astype(np.float64) if value.dtype.kind == 'f' else value
    expected = reference(model, func, args)
    if len(expected) != len(result_paths):
        sys.exit('@%s has %d results, %d files given'
                 % (func, len(expected), len(result_paths)))
    ok = True
    for i, (path, want) in enumerate(zip(result_paths, expected)):
        got = np.load(path)
        want = np.asarray(want)
        if got.shape != want.shape or not np.all(np.isfinite(got)):
            print('@%s result %d: %s %s, expected shape %s'
                  % (func, i, got.dtype, got.shape, want.shape))
            ok = False
        elif not np.allclose(got, want, rtol=1e-4, atol=1e-5):
            print('@%s result %d: %s %s differs from numpy by %.3g'
                  % (func, i, got.dtype, got.shape, np.abs(got - want).max()))
            ok = False
        else:
            print('@%s result %d: %s %s matches numpy'
                  % (func, i, got.dtype, got.shape))
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
