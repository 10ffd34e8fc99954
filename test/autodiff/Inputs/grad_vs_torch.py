"""Compares @loss_grad of an example model, built by nn-autodiff and run by
nnc, with torch.autograd on the same inputs and weights.

TARGET is where nnc runs the gradient: `interp` (the reference interpreter),
`cpu` (compiled in process, JIT) or `aot` (`nnc --grad=loss -o model.so`,
then the runtime through `nnc-run model.so`). Torch computes in double
precision from the same float32 values. Prints one line per result (the
loss, then d loss / d param for each param in order) and "ok" when every
result agrees within 1e-4 relative to its largest element.

With a last argument `step`, it runs one training step instead
(`--train=loss --optimizer=sgd:lr=0.1,momentum=0.9,weight_decay=0.01`,
@loss_train_step with zeroed momentum buffers) and compares the loss and the
update of every param (new - old, as `--updated-dir` writes it) with
torch.optim.SGD's, 1e-4 relative to the largest update.

usage: grad_vs_torch.py MODEL_NAME NNC NNC_RUN MODEL.mlir WORKDIR [TARGET [step]]
"""
import os
import subprocess
import sys

import numpy as np

try:
    import torch
    import torch.nn.functional as F
except ImportError:
    print("ok (torch is not installed: nothing to compare)")
    sys.exit(0)

BATCH = 4
CLASSES = 10
TOLERANCE = 1e-4


def uniform_params(rng, shapes):
    """(name, array) per (name, shape, kind) of `shapes`: weights uniform in
    ±1/sqrt(fan-in) and biases with the fan-in of the weight before them
    (so that no gradient is trivially zero); batch-norm scales around 1 and
    shifts around 0."""
    params = []
    fan_in = 1
    for name, shape, kind in shapes:
        if kind == "scale":
            value = rng.uniform(0.5, 1.5, shape)
        elif kind == "shift":
            value = rng.uniform(-0.5, 0.5, shape)
        else:
            if kind == "weight":
                fan_in = int(np.prod(shape[1:]))
            bound = 1.0 / np.sqrt(fan_in)
            value = rng.uniform(-bound, bound, shape)
        params.append((name, value.astype(np.float32)))
    return params


#===----------------------------------------------------------------------===#
# Dropout: nnc's mask, a pure function of (seed, element index)
#===----------------------------------------------------------------------===#

