//===- Dropout.h - the backend-independent dropout mask ---------*- C++ -*-===//
//
// nn.dropout's mask is a pure function of (seed, row-major element index) so
// that every backend, and the interpreter that checks them, drops the same
// elements. This is the one C++ statement of that function; compiled
// backends emit the same arithmetic and are tested against it.
//
// Thread-safety: pure functions.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_INTERPRETER_KERNELS_DROPOUT_H
#define NNC_COMPILER_INTERPRETER_KERNELS_DROPOUT_H

#include <cstdint>

namespace nnc::interp {

/// The 24-bit uniform integer of element `index`: the splitmix64 finalizer
/// of `seed + (index + 1) · 0x9E3779B97F4A7C15` (wrapping), top 24 bits.
/// 24 bits make `u · 2⁻²⁴` exact in f32, so f32 backends compare exactly.
inline uint32_t dropoutBits(int64_t seed, int64_t index) {
  uint64_t z = static_cast<uint64_t>(seed) +
               (static_cast<uint64_t>(index) + 1) * 0x9E3779B97F4A7C15ULL;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return static_cast<uint32_t>(z >> 40);
}

/// True when dropout with `rate` keeps element `index`: u · 2⁻²⁴ ≥ rate.
/// `rate` is the f32 attribute widened to double, so the comparison agrees
/// with one done in f32.
inline bool dropoutKeeps(int64_t seed, int64_t index, double rate) {
  return static_cast<double>(dropoutBits(seed, index)) * 0x1p-24 >= rate;
}

} // namespace nnc::interp

#endif // NNC_COMPILER_INTERPRETER_KERNELS_DROPOUT_H
