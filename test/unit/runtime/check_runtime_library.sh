#!/bin/sh
# Checks that the runtime library stays deployable without LLVM: it links no
# LLVM or MLIR library, and it exports only the nnc API (the C++ namespace
# nnc and the C functions nnc_*), no libstdc++ template instantiations.
# Usage: check_runtime_library.sh path/to/libnnc_runtime.so
set -eu
lib=$1

deps=$(ldd "$lib")
if echo "$deps" | grep -i -E 'llvm|mlir'; then
  echo "error: $lib links LLVM or MLIR" >&2
  exit 1
fi

exports=$(nm -D --defined-only -C "$lib" | cut -d' ' -f3-)
if [ -z "$exports" ]; then
  echo "error: $lib exports nothing" >&2
  exit 1
fi
stray=$(echo "$exports" | grep -v -E '^(nnc::|nnc_)' || true)
if [ -n "$stray" ]; then
  echo "error: $lib exports symbols outside the nnc API:" >&2
  echo "$stray" >&2
  exit 1
fi
echo "ok: $(echo "$exports" | wc -l) exported symbols, no LLVM/MLIR dependency"
