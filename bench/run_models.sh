#!/usr/bin/env bash
# Compares nnc with PyTorch on the forward pass and on a training step
# (@loss_train_step: forward, backward, optimizer update) of examples/mlp.mlir
# (batch 128) and examples/lenet.mlir (batch 64), at 1 and 2 threads, and
# reports how long nnc takes to compile every examples/*.mlir.
#
#   bench/run_models.sh [build-dir]      (default: build/, already configured)
#
# Environment: ROUNDS (default 5), ITERS (min timed calls per run, 200),
# MIN_TIME (min timed seconds per run, 1.0), COMPILE_TIMEOUT (seconds per
# example compile, 600), TRAIN_OPTIMIZER (the training step's optimizer,
# adam:lr=0.001), OUT (where .so files, raw JSON and /usr/bin/time
# reports go; default a new temporary directory).
#
# Before timing, torch runs on the input and weights nnc used and must agree
# with nnc's logits; the script stops if they differ.
#
# Fairness (see /work/shared/BENCHMARKING.md): each configuration runs nnc,
# torch no_grad and torch inference_mode in turn, ROUNDS times (A B C A B C),
# so slow drifts in machine load hit all three; every process is fresh; the
# table shows the median over rounds of each run's median, with the min and
# max single call over all rounds. Torch runs with the OpenMP build of
# OpenBLAS so that its 2-thread figures are not spoiled by two thread pools.
# Raw per-run JSON lines stay in $OUT/raw.jsonl. OpenMP settings in the
# environment (OMP_WAIT_POLICY=passive, say) reach both nnc and torch and are
# printed with the results.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "${1:-$ROOT/build}" && pwd)
ROUNDS=${ROUNDS:-5}
ITERS=${ITERS:-200}
MIN_TIME=${MIN_TIME:-1.0}
TRAIN_OPTIMIZER=${TRAIN_OPTIMIZER:-adam:lr=0.001}
OUT=${OUT:-$(mktemp -d /tmp/nnc-bench.XXXXXX)}
PYTHON=/usr/bin/python3 # Debian's, which sees python3-torch
TORCH_LIBS=/usr/lib/x86_64-linux-gnu/openblas-openmp
mkdir -p "$OUT"
RAW=$OUT/raw.jsonl
: >"$RAW"

# Peers and GNU time (peak RSS), installed when missing.
bash "$ROOT/scripts/setup.sh" --bench >&2

# nnc_bench is a CMake target once bench/models is part of the build; until
# then, compile it by hand against the runtime of the same build.
build_tools() {
  if ninja -C "$BUILD" -t targets all | grep -q '^nnc_bench:'; then
    ninja -C "$BUILD" nnc nnc_bench >&2
    NNC_BENCH=$BUILD/bin/nnc_bench
  else
    ninja -C "$BUILD" nnc nnc_runtime >&2
    NNC_BENCH=$OUT/nnc_bench
    clang++-19 -std=c++17 -O2 -I"$ROOT/runtime" \
      "$ROOT/bench/models/nnc_bench.cpp" -L"$BUILD/runtime" -lnnc_runtime \
      -Wl,-rpath,"$BUILD/runtime" -o "$NNC_BENCH"
  fi
}

