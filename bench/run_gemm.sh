#!/usr/bin/env bash
# Builds the GEMM benchmark (bench/gemm) against an nnc build tree and runs
# it at 1 and 2 threads; prints one markdown table per thread count.
#
#   bench/run_gemm.sh [BUILD_DIR] [gemm_bench options...]
#   THREADS="1" bench/run_gemm.sh build --squares=512,1024 --rounds=9
#
# One thread: the libraries alternate in one process (A B C A B C ...).
# Two threads: one process per library, because their thread pools (libomp
# for nnc, libgomp for oneDNN, pthreads for OpenBLAS) keep spinning after a
# call and would steal the cores from the next library; the rows are then
# merged. Timings are noisy on a shared machine: compare ratios, rerun.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
shift || true
bash "$root/scripts/setup.sh" --bench
ninja -C "$build" nnc > /dev/null
cmake -G Ninja -S "$root/bench/gemm" -B "$build/bench-gemm" \
  -DNNC_BUILD_DIR="$build" -DCMAKE_CXX_COMPILER=clang++-19 > /dev/null
ninja -C "$build/bench-gemm" > /dev/null
bench="$build/bench-gemm/gemm_bench"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for t in ${THREADS:-1 2}; do
  export OMP_NUM_THREADS=$t OPENBLAS_NUM_THREADS=$t
  if [ "$t" = 1 ]; then
    "$bench" --threads=1 "$@"
    continue
  fi
  for lib in nnc openblas onednn; do
    "$bench" --threads="$t" --libs=$lib "$@" > "$tmp/$lib.md"
  done
  # Column 2 from nnc's table, 3 from OpenBLAS's, 4 from oneDNN's; the
  # ratio from their medians (the number before the parenthesis).
  /usr/bin/python3 - "$tmp" <<'PY'
import sys
rows = {}
for col, lib in ((2, "nnc"), (3, "openblas"), (4, "onednn")):
    for line in open(f"{sys.argv[1]}/{lib}.md"):
        cells = line.rstrip("\n").split("|")
        if len(cells) < 8 or not cells[1].strip() or cells[1].strip() in ("M×N×K", "---"):
            if lib == "nnc" and not line.startswith("|"):
                print(line, end="")
            elif lib == "nnc":
                print(line, end="")
            continue
        rows.setdefault(cells[1], cells[:])[col] = cells[col]
for name, cells in rows.items():
    median = lambda c: float(c.split()[0])
    cells[5] = " %.2f " % (median(cells[2]) / max(median(cells[3]), median(cells[4])))
    print("|".join(cells))
PY
done
