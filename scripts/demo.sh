#!/usr/bin/env bash
# The README's main command (`make demo`): compiles LeNet-5 ahead of time to a
# shared library, runs it with the runtime alone on built-in synthetic images
# (predictions, time per batch, arena), checks it against the reference
# interpreter, and runs the course's XOR network through the JIT API.
set -euo pipefail
build=${1:-build}
bin=$build/bin
out=$build/demo
mkdir -p "$out"

echo "== nnc examples/lenet.mlir -o $out/lenet.so"
start=$(date +%s%N)
"$bin/nnc" examples/lenet.mlir -o "$out/lenet.so"
end=$(date +%s%N)
printf "compiled in %d ms: %s (%s bytes), needs: %s\n" $(( (end - start) / 1000000 )) \
  "$out/lenet.so" "$(stat -c %s "$out/lenet.so")" \
  "$(ldd "$out/lenet.so" | awk '/=>/ {print $1}' | tr '\n' ' ')"
"$bin/nnc" examples/lenet.mlir --emit=header -o "$out/lenet.h"
echo "C header: $out/lenet.h"
echo
echo "== LeNet-5 forward through the runtime (1 thread, then 2)"
OMP_NUM_THREADS=1 "$bin/run_model" "$out/lenet.so" 64 50
OMP_NUM_THREADS=2 "$bin/run_model" "$out/lenet.so" 64 50 | tail -2
echo
echo "== the compiled model against the reference interpreter (batch 4)"
/usr/bin/python3 scripts/compare_with_interpreter.py "$bin" examples/lenet.mlir forward 4
echo
echo "== the course's XOR network, JIT-compiled in process (examples/jit_xor.cpp)"
"$bin/jit_xor" examples/xor.mlir
echo
echo "== LeNet's kernels (nnc --emit=dot) and the nn ops fused into each"
"$bin/nnc" examples/lenet.mlir --emit=dot | grep -E 'label="(forward|kernel)' | sed -n 1,8p
