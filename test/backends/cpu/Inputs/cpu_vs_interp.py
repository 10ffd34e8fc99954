"""Runs small models through nnc's CPU JIT and its reference interpreter and
checks that the results agree (numpy.allclose, rtol 1e-4, atol 1e-5).

    cpu_vs_interp.py NNC_RUN OUTDIR gemm|conv|conv_grad
    cpu_vs_interp.py NNC_RUN OUTDIR example MODEL.mlir ENTRY BATCH RANDOM_INPUTS_PY

Prints one "ok NAME" or "FAIL NAME ..." line per case.
"""

import os
import re
import subprocess
import sys

import numpy as np


def tensor(*dims):
    return "tensor<" + "x".join(str(d) for d in dims) + "xf32>"


def run(nnc_run, model, entry, inputs, target, outdir):
    out = os.path.join(outdir, "%s.%s.npy" % (os.path.basename(model), target))
    cmd = [nnc_run, model, "--entry=" + entry, "--target=" + target]
    cmd += ["--input=" + p for p in inputs] + ["--output=" + out]
    subprocess.run(cmd, check=True)
    return np.load(out)


def compare(name, nnc_run, model, entry, inputs, outdir):
    cpu = run(nnc_run, model, entry, inputs, "cpu", outdir)
    ref = run(nnc_run, model, entry, inputs, "interp", outdir)
    if cpu.shape == ref.shape and np.allclose(cpu, ref, rtol=1e-4, atol=1e-5):
        print("ok", name)
    else:
        print("FAIL", name, cpu.shape, ref.shape, np.max(np.abs(cpu - ref)))


def check(name, source, shapes, nnc_run, outdir, seed=[0]):
    """One single-function model on random arguments; weights (every
    argument but the first) are scaled by 1/sqrt(fan-in) to stay O(1)."""
    rng = np.random.default_rng(seed[0])
    seed[0] += 1
    model = os.path.join(outdir, name + ".mlir")
    with open(model, "w") as f:
        f.write(source)
    inputs = []
    for i, shape in enumerate(shapes):
        scale = 1.0 if i == 0 else 1.0 / np.sqrt(max(shape))
        path = os.path.join(outdir, "%s.%d.npy" % (name, i))
        np.save(path, (scale * rng.standard_normal(shape)).astype(np.float32))
        inputs.append(path)
    compare(name, nnc_run, model, "f", inputs, outdir)


def matmul_case(m, n, k, ta, tb, batch=None):
    lead = (batch,) if batch else ()
    a = lead + ((k, m) if ta else (m, k))
    b = lead + ((n, k) if tb else (k, n))
    attrs = [s for s, on in (("transpose_a = true", ta),
                             ("transpose_b = true", tb)) if on]
    attr = " {" + ", ".join(attrs) + "}" if attrs else ""
    c = tensor(*(lead + (m, n)))
    source = ("func.func @f(%%a: %s, %%b: %s) -> %s {\n"
              "  %%c = nn.matmul %%a, %%b%s : %s, %s\n"
              "  return %%c : %s\n}\n" % (tensor(*a), tensor(*b), c, attr,
                                          tensor(*a), tensor(*b), c))
    return source, [a, b]


def gemm_cases():
    for m, n, k, ta, tb in [(1, 10, 5, False, False), (7, 33, 5, False, True),
                            (13, 10, 784, True, False), (9, 70, 300, True, True),
                            (128, 33, 784, False, False)]:
        yield ("matmul_%dx%dx%d_%d%d" % (m, n, k, ta, tb),) + \
            matmul_case(m, n, k, ta, tb)
    yield ("batch_matmul_3x9x70x300_01",) + matmul_case(9, 70, 300, False,
                                                         True, batch=3)
    # A linear layer with its epilogue on a dynamic batch, at several sizes.
    source = """func.func @f(%x: tensor<?x784xf32>, %w: tensor<33x784xf32>, %b: tensor<33xf32>) -> tensor<?x33xf32> {
  %y = nn.linear %x, %w : tensor<?x784xf32>, tensor<33x784xf32>
  %z = nn.bias_add %y, %b : tensor<?x33xf32>, tensor<33xf32>
  %r = nn.relu %z : tensor<?x33xf32>
  return %r : tensor<?x33xf32>
}
"""
    for batch in [1, 13, 128]:
        yield ("linear_bias_relu_batch%d" % batch, source,
               [(batch, 784), (33, 784), (33,)])


