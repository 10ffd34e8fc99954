//===- ExecutableTest.cpp - Loading models and calling their entries ------===//
//
// Runs the hand-written model of fixtures/model.c, which poisons its outputs
// when the runtime breaks an ABI promise (memref layout, arena alignment).
//
//===----------------------------------------------------------------------===//

#include "RuntimeTestUtil.h"

#include <nnc/Executable.h>

#include <gtest/gtest.h>

#include <string>
#include <unistd.h>

using namespace nnc;
using namespace nnc::test;

namespace {

/// The arguments of scale_add at batch size n: x[i] = i, b = 10, 20, 30, 40.
std::vector<Tensor> scaleAddArgs(int64_t n) {
  return {iotaTensor(DType::F32, {n, 4}), f32Tensor({4}, {10, 20, 30, 40})};
}

std::vector<float> expectedScaleAdd(int64_t n, float start = 0) {
  std::vector<float> values;
  for (int64_t i = 0; i < n * 4; ++i)
    values.push_back(2 * (start + float(i)) + 10.0f * float(i % 4 + 1));
  return values;
}

// Tests that a loaded model lists its entries in descriptor order.
TEST(ExecutableTest, LoadListsEntries) {
  Executable exe = loadModel();
  EXPECT_EQ(exe.entryNames(),
            (std::vector<std::string>{"scale_add", "linear_count"}));
  EXPECT_STREQ(exe.descriptor()->producer, "hand-written test fixture");
  const nnc_entry_desc_t *entry = nullptr;
  ASSERT_TRUE(exe.findEntry("linear_count", entry).ok());
  EXPECT_EQ(entry->num_args, 4u);
}

class ScaleAddBatchTest : public testing::TestWithParam<int64_t> {};

// Tests that y = 2x + b comes out right, shaped [N, 4], for several N.
TEST_P(ScaleAddBatchTest, ComputesTwoXPlusB) {
  int64_t n = GetParam();
  Executable exe = loadModel();
  std::vector<Tensor> results;
  Status status = exe.call("scale_add", scaleAddArgs(n), results);
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].shape(), (std::vector<int64_t>{n, 4}));
  EXPECT_EQ(f32Values(results[0]), expectedScaleAdd(n));
}

INSTANTIATE_TEST_SUITE_P(Batch, ScaleAddBatchTest, testing::Values(1, 3, 7));

// Tests that an entry with a 0-d i64 result and a second result fills both.
TEST(ExecutableTest, MultipleResultsIncludingScalar) {
  Executable exe = loadModel();
  std::vector<Tensor> args = {f32Tensor({2, 2}, {1, 2, 3, 4}),
                              iotaTensor(DType::I64, {2}, 5),
                              f32Tensor({3, 2}, {1, 0, 0, 1, 1, 1}),
                              f32Tensor({3}, {0.5f, 0.5f, 0.5f})};
  std::vector<Tensor> results;
  ASSERT_TRUE(exe.call("linear_count", args, results).ok());
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].dtype(), DType::I64);
  EXPECT_TRUE(results[0].shape().empty());
  EXPECT_EQ(results[0].data<int64_t>()[0], 11);
  EXPECT_EQ(f32Values(results[1]),
            (std::vector<float>{1.5f, 2.5f, 3.5f, 3.5f, 4.5f, 7.5f}));
}

// Tests that passing the results back writes into the same buffers.
TEST(ExecutableTest, SteadyStateWritesResultsInPlace) {
  Executable exe = loadModel();
  std::vector<Tensor> results;
  ASSERT_TRUE(exe.call("scale_add", scaleAddArgs(3), results).ok());
  void *first = results[0].data();
  std::vector<Tensor> args = {iotaTensor(DType::F32, {3, 4}, 100),
                              f32Tensor({4}, {10, 20, 30, 40})};
  ASSERT_TRUE(exe.call("scale_add", args, results).ok());
  EXPECT_EQ(results[0].data(), first);
  EXPECT_EQ(f32Values(results[0]), expectedScaleAdd(3, 100));
}

// Tests that preallocated caller memory (borrowed) receives the results.
TEST(ExecutableTest, WritesIntoBorrowedResults) {
  Executable exe = loadModel();
  float out[8] = {};
  std::vector<Tensor> results = {Tensor::borrow(DType::F32, {2, 4}, out)};
  ASSERT_TRUE(exe.call("scale_add", scaleAddArgs(2), results).ok());
  EXPECT_EQ(results[0].data(), out);
  EXPECT_EQ(std::vector<float>(out, out + 8), expectedScaleAdd(2));
}

// Tests that a result of the wrong shape, or too many results, are replaced.
TEST(ExecutableTest, ReplacesMismatchedResults) {
  Executable exe = loadModel();
  Tensor wrong = iotaTensor(DType::F32, {3, 4});
  std::vector<Tensor> results = {wrong, wrong};
  ASSERT_TRUE(exe.call("scale_add", scaleAddArgs(2), results).ok());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_NE(results[0].data(), wrong.data());
  EXPECT_EQ(f32Values(results[0]), expectedScaleAdd(2));
  EXPECT_EQ(wrong.data<float>()[1], 1.0f); // untouched
}

