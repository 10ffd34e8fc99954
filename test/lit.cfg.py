# -*- Python -*-
# lit configuration of the nnc IR and tool tests.

import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "nnc"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".test"]
config.excludes = ["lit.cfg.py", "lit.site.cfg.py", "CMakeLists.txt", "unit", "Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.nnc_obj_root, "test")

config.substitutions.append(("%examples", os.path.join(config.nnc_src_root, "examples")))
config.substitutions.append(("%python", "/usr/bin/python3"))
# Hand-written models the unit tests build (test/unit/*/fixtures/*.c).
config.substitutions.append(
    ("%unit_fixtures", os.path.join(config.nnc_obj_root, "test", "unit")))

llvm_config.with_system_environment(["HOME", "TMPDIR"])
llvm_config.use_default_substitutions()
llvm_config.with_environment("PATH", config.llvm_tools_dir, append_path=True)

tools = ["nnc-opt", "nnc-run", "nnc", "jit_xor", "run_model"]
llvm_config.add_tool_substitutions(
    [ToolSubst(t, unresolved="ignore") for t in tools], [config.nnc_tools_dir])
llvm_config.add_tool_substitutions(["FileCheck", "count", "not"], [config.llvm_tools_dir])

# The acceptance runs on the real MNIST (test/acceptance) need its IDX files:
# $NNC_MNIST_DIR, else ../shared/data/mnist beside the repository. Without
# them those tests are reported unsupported; everything else makes its data.
_mnist = os.environ.get("NNC_MNIST_DIR") or os.path.join(
    config.nnc_src_root, "..", "shared", "data", "mnist")
if os.path.exists(os.path.join(_mnist, "train-images-idx3-ubyte.gz")):
    config.available_features.add("mnist")
    config.substitutions.append(("%mnist", os.path.abspath(_mnist)))
llvm_config.with_system_environment(["NNC_MNIST_DIR"])