def conv_case(n, c, h, w, f, kh, kw, pad, stride=1, groups=1):
    oh = (h + 2 * pad - kh) // stride + 1
    ow = (w + 2 * pad - kw) // stride + 1
    x, wt, y = (tensor("?", c, h, w), tensor(f, c // groups, kh, kw),
                tensor("?", f, oh, ow))
    source = ("func.func @f(%%x: %s, %%w: %s) -> %s {\n"
              "  %%y = nn.conv2d %%x, %%w {padding = array<i64: %d, %d, %d, %d>,"
              " strides = array<i64: %d, %d>, groups = %d : i64} : %s, %s\n"
              "  return %%y : %s\n}\n" % (x, wt, y, pad, pad, pad, pad, stride,
                                          stride, groups, x, wt, y))
    return source, [(n, c, h, w), (f, c // groups, kh, kw)]


def conv_cases():
    yield ("conv_lenet1",) + conv_case(2, 1, 28, 28, 6, 5, 5, 2)
    yield ("conv_lenet2",) + conv_case(3, 6, 14, 14, 16, 5, 5, 0)
    yield ("conv_stride2",) + conv_case(1, 3, 21, 21, 16, 5, 5, 2, stride=2)
    yield ("conv_3x3_7x7",) + conv_case(2, 32, 7, 7, 48, 3, 3, 1)
    yield ("conv_grouped",) + conv_case(1, 8, 9, 20, 12, 3, 3, 1, groups=4)


def grad_filter_case(n, c, h, w, f, kh, kw, pads, stride, dilation, groups):
    """conv2d_grad_filter of x [?, c, h, w] and dy [?, f, oh, ow] (dynamic
    batch); pads = (top, left, bottom, right)."""
    oh = (h + pads[0] + pads[2] - dilation[0] * (kh - 1) - 1) // stride[0] + 1
    ow = (w + pads[1] + pads[3] - dilation[1] * (kw - 1) - 1) // stride[1] + 1
    x, dy, dw = (tensor("?", c, h, w), tensor("?", f, oh, ow),
                 tensor(f, c // groups, kh, kw))
    source = ("func.func @f(%%x: %s, %%dy: %s) -> %s {\n"
              "  %%dw = nn.conv2d_grad_filter %%x, %%dy {kernel = array<i64: %d,"
              " %d>, padding = array<i64: %d, %d, %d, %d>, strides = array<i64:"
              " %d, %d>, dilations = array<i64: %d, %d>, groups = %d : i64} :"
              " %s, %s\n  return %%dw : %s\n}\n"
              % (x, dy, dw, kh, kw, *pads, *stride, *dilation, groups, x, dy,
                 dw))
    return source, [(n, c, h, w), (n, f, oh, ow)]


def conv_grad_cases():
    yield ("grad_filter_lenet1",) + grad_filter_case(
        3, 1, 28, 28, 6, 5, 5, (2, 2, 2, 2), (1, 1), (1, 1), 1)
    yield ("grad_filter_lenet2",) + grad_filter_case(
        5, 6, 14, 14, 16, 5, 5, (0, 0, 0, 0), (1, 1), (1, 1), 1)
    yield ("grad_filter_strided_dilated",) + grad_filter_case(
        2, 3, 13, 11, 7, 3, 2, (1, 0, 2, 1), (2, 3), (2, 1), 1)
    yield ("grad_filter_grouped",) + grad_filter_case(
        2, 8, 9, 10, 12, 3, 3, (1, 1, 1, 1), (1, 2), (1, 1), 4)
    yield ("grad_filter_depthwise",) + grad_filter_case(
        1, 6, 7, 7, 6, 3, 3, (1, 1, 1, 1), (1, 1), (1, 1), 6)


def example(nnc_run, outdir, model, entry, batch, random_inputs):
    subprocess.run([sys.executable, random_inputs, model, entry, outdir,
                    "--batch=" + batch], check=True)
    source = open(model).read()
    signature = source[source.index("func.func @%s(" % entry):].split("->")[0]
    names = re.findall(r"%(\w+)\s*:\s*tensor<", signature)
    inputs = [os.path.join(outdir, n + ".npy") for n in names]
    compare("%s_%s_batch%s" % (os.path.basename(model), entry, batch), nnc_run,
            model, entry, inputs, outdir)


def main():
    nnc_run, outdir, what = sys.argv[1:4]
    os.makedirs(outdir, exist_ok=True)
    if what == "example":
        return example(nnc_run, outdir, *sys.argv[4:8])
    for name, source, shapes in {"gemm": gemm_cases, "conv": conv_cases,
                                 "conv_grad": conv_grad_cases}[what]():
        check(name, source, shapes, nnc_run, outdir)


if __name__ == "__main__":
    main()
