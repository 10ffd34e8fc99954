#!/usr/bin/env bash
# The README's main command (`make demo`): compiles LeNet-5 ahead of time to a
# shared library, runs it with the runtime alone on built-in synthetic images
# (predictions, time per batch, arena), checks it against the reference
# interpreter, runs the course's XOR network through the JIT API, and
# trains LeNet-5 for an epoch (on MNIST when ../shared/data/mnist is there).
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
echo
# Training: on MNIST when the shared data is there (NNC_MNIST_DIR or
# ../shared/data/mnist), else on the built-in synthetic task.
mnist=${NNC_MNIST_DIR:-../shared/data/mnist}
data=()
[ -f "$mnist/train-images-idx3-ubyte.gz" ] && data=(--data="$mnist")
echo "== training LeNet-5 (nnc train: @loss_train_step, adam, 1 epoch${data:+ on $mnist})"
"$bin/nnc" train examples/lenet.mlir --loss=loss --optimizer=adam:lr=0.001 \
  "${data[@]}" --epochs=1 --batch=64 --seed=1 --log="$out/lenet.train.csv" \
  --plot="$out/lenet.train.svg" --checkpoint="$out/lenet.safetensors" | tail -4
echo "loss and accuracy plot: $out/lenet.train.svg"
