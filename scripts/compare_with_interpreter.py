#!/usr/bin/env python3
"""Runs one entry of a model compiled (JIT and AOT) and in the reference
interpreter on the same random inputs and prints the largest relative error.

usage: compare_with_interpreter.py BIN_DIR MODEL.mlir ENTRY BATCH
"""
import os
import re
import subprocess
import sys
import tempfile

import numpy as np


def argument_types(model, entry):
    source = open(model).read()
    match = re.search(r"func\.func @" + entry + r"\((.*?)\)\s*->", source, re.S)
    if not match:
        sys.exit(f"no function @{entry} in {model}")
    return re.findall(r"%(\w+)\s*:\s*tensor<([^>]*)>", match.group(1))


def main():
    bin_dir, model, entry, batch = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    rng = np.random.default_rng(batch)
    work = tempfile.mkdtemp(prefix="nnc-compare-")
    inputs = []
    for index, (_, type_text) in enumerate(argument_types(model, entry)):
        *dims, element = type_text.split("x")
        shape = [batch if d == "?" else int(d) for d in dims]
        if element in ("i64", "i32"):
            array = rng.integers(0, 10, shape).astype(np.int64 if element == "i64" else np.int32)
        else:
            array = (rng.standard_normal(shape) * (1.0 if index == 0 else 0.1)).astype(np.float32)
        path = os.path.join(work, f"arg{index}.npy")
        np.save(path, array)
        inputs.append("--input=" + path)

    def run(target, path, name):
        out = os.path.join(work, name + ".npy")
        subprocess.run([os.path.join(bin_dir, "nnc-run"), path, "--entry=" + entry,
                        "--target=" + target, "--output=" + out] + inputs, check=True)
        return np.load(out)

    reference = run("interp", model, "interp")
    library = os.path.join(work, "model.so")
    subprocess.run([os.path.join(bin_dir, "nnc"), model, "-o", library], check=True)
    worst = 0.0
    for name, path in (("jit", model), ("aot", library)):
        result = run("cpu", path, name)
        error = float(np.abs(result - reference).max() / max(1e-6, np.abs(reference).max()))
        worst = max(worst, error)
        print(f"{os.path.basename(model)} @{entry} batch {batch} {name}: "
              f"max relative error {error:.2e} vs the interpreter")
    sys.exit(0 if worst < 1e-4 else 1)


if __name__ == "__main__":
    main()
