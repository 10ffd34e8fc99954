//===- DropoutTest.cpp - dropout and its backend-independent mask ---------===//
//
// Tests that dropout is the identity when it should be, that the mask has
// the advertised statistics and determinism, and that the mask bits equal
// those of the textbook (stateful) splitmix64 generator: the contract's
// closed form `splitmix64(seed + (i + 1)·γ)` is its (i+1)-th output.
//
//===----------------------------------------------------------------------===//

#include "InterpreterTestUtil.h"

#include "compiler/interpreter/kernels/Dropout.h"

using namespace nnc;
using namespace nnc::interp;
using namespace nnc::interp::test;

namespace {

/// Vigna's splitmix64 as published: the state advances by the golden gamma
/// before each output. Written independently of Dropout.h on purpose.
class SplitMix64 {
public:
  explicit SplitMix64(uint64_t seed) : state(seed) {}
  uint64_t next() {
    uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }

private:
  uint64_t state;
};

/// Runs @f(x, seed) = nn.dropout x, seed {attrs} on a 1-D f32 input.
RefTensor runDropout(const std::vector<double> &x, int64_t seed,
                     const std::string &attrs) {
  std::string t = "tensor<" + std::to_string(x.size()) + "xf32>";
  std::string source = "func.func @f(%x: " + t + ", %s: tensor<i64>) -> " + t +
                       " {\n  %y = nn.dropout %x, %s " + attrs + " : " + t +
                       ", tensor<i64>\n  return %y : " + t + "\n}\n";
  std::vector<RefTensor> results = runOk(
      source, "f", {f32({static_cast<int64_t>(x.size())}, x), i64({}, {seed})});
  return results.empty() ? RefTensor() : results[0];
}

std::vector<double> ramp(int n) {
  std::vector<double> x;
  for (int i = 0; i < n; ++i)
    x.push_back(1.0 + i);
  return x;
}

/// Which elements of a dropout result survived (inputs are nonzero).
std::vector<bool> keptMask(const RefTensor &y) {
  std::vector<bool> kept;
  for (double v : y.floats)
    kept.push_back(v != 0.0);
  return kept;
}

TEST(DropoutTest, RateZeroIsTheIdentityWhenTraining) {
  RefTensor y = runDropout(ramp(100), 7, "{rate = 0.0 : f32, training = true}");
  expectTensorNear(y, {100}, ramp(100), 0.0);
}

TEST(DropoutTest, NotTrainingIsTheIdentity) {
  RefTensor y = runDropout(ramp(100), 7, "{rate = 0.5 : f32}");
  expectTensorNear(y, {100}, ramp(100), 0.0);
}

TEST(DropoutTest, KeepsAboutOneMinusRateOf10000Elements) {
  RefTensor y =
      runDropout(ramp(10000), 1234, "{rate = 0.3 : f32, training = true}");
  int kept = 0;
  for (bool k : keptMask(y))
    kept += k;
  EXPECT_NEAR(kept / 10000.0, 0.7, 0.02);
}

TEST(DropoutTest, KeptValuesAreScaledExactlyByOneOverOneMinusRate) {
  // rate 0.5: survivors are exactly doubled; rate 0.25: multiplied by 4/3.
  std::vector<double> x = ramp(1000);
  RefTensor half = runDropout(x, 5, "{rate = 0.5 : f32, training = true}");
  RefTensor quarter = runDropout(x, 5, "{rate = 0.25 : f32, training = true}");
  ASSERT_EQ(half.floats.size(), x.size());
  ASSERT_EQ(quarter.floats.size(), x.size());
  for (size_t i = 0; i < x.size(); ++i) {
    if (half.floats[i] != 0.0)
      EXPECT_EQ(half.floats[i], 2.0 * x[i]) << "element " << i;
    if (quarter.floats[i] != 0.0)
      EXPECT_DOUBLE_EQ(quarter.floats[i], x[i] / 0.75) << "element " << i;
  }
}

TEST(DropoutTest, SameSeedGivesTheSameMask) {
  const char *attrs = "{rate = 0.5 : f32, training = true}";
  EXPECT_EQ(keptMask(runDropout(ramp(1000), 99, attrs)),
            keptMask(runDropout(ramp(1000), 99, attrs)));
}

TEST(DropoutTest, DifferentSeedsGiveDifferentMasks) {
  const char *attrs = "{rate = 0.5 : f32, training = true}";
  EXPECT_NE(keptMask(runDropout(ramp(1000), 99, attrs)),
            keptMask(runDropout(ramp(1000), 100, attrs)));
}

TEST(DropoutTest, MaskBitsArePublishedSplitMix64OutputsForSeedZero) {
  // The reference splitmix64 from state 0 starts 0xe220a8397b1dcdaf,
  // 0x6e789e6aa1b965f4, 0x06c45d188009454f; u is the top 24 bits.
  EXPECT_EQ(dropoutBits(0, 0), 0xe220a8u);
  EXPECT_EQ(dropoutBits(0, 1), 0x6e789eu);
  EXPECT_EQ(dropoutBits(0, 2), 0x06c45du);
  // 0xe220a8·2⁻²⁴ ≈ 0.883, 0x6e789e·2⁻²⁴ ≈ 0.432, 0x06c45d·2⁻²⁴ ≈ 0.026.
  EXPECT_TRUE(dropoutKeeps(0, 0, 0.5));
  EXPECT_FALSE(dropoutKeeps(0, 1, 0.5));
  EXPECT_TRUE(dropoutKeeps(0, 1, 0.4));
  EXPECT_FALSE(dropoutKeeps(0, 2, 0.1));
}

TEST(DropoutTest, MaskMatchesIndependentSplitMix64ForSeveralSeeds) {
  // Negative seeds wrap to uint64 like every other addition in the formula.
  for (int64_t seed :
       {int64_t(1), int64_t(42), int64_t(-1), int64_t(1) << 40}) {
    SplitMix64 generator(static_cast<uint64_t>(seed));
    for (int64_t i = 0; i < 64; ++i)
      EXPECT_EQ(dropoutBits(seed, i), generator.next() >> 40)
          << "seed " << seed << " element " << i;
  }
}

TEST(DropoutTest, OpKeepsElementIffScaledBitsReachRate) {
  // Through the interpreter, seed 0 and rate 0.5 keep exactly the elements
  // whose splitmix64 output has a top-24-bit fraction of at least 0.5.
  std::vector<double> x = ramp(32);
  RefTensor y = runDropout(x, 0, "{rate = 0.5 : f32, training = true}");
  ASSERT_EQ(y.floats.size(), x.size());
  SplitMix64 generator(0);
  for (size_t i = 0; i < x.size(); ++i) {
    bool keep = (generator.next() >> 40) >= (1u << 23);
    EXPECT_EQ(y.floats[i], keep ? 2.0 * x[i] : 0.0) << "element " << i;
  }
}

TEST(DropoutTest, MaskFollowsTheRowMajorIndexOfMultiDimensionalInput) {
  // A [2, 3] input drops the same elements as its 6 flattened values.
  const char *source = R"mlir(
func.func @f(%x: tensor<2x3xf32>, %s: tensor<i64>) -> tensor<2x3xf32> {
  %y = nn.dropout %x, %s {rate = 0.5 : f32, training = true}
      : tensor<2x3xf32>, tensor<i64>
  return %y : tensor<2x3xf32>
}
)mlir";
  std::vector<RefTensor> r =
      runOk(source, "f", {f32({2, 3}, ramp(6)), i64({}, {11})});
  ASSERT_EQ(r.size(), 1u);
  RefTensor flat =
      runDropout(ramp(6), 11, "{rate = 0.5 : f32, training = true}");
  expectTensorNear(r[0], {2, 3}, flat.floats, 0.0);
}

} // namespace
