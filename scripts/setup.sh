#!/usr/bin/env bash
# Installs everything nnc needs to build and test on Debian 12 (bookworm).
# Idempotent: when every package is present it does nothing.
set -euo pipefail

packages=(
  cmake ninja-build ccache git
  clang-19 llvm-19-dev llvm-19-tools libmlir-19-dev mlir-19-tools libomp-19-dev
  libfmt-dev libgtest-dev zlib1g-dev
  python3 python3-numpy
)

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
