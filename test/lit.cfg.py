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

# `nnc train` needs the compiler to build @F_train_step (`nnc --train`); the
# tests that train for real say `REQUIRES: nnc-train-step` and run as soon as
# the compiler can.
import subprocess

_nnc = os.path.join(config.nnc_tools_dir, "nnc")
if os.path.exists(_nnc):
    _probe = subprocess.run(
        [_nnc, os.path.join(config.nnc_src_root, "examples", "xor.mlir"),
         "--train=loss", "--optimizer=sgd", "--emit=header"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if _probe.returncode == 0:
        config.available_features.add("nnc-train-step")
