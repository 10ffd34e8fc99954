#!/usr/bin/env bash
# Installs everything nnc needs to build and test on Debian 12 (bookworm).
# Idempotent: when every package is present it does nothing.
#
#   scripts/setup.sh           what the build and the tests need (the tests
#                              compare gradients with PyTorch's)
#   scripts/setup.sh --bench   and the benchmarks' peers: OpenBLAS, oneDNN,
#                              GNU time (peak RSS)
set -euo pipefail

packages=(
  cmake ninja-build ccache git
  clang-19 llvm-19-dev llvm-19-tools libmlir-19-dev mlir-19-tools libomp-19-dev
  libfmt-dev libgtest-dev zlib1g-dev
  python3 python3-numpy python3-torch
)
case "${1:-}" in
  "") ;;
  --bench) packages+=(libopenblas-dev libdnnl-dev time) ;;
  *) echo "setup: unknown option '$1' (expected --bench or nothing)" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
echo "setup: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
