//===- InitTest.cpp - PyTorch's initializer formulas from a seed ----------===//
//
// Statistical checks use tensors large enough that the tolerances are many
// standard errors wide, and fixed seeds, so they are deterministic.
//
//===----------------------------------------------------------------------===//

#include "RuntimeTestUtil.h"

#include <nnc/Init.h>
#include <nnc/Random.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>

using namespace nnc;
using namespace nnc::test;

namespace {

Tensor filled(const std::string &init, std::vector<int64_t> shape,
              uint64_t seed = 1, DType dtype = DType::F32) {
  Tensor tensor;
  EXPECT_TRUE(Tensor::create(dtype, std::move(shape), tensor).ok());
  Status status = fillInitializer(init, seed, tensor);
  EXPECT_TRUE(status.ok()) << status.message();
  return tensor;
}

struct Moments {
  double mean, std, min, max;
};

Moments momentsOf(const Tensor &tensor) {
  std::vector<float> values = f32Values(tensor);
  double sum = 0, squares = 0;
  for (float v : values)
    sum += v;
  double mean = sum / double(values.size());
  for (float v : values)
    squares += (v - mean) * (v - mean);
  auto [lo, hi] = std::minmax_element(values.begin(), values.end());
  return {mean, std::sqrt(squares / double(values.size())), *lo, *hi};
}

// Tests the fans of torch.nn.init._calculate_fan_in_and_fan_out, and our
// choice for 1-d and 0-d tensors.
TEST(InitTest, FansFollowPyTorch) {
  Fans conv = computeFans({64, 32, 3, 3});
  EXPECT_EQ(conv.in, 32 * 9);
  EXPECT_EQ(conv.out, 64 * 9);
  Fans linear = computeFans({10, 20});
  EXPECT_EQ(linear.in, 20);
  EXPECT_EQ(linear.out, 10);
  Fans bias = computeFans({7});
  EXPECT_EQ(bias.in, 7);
  EXPECT_EQ(bias.out, 7);
  EXPECT_EQ(computeFans({}).in, 1);
}

// Tests that zeros and ones are exact, in any dtype.
TEST(InitTest, ZerosAndOnesAreExact) {
  Tensor ones = filled("ones", {3, 5});
  EXPECT_EQ(f32Values(ones), std::vector<float>(15, 1.0f));
  Tensor zeros = filled("ones", {4});
  ASSERT_TRUE(fillInitializer("zeros", 9, zeros).ok());
  EXPECT_EQ(f32Values(zeros), std::vector<float>(4, 0.0f));
  Tensor intOnes = filled("ones", {2}, 1, DType::I64);
  EXPECT_EQ(intOnes.data<int64_t>()[1], 1);
}

// Tests that he_uniform stays within sqrt(6 / fan_in) and fills the range.
TEST(InitTest, HeUniformWithinBound) {
  Tensor w = filled("he_uniform", {64, 32, 3, 3});
  float bound = float(std::sqrt(6.0 / (32 * 9)));
  Moments m = momentsOf(w);
  EXPECT_GE(m.min, -bound);
  EXPECT_LE(m.max, bound);
  EXPECT_LT(m.min, -0.99 * bound);
  EXPECT_GT(m.max, 0.99 * bound);
  EXPECT_NEAR(m.std, bound / std::sqrt(3.0), 0.01 * bound);
}

// Tests that xavier_uniform stays within sqrt(6 / (fan_in + fan_out)).
TEST(InitTest, XavierUniformWithinBound) {
  Tensor w = filled("xavier_uniform", {300, 200});
  float bound = float(std::sqrt(6.0 / 500));
  Moments m = momentsOf(w);
  EXPECT_GE(m.min, -bound);
  EXPECT_LE(m.max, bound);
  EXPECT_GT(m.max, 0.99 * bound);
  EXPECT_NEAR(m.mean, 0, 0.01 * bound);
}

// Tests that uniform lies in [0, 1) with mean 1/2 and std 1/sqrt(12).
TEST(InitTest, UniformIsUnitInterval) {
  Moments m = momentsOf(filled("uniform", {1 << 18}));
  EXPECT_GE(m.min, 0.0);
  EXPECT_LT(m.max, 1.0);
  EXPECT_NEAR(m.mean, 0.5, 0.005);
  EXPECT_NEAR(m.std, 1 / std::sqrt(12.0), 0.005);
}

struct NormalCase {
  const char *init;
  std::vector<int64_t> shape;
  double std;
};

class NormalInitTest : public testing::TestWithParam<NormalCase> {};

// Tests the empirical mean and std of the normal-family initializers; the
// tolerance is about 7 standard errors at 2^18 samples.
TEST_P(NormalInitTest, MeanAndStd) {
  const NormalCase &c = GetParam();
  Moments m = momentsOf(filled(c.init, c.shape, 42));
  EXPECT_NEAR(m.mean, 0, 0.015 * c.std);
  EXPECT_NEAR(m.std, c.std, 0.015 * c.std);
}

INSTANTIATE_TEST_SUITE_P(
    Init, NormalInitTest,
    testing::Values(
        NormalCase{"normal", {512, 512}, 1.0},
        NormalCase{"he_normal", {512, 256, 2}, std::sqrt(2.0 / 512)},
        NormalCase{"xavier_normal", {1024, 256}, std::sqrt(2.0 / 1280)}),
    [](const testing::TestParamInfo<NormalCase> &info) {
      return std::string(info.param.init);
    });

// Tests that f64 tensors are filled too.
TEST(InitTest, FillsF64) {
  Tensor t = filled("normal", {1000}, 3, DType::F64);
  double sum = 0;
  for (int i = 0; i < 1000; ++i)
    sum += t.data<double>()[i] * t.data<double>()[i];
  EXPECT_NEAR(sum / 1000, 1.0, 0.2);
}

// Tests that one seed gives the same values and another seed different ones.
TEST(InitTest, SeedDeterminesValues) {
  std::vector<float> a = f32Values(filled("he_normal", {50, 20}, 7));
  std::vector<float> b = f32Values(filled("he_normal", {50, 20}, 7));
  std::vector<float> c = f32Values(filled("he_normal", {50, 20}, 8));
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
}

// Tests the generator against splitmix64's published first output for seed 0
// and xoshiro256** outputs computed by an independent (Python) model.
TEST(InitTest, GeneratorMatchesReference) {
  EXPECT_EQ(mix64(0x9e3779b97f4a7c15ull), 0xe220a8397b1dcdafull);
  Random random(0);
  EXPECT_EQ(random.next(), 0x99ec5f36cb75f2b4ull);
  EXPECT_EQ(random.next(), 0xbf6e1f784956452aull);
}

// Tests that the values are pinned (from the same Python model): they are a
// contract, reproducible across platforms and releases, so a change here
// must be deliberate.
TEST(InitTest, ValuesArePinned) {
  std::vector<float> u = f32Values(filled("uniform", {3}, 0));
  std::vector<float> n = f32Values(filled("normal", {3}, 0));
  EXPECT_EQ(
      u, (std::vector<float>{0x1.33d8bep-1f, 0x1.7edc3ep-1f, 0x1.a5f84p-4f}));
  EXPECT_EQ(
      n, (std::vector<float>{-0x1.36b8fp-6f, -0x1.5b1e3ep+0f, -0x1.9d691p-2f}));
}

// Tests that unknown names list the known ones.
TEST(InitTest, UnknownInitializer) {
  Tensor t = filled("zeros", {2});
  EXPECT_EQ(errorOf(fillInitializer("glorot", 0, t)),
            "unknown initializer 'glorot' (expected one of zeros, ones, "
            "normal, uniform, xavier_uniform, xavier_normal, he_uniform, "
            "he_normal)");
}

// Tests that random initializers refuse integer tensors.
TEST(InitTest, RandomNeedsFloat) {
  Tensor t = filled("zeros", {2}, 0, DType::I32);
  EXPECT_EQ(errorOf(fillInitializer("normal", 0, t)),
            "initializer 'normal' needs an f32 or f64 tensor, got i32");
}

const int64_t kDynamic[] = {-1, 3};
const int64_t kTwoByThree[] = {2, 3};

// Tests that initialize() creates the described tensor, zeros without init.
TEST(InitTest, InitializeFromDescriptor) {
  nnc_tensor_desc_t desc = {"w", NNC_DTYPE_F64, NNC_ROLE_PARAM,
                            2,   kTwoByThree,   nullptr};
  Tensor t;
  ASSERT_TRUE(initialize(desc, 0, t).ok());
  EXPECT_EQ(t.dtype(), DType::F64);
  EXPECT_EQ(t.shape(), (std::vector<int64_t>{2, 3}));
  EXPECT_EQ(t.data<double>()[5], 0.0);
}

// Tests that a dynamic size cannot be initialized.
TEST(InitTest, InitializeRejectsDynamicSize) {
  nnc_tensor_desc_t desc = {"w", NNC_DTYPE_F32, NNC_ROLE_PARAM,
                            2,   kDynamic,      "ones"};
  Tensor t;
  EXPECT_EQ(errorOf(initialize(desc, 0, t)),
            "'w': cannot initialize f32 [?, 3], which has a dynamic size");
}

// Tests that initializeParameters() fills params and state from per-index
// streams and leaves the inputs to the caller.
TEST(InitTest, InitializeParametersOfEntry) {
  Executable exe = loadModel();
  const nnc_entry_desc_t *entry = nullptr;
  ASSERT_TRUE(exe.findEntry("linear_count", entry).ok());
  std::vector<Tensor> args;
  ASSERT_TRUE(initializeParameters(*entry, 5, args).ok());
  ASSERT_EQ(args.size(), 4u);
  EXPECT_TRUE(args[0].isNull());
  EXPECT_TRUE(args[1].isNull());
  Tensor w;
  ASSERT_TRUE(initialize(entry->args[2], deriveSeed(5, 2), w).ok());
  EXPECT_EQ(f32Values(args[2]), f32Values(w));
  EXPECT_EQ(f32Values(args[3]), std::vector<float>(3, 1.0f));
  EXPECT_NE(deriveSeed(5, 2), deriveSeed(5, 3));
  EXPECT_NE(deriveSeed(5, 2), deriveSeed(6, 2));
}

} // namespace
