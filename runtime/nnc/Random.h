//===- Random.h - A portable deterministic generator ------------*- C++ -*-===//
//
// Internal to the runtime (not exported). Parameter initialization must give
// the same values on every platform and standard library, which rules out
// std::*_distribution (their algorithms are implementation-defined); so the
// bits come from xoshiro256** (Blackman and Vigna), seeded through splitmix64
// as its authors recommend, and every distribution is computed here.
//
// Thread-safety: a Random is a plain value; distinct instances may be used
// from distinct threads.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_RANDOM_H
#define NNC_RANDOM_H

#include <cstdint>

namespace nnc {

/// splitmix64's output function: a bijective mix of all 64 bits.
inline uint64_t mix64(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

class Random {
public:
  explicit Random(uint64_t seed) {
    // splitmix64 steps; they never yield the all-zero state xoshiro forbids
    // for all four words at once.
    for (uint64_t &word : state) {
      seed += 0x9e3779b97f4a7c15ull;
      word = mix64(seed);
    }
  }

  /// xoshiro256**.
  uint64_t next() {
    uint64_t result = rotl(state[1] * 5, 7) * 9;
    uint64_t t = state[1] << 17;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 45);
    return result;
  }

  /// A uniform value in [0, 1) on a grid of 2^-bits (bits <= 53), so that
  /// the value stays below 1 in a type with `bits` bits of mantissa.
  double uniform(int bits) {
    return double(next() >> (64 - bits)) * (1.0 / double(uint64_t(1) << bits));
  }

private:
  static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  uint64_t state[4];
};

} // namespace nnc

#endif // NNC_RANDOM_H