# Compiles every example, printing one JSON line each: wall time and the
# compiler's peak RSS. A compile that fails or runs past COMPILE_TIMEOUT
# seconds is reported, not fatal, so one broken model does not hide the rest.
compile_examples() {
  local mlir name rc
  for mlir in "$ROOT"/examples/*.mlir; do
    name=$(basename "$mlir" .mlir)
    rc=0
    /usr/bin/time -v -o "$OUT/$name.compile.time" \
      timeout "${COMPILE_TIMEOUT:-600}" "$BUILD/bin/nnc" "$mlir" \
      -o "$OUT/$name.so" 2>"$OUT/$name.compile.err" || rc=$?
    echo "{\"compile\": \"$name\", \"rc\": $rc, \"wall\": \"$(wall "$OUT/$name.compile.time")\", \"rss_kb\": $(rss "$OUT/$name.compile.time")}" >>"$RAW"
  done
}

# Compiles the training steps (.train.so); a model whose step does not
# compile is reported and left out of the training table.
compile_train_steps() {
  local model
  for model in mlp lenet; do
    "$BUILD/bin/nnc" "$ROOT/examples/$model.mlir" --train=loss \
      --optimizer="$TRAIN_OPTIMIZER" -o "$OUT/$model.train.so" \
      2>"$OUT/$model.train.err" ||
      echo "training step of $model does not compile: $OUT/$model.train.err" >&2
  done
}

# Checks that nnc and torch compute the same function before timing them:
# torch runs on the input and weights nnc used and compares the logits. Two
# threads, so that the parallel split of the kernels is what gets checked.
check_models() {
  local model batch dir
  for model in mlp lenet; do
    batch=$([ "$model" = mlp ] && echo 128 || echo 64)
    dir=$OUT/check-$model
    mkdir -p "$dir"
    OMP_NUM_THREADS=2 "$NNC_BENCH" "$OUT/$model.so" --batch "$batch" \
      --warmup 0 --iters 1 --min-time 0 --dump "$dir" >/dev/null
    "$PYTHON" "$ROOT/bench/models/torch_bench.py" "$model" --check "$dir" |
      sed "s/^{/{\"model\": \"$model\", /" >>"$RAW" ||
      { echo "nnc and torch disagree on $model: see $RAW" >&2 && exit 1; }
  done
}

rss() { awk -F': ' '/Maximum resident set size/ {print $2}' "$1"; }
wall() { awk -F'): ' '/Elapsed \(wall clock\)/ {print $2}' "$1"; }

# Runs one benchmark process under /usr/bin/time and appends its JSON line,
# tagged with the round, the peak RSS and the torch mode, to $RAW.
run_one() {
  local round=$1 tag=$2
  shift 2
  local report=$OUT/last.time json
  json=$(/usr/bin/time -v -o "$report" "$@" | tail -n 1)
  echo "${json%\}}, \"round\": $round, \"tag\": \"$tag\", \"rss_kb\": $(rss "$report")}" >>"$RAW"
}

run_round() {
  local round=$1 threads model batch mode
  for threads in 1 2; do
    for model in mlp lenet; do
      batch=$([ "$model" = mlp ] && echo 128 || echo 64)
      run_one "$round" nnc env OMP_NUM_THREADS="$threads" "$NNC_BENCH" \
        "$OUT/$model.so" --batch "$batch" --iters "$ITERS" \
        --min-time "$MIN_TIME" --label "$model"
      for mode in no_grad inference_mode; do
        run_one "$round" "torch-$mode" env LD_LIBRARY_PATH="$TORCH_LIBS" \
          "$PYTHON" "$ROOT/bench/models/torch_bench.py" "$model" \
          --batch "$batch" --threads "$threads" --mode "$mode" \
          --iters "$ITERS" --min-time "$MIN_TIME"
      done
      [ -f "$OUT/$model.train.so" ] || continue
      run_one "$round" nnc-train env OMP_NUM_THREADS="$threads" "$NNC_BENCH" \
        "$OUT/$model.train.so" --entry loss_train_step --batch "$batch" \
        --iters "$ITERS" --min-time "$MIN_TIME" --label "$model"
      run_one "$round" torch-train env LD_LIBRARY_PATH="$TORCH_LIBS" \
        "$PYTHON" "$ROOT/bench/models/torch_bench.py" "$model" \
        --batch "$batch" --threads "$threads" --mode train \
        --optimizer "$TRAIN_OPTIMIZER" --iters "$ITERS" --min-time "$MIN_TIME"
    done
  done
}

echo "load before: $(uptime)" >"$OUT/load.txt"
build_tools
compile_examples
compile_train_steps
check_models
for round in $(seq "$ROUNDS"); do
  echo "round $round/$ROUNDS: $(uptime)" >>"$OUT/load.txt"
  echo "round $round/$ROUNDS" >&2
  run_round "$round"
done
echo "load after: $(uptime)" >>"$OUT/load.txt"
# Other processes on the 2 cores skew everything, 2-thread runs the most.
cat "$OUT/load.txt"
echo "nproc: $(nproc); $(lscpu | grep -m1 'Model name' | tr -s ' ')"
echo "OpenMP environment: $(env | grep -E '^(OMP|KMP|GOMP)_' | tr '\n' ' ')"
"$PYTHON" "$ROOT/bench/models/report.py" "$RAW" "$TRAIN_OPTIMIZER"
echo
echo "raw results: $RAW"