def dropout_keep(seed, shape, rate):
    """The keep mask of nn.dropout (compiler/interpreter/kernels/Dropout.h):
    splitmix64 of seed + (index + 1) * golden, top 24 bits, kept when
    u * 2^-24 >= rate."""
    with np.errstate(over="ignore"):
        index = np.arange(int(np.prod(shape)), dtype=np.uint64)
        z = np.uint64(seed) + (index + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    bits = (z >> np.uint64(40)).astype(np.float64)
    rate32 = float(np.float32(rate))
    return (bits * 2.0 ** -24 >= rate32).reshape(shape)


def dropout(x, seed, rate):
    keep = torch.from_numpy(dropout_keep(seed, tuple(x.shape), rate))
    return torch.where(keep, x / (1.0 - float(np.float32(rate))),
                       torch.zeros_like(x))


#===----------------------------------------------------------------------===#
# The models, as examples/*.mlir write them
#===----------------------------------------------------------------------===#

class Mlp:
    shapes = [("w1", (512, 784), "weight"), ("b1", (512,), "bias"),
              ("w2", (256, 512), "weight"), ("b2", (256,), "bias"),
              ("w3", (10, 256), "weight"), ("b3", (10,), "bias")]

    def inputs(self, rng):
        x = rng.uniform(0.0, 1.0, (BATCH, 784)).astype(np.float32)
        return [("x", x), ("labels", labels(rng))]

    def loss(self, inputs, p):
        x, y = inputs
        h = torch.relu(x @ p["w1"].T + p["b1"])
        h = torch.relu(h @ p["w2"].T + p["b2"])
        return F.cross_entropy(h @ p["w3"].T + p["b3"], y)


class LeNet:
    shapes = [("c1w", (6, 1, 5, 5), "weight"), ("c1b", (6,), "bias"),
              ("c2w", (16, 6, 5, 5), "weight"), ("c2b", (16,), "bias"),
              ("f1w", (120, 400), "weight"), ("f1b", (120,), "bias"),
              ("f2w", (84, 120), "weight"), ("f2b", (84,), "bias"),
              ("f3w", (10, 84), "weight"), ("f3b", (10,), "bias")]

    def inputs(self, rng):
        x = rng.uniform(0.0, 1.0, (BATCH, 1, 28, 28)).astype(np.float32)
        return [("x", x), ("labels", labels(rng))]

    def loss(self, inputs, p):
        x, y = inputs
        h = F.max_pool2d(torch.relu(F.conv2d(x, p["c1w"], p["c1b"], padding=2)), 2)
        h = F.max_pool2d(torch.relu(F.conv2d(h, p["c2w"], p["c2b"])), 2)
        h = h.reshape(h.shape[0], 400)
        h = torch.relu(h @ p["f1w"].T + p["f1b"])
        h = torch.relu(h @ p["f2w"].T + p["f2b"])
        return F.cross_entropy(h @ p["f3w"].T + p["f3b"], y)


class AlexNetSmall:
    SEED = 12345
    shapes = [("c1w", (16, 3, 5, 5), "weight"), ("c1b", (16,), "bias"),
              ("c2w", (32, 16, 5, 5), "weight"), ("c2b", (32,), "bias"),
              ("c3w", (48, 32, 3, 3), "weight"), ("c3b", (48,), "bias"),
              ("c4w", (48, 48, 3, 3), "weight"), ("c4b", (48,), "bias"),
              ("c5w", (32, 48, 3, 3), "weight"), ("c5b", (32,), "bias"),
              ("f6w", (256, 288), "weight"), ("f6b", (256,), "bias"),
              ("f7w", (10, 256), "weight"), ("f7b", (10,), "bias")]

    def inputs(self, rng):
        x = rng.uniform(0.0, 1.0, (BATCH, 3, 64, 64)).astype(np.float32)
        seed = np.array(self.SEED, dtype=np.int64)
        return [("x", x), ("labels", labels(rng)), ("seed", seed)]

    def loss(self, inputs, p):
        x, y, _ = inputs

        def conv(h, name, **kw):
            return torch.relu(F.conv2d(h, p[name + "w"], p[name + "b"], **kw))

        def lrn(h):
            return F.local_response_norm(h, 5, alpha=1e-4, beta=0.75, k=2.0)

        h = F.max_pool2d(lrn(conv(x, "c1", stride=2, padding=2)), 3, 2)
        h = F.max_pool2d(lrn(conv(h, "c2", padding=2)), 3, 2)
        h = conv(conv(conv(h, "c3", padding=1), "c4", padding=1), "c5", padding=1)
        h = F.max_pool2d(h, 3, 2).reshape(x.shape[0], 288)
        h = torch.relu(h @ p["f6w"].T + p["f6b"])
        h = dropout(h, self.SEED, 0.5)
        return F.cross_entropy(h @ p["f7w"].T + p["f7b"], y)


class ResNetBlock:
    shapes = [("w0", (16, 3, 3, 3), "weight"), ("g0", (16,), "scale"),
              ("b0", (16,), "shift"), ("w1", (16, 16, 3, 3), "weight"),
              ("g1", (16,), "scale"), ("b1", (16,), "shift"),
              ("w2", (16, 16, 3, 3), "weight"), ("g2", (16,), "scale"),
              ("b2", (16,), "shift"), ("fcw", (10, 16), "weight"),
              ("fcb", (10,), "bias"), ("auxw", (10, 16), "weight"),
              ("auxb", (10,), "bias")]
    # The running statistics (nn.state) follow the params: mean 0, var 1.
    # Training-mode batch norm does not read them.
    state = [(name + str(i), np.full(16, value, np.float32))
             for i in range(3) for name, value in (("m", 0.0), ("v", 1.0))]

    def inputs(self, rng):
        x = rng.uniform(0.0, 1.0, (BATCH, 3, 32, 32)).astype(np.float32)
        return [("x", x), ("labels", labels(rng))]

    def loss(self, inputs, p):
        x, y = inputs

        def bn(h, i):
            return F.batch_norm(h, None, None, p[f"g{i}"], p[f"b{i}"],
                                training=True, eps=1e-5)

        def conv(h, i):
            return F.conv2d(h, p[f"w{i}"], padding=1)

        s = torch.relu(bn(conv(x, 0), 0))
        r = torch.relu(bn(conv(torch.relu(bn(conv(s, 1), 1)), 2), 2) + s)
        logits = r.mean((2, 3)) @ p["fcw"].T + p["fcb"]
        aux = s.mean((2, 3)) @ p["auxw"].T + p["auxb"]
        return F.cross_entropy(logits, y) + 0.3 * F.cross_entropy(aux, y)


MODELS = {"mlp": Mlp, "lenet": LeNet, "alexnet_small": AlexNetSmall,
          "resnet_block": ResNetBlock}


def labels(rng):
    return rng.integers(0, CLASSES, BATCH).astype(np.int64)


#===----------------------------------------------------------------------===#
# Running both sides
#===----------------------------------------------------------------------===#

def run_nnc(tools, model, workdir, target, arrays, names):
    """@loss_grad's results through nnc at `target`; `tools` are the paths
    of nnc and nnc-run."""
    nnc, nnc_run = tools
    args = [nnc_run]
    if target == "aot":
        library = os.path.join(workdir, "model.so")
        subprocess.run([nnc, model, "--grad=loss", "-o", library], check=True)
        args += [library, "--entry=loss_grad"]
    else:
        args += [model, "--grad=loss", "--target=" + target]
    for name, array in arrays:
        path = os.path.join(workdir, name + ".npy")
        np.save(path, array)
        args.append("--input=" + path)
    for name in names:
        args.append("--output=" + os.path.join(workdir, name + ".npy"))
    subprocess.run(args, check=True)
    return [np.load(os.path.join(workdir, name + ".npy")) for name in names]


def run_torch(model, inputs, params):
    tensors = {name: torch.tensor(value, dtype=torch.float64, requires_grad=True)
               for name, value in params}
    values = []
    for _, array in inputs:
        tensor = torch.from_numpy(array)
        values.append(tensor.double() if tensor.is_floating_point() else tensor)
    loss = model.loss(values, tensors)
    loss.backward()
    return [loss.detach().numpy()] + [tensors[name].grad.numpy()
                                      for name, _ in params]


STEP_OPTIMIZER = "sgd:lr=0.1,momentum=0.9,weight_decay=0.01"


def run_nnc_step(tools, model, workdir, target, inputs, params, state):
    """One @loss_train_step through nnc: the loss, then each param's update."""
    nnc, nnc_run = tools
    train = ["--train=loss", "--optimizer=" + STEP_OPTIMIZER]
    args = [nnc_run]
    if target == "aot":
        library = os.path.join(workdir, "model_train.so")
        subprocess.run([nnc, model, *train, "-o", library], check=True)
        args += [library, "--entry=loss_train_step"]
    else:
        args += [model, *train, "--target=" + target]
    buffers = [("m_" + name, np.zeros_like(value)) for name, value in params]
    for name, array in inputs + params + state + buffers:
        path = os.path.join(workdir, name + ".npy")
        np.save(path, array)
        args.append("--input=" + path)
    updated = os.path.join(workdir, "updated")
    os.makedirs(updated, exist_ok=True)
    args += ["--output=" + os.path.join(workdir, "loss.npy"),
             "--updated-dir=" + updated]
    subprocess.run(args, check=True)
    first = len(inputs)
    return [np.load(os.path.join(workdir, "loss.npy"))] + [
        np.load(os.path.join(updated, f"arg{first + i}.npy")) - value
        for i, (_, value) in enumerate(params)]


def run_torch_step(model, inputs, params):
    tensors = {name: torch.tensor(value, dtype=torch.float64, requires_grad=True)
               for name, value in params}
    values = [torch.from_numpy(a).double() if a.dtype.kind == "f"
              else torch.from_numpy(a) for _, a in inputs]
    optimizer = torch.optim.SGD(tensors.values(), lr=0.1, momentum=0.9,
                                weight_decay=0.01)
    loss = model.loss(values, tensors)
    loss.backward()
    optimizer.step()
    return [loss.detach().numpy()] + [tensors[name].detach().numpy() - value
                                      for name, value in params]


def main():
    name, nnc, nnc_run, model_path, workdir = sys.argv[1:6]
    target = sys.argv[6] if len(sys.argv) > 6 else "interp"
    step = len(sys.argv) > 7 and sys.argv[7] == "step"
    model = MODELS[name]()
    rng = np.random.default_rng(0)
    inputs = model.inputs(rng)
    params = uniform_params(rng, model.shapes)
    state = getattr(model, "state", [])
    if step:
        results = ["loss"] + ["update " + param for param, _ in params]
        ours = run_nnc_step((nnc, nnc_run), model_path, workdir, target,
                            inputs, params, state)
        reference = run_torch_step(model, inputs, params)
    else:
        results = ["loss"] + ["d" + param for param, _ in params]
        ours = run_nnc((nnc, nnc_run), model_path, workdir, target,
                       inputs + params + state, results)
        reference = run_torch(model, inputs, params)
    ok = True
    for result, got, want in zip(results, ours, reference):
        scale = max(float(np.abs(want).max()), 1e-30)
        error = float(np.abs(got - want).max()) / scale
        good = got.shape == want.shape and error <= TOLERANCE
        ok &= good
        print(f"{result} {list(got.shape)}: max error / max |torch| = "
              f"{error:.2e}{'' if good else '  MISMATCH'}")
    print("ok" if ok else "FAILED")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