// Tests that a result aliasing an argument is not written in place, since
// the compiled code may still read the argument.
TEST(ExecutableTest, ReplacesResultThatAliasesAnArgument) {
  Executable exe = loadModel();
  std::vector<Tensor> args = scaleAddArgs(2);
  std::vector<Tensor> results = {args[0]};
  ASSERT_TRUE(exe.call("scale_add", args, results).ok());
  EXPECT_NE(results[0].data(), args[0].data());
  EXPECT_EQ(args[0].data<float>()[7], 7.0f);
  EXPECT_EQ(f32Values(results[0]), expectedScaleAdd(2));
}

// Tests that a batch of 0 yields empty results without touching data.
TEST(ExecutableTest, EmptyBatch) {
  Executable exe = loadModel();
  std::vector<Tensor> results;
  ASSERT_TRUE(exe.call("scale_add", scaleAddArgs(0), results).ok());
  EXPECT_EQ(results[0].shape(), (std::vector<int64_t>{0, 4}));
}

// Tests that the arena holds arena_bytes + arena_bytes_per_batch * N, grows
// for a larger batch and is kept for a smaller one.
TEST(ExecutableTest, ArenaGrowsOnlyWhenNeeded) {
  Executable exe = loadModel();
  std::vector<Tensor> results;
  EXPECT_EQ(exe.arenaCapacity("scale_add"), 0u);
  ASSERT_TRUE(exe.call("scale_add", scaleAddArgs(1), results).ok());
  size_t small = exe.arenaCapacity("scale_add");
  EXPECT_GE(small, 64u + 16u);
  ASSERT_TRUE(exe.call("scale_add", scaleAddArgs(7), results).ok());
  size_t large = exe.arenaCapacity("scale_add");
  EXPECT_GE(large, 64u + 16u * 7);
  EXPECT_GT(large, small);
  ASSERT_TRUE(exe.call("scale_add", scaleAddArgs(3), results).ok());
  EXPECT_EQ(exe.arenaCapacity("scale_add"), large);
  EXPECT_EQ(f32Values(results[0]), expectedScaleAdd(3));
}

// Tests that a copy shares the code but starts with its own empty arenas,
// which is what lets one copy per thread call concurrently.
TEST(ExecutableTest, CopiesHaveTheirOwnArenas) {
  Executable exe = loadModel();
  std::vector<Tensor> results;
  ASSERT_TRUE(exe.call("scale_add", scaleAddArgs(7), results).ok());
  Executable copy = exe;
  EXPECT_EQ(copy.descriptor(), exe.descriptor());
  EXPECT_EQ(copy.arenaCapacity("scale_add"), 0u);
  ASSERT_TRUE(copy.call("scale_add", scaleAddArgs(1), results).ok());
  EXPECT_LT(copy.arenaCapacity("scale_add"), exe.arenaCapacity("scale_add"));
}

// Tests that a path without '/' names a file in the current directory (dlopen
// alone would search the library path).
TEST(ExecutableTest, LoadsBareFileNameFromCurrentDirectory) {
  std::string path = kModelSo;
  size_t slash = path.rfind('/');
  char previous[4096];
  ASSERT_NE(::getcwd(previous, sizeof(previous)), nullptr);
  ASSERT_EQ(::chdir(path.substr(0, slash).c_str()), 0);
  Executable exe;
  Status status = Executable::load(path.substr(slash + 1), exe);
  ASSERT_EQ(::chdir(previous), 0);
  EXPECT_TRUE(status.ok()) << status.message();
}

/// A JIT-style model living in this binary: one entry that copies x to y.
void copyInvoke(void **args, void *) {
  auto *x = static_cast<float **>(args[0]);
  auto *y = static_cast<float **>(args[1]);
  y[1][0] = x[1][0];
}
const int64_t kOne[] = {1};
const nnc_tensor_desc_t kCopyArg = {"x", NNC_DTYPE_F32, NNC_ROLE_INPUT,
                                    1,   kOne,          nullptr};
const nnc_tensor_desc_t kCopyResult = {"y", NNC_DTYPE_F32, NNC_ROLE_RESULT,
                                       1,   kOne,          nullptr};
const nnc_entry_desc_t kCopyEntry = {"copy",       1, 1, &kCopyArg,
                                     &kCopyResult, 0, 0, copyInvoke};
const nnc_model_desc_t kCopyModel = {NNC_ABI_VERSION, 1, &kCopyEntry, "test"};

// Tests that fromDescriptor() calls in-process code and holds keepAlive
// until the last copy of the executable dies.
TEST(ExecutableTest, FromDescriptorHoldsKeepAlive) {
  auto keepAlive = std::make_shared<int>(0);
  std::weak_ptr<int> watch = keepAlive;
  {
    Executable exe;
    ASSERT_TRUE(Executable::fromDescriptor(&kCopyModel, keepAlive, exe).ok());
    keepAlive.reset();
    Executable copy = exe;
    exe = Executable();
    std::vector<Tensor> results;
    ASSERT_TRUE(copy.call("copy", {f32Tensor({1}, {3.5f})}, results).ok());
    EXPECT_EQ(results[0].data<float>()[0], 3.5f);
    EXPECT_FALSE(watch.expired());
  }
  EXPECT_TRUE(watch.expired());
}

} // namespace
