//===- ExecutableErrorTest.cpp - Every load and call error ----------------===//
//
// Each error must be a Status naming the file or entry, the argument and the
// numbers, never a crash; a rejected call runs no compiled code.
//
//===----------------------------------------------------------------------===//

#include "NpyTestUtil.h"
#include "RuntimeTestUtil.h"

#include <nnc/Executable.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

using namespace nnc;
using namespace nnc::test;

namespace {

std::string loadError(const std::string &path) {
  Executable exe;
  return errorOf(Executable::load(path, exe));
}

std::string callError(const std::string &entry, std::vector<Tensor> args) {
  Executable exe = loadModel();
  std::vector<Tensor> results;
  return errorOf(exe.call(entry, args, results));
}

Tensor b4() { return f32Tensor({4}, {1, 2, 3, 4}); }

// Tests that a missing file is reported with its cause.
TEST(ExecutableLoadErrorTest, MissingFile) {
  EXPECT_EQ(loadError("/nonexistent/model.so"),
            "/nonexistent/model.so: cannot open: No such file or directory");
}

// Tests that random bytes are reported as unloadable, not crashed on.
TEST(ExecutableLoadErrorTest, CorruptFile) {
  TempDir dir;
  std::vector<uint8_t> bytes(4096);
  uint64_t state = 12345;
  for (uint8_t &byte : bytes) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    byte = uint8_t(state >> 56);
  }
  std::string path = dir.file("corrupt.so");
  writeBytes(path, bytes);
  std::string error = loadError(path);
  EXPECT_TRUE(startsWith(error, path + ": cannot load: "));
  EXPECT_NE(error.find("invalid ELF header"), std::string::npos) << error;
}

// Tests that a truncated ELF file (a valid header, missing the rest) is
// reported, not crashed on.
TEST(ExecutableLoadErrorTest, TruncatedElf) {
  TempDir dir;
  std::vector<uint8_t> bytes = readBytes(kModelSo);
  ASSERT_GT(bytes.size(), 200u);
  bytes.resize(200);
  std::string path = dir.file("truncated.so");
  writeBytes(path, bytes);
  EXPECT_TRUE(startsWith(loadError(path), path + ": cannot load: "));
}

// Tests that a shared library without the descriptor symbol is named as not
// being an nnc model.
TEST(ExecutableLoadErrorTest, NoDescriptorSymbol) {
  EXPECT_EQ(loadError(kNoSymbolSo),
            std::string(kNoSymbolSo) +
                ": not an nnc model (no nnc_model_descriptor symbol)");
}

// Tests that an ABI version mismatch asks for recompilation.
TEST(ExecutableLoadErrorTest, AbiVersionMismatch) {
  EXPECT_EQ(loadError(kBadAbiSo),
            std::string(kBadAbiSo) + ": compiled for nnc ABI version " +
                std::to_string(NNC_ABI_VERSION + 98) +
                ", this runtime supports " + std::to_string(NNC_ABI_VERSION) +
                "; recompile the model");
}

// Tests that a malformed descriptor is rejected at load time.
TEST(ExecutableLoadErrorTest, MalformedDescriptor) {
  EXPECT_EQ(loadError(kBadDescSo),
            std::string(kBadDescSo) +
                ": entry 'broken': argument #0 has unknown dtype code 17");
}

// Tests that fromDescriptor() rejects a null descriptor.
TEST(ExecutableLoadErrorTest, NullDescriptor) {
  Executable exe;
  EXPECT_EQ(errorOf(Executable::fromDescriptor(nullptr, nullptr, exe)),
            "the model descriptor is null");
  EXPECT_TRUE(exe.isNull());
}

void noop(void **, void *) {}

// Tests that a dynamic result size that no argument can bind is rejected.
TEST(ExecutableLoadErrorTest, UnboundBatchSize) {
  static const int64_t kFour[] = {4}, kDynamic[] = {-1, 4};
  static const nnc_tensor_desc_t kArg = {"x", NNC_DTYPE_F32, NNC_ROLE_INPUT,
                                         1,   kFour,         nullptr};
  static const nnc_tensor_desc_t kResult = {"y", NNC_DTYPE_F32, NNC_ROLE_RESULT,
                                            2,   kDynamic,      nullptr};
  static const nnc_entry_desc_t kEntry = {"f",      1, 1, &kArg,
                                          &kResult, 0, 0, noop};
  static const nnc_model_desc_t kModel = {NNC_ABI_VERSION, 1, &kEntry, "t"};
  Executable exe;
  EXPECT_EQ(errorOf(Executable::fromDescriptor(&kModel, nullptr, exe)),
            "entry 'f': result #0 'y' has a dynamic size but no argument has "
            "one to bind the batch size");
}

// Tests that an unknown entry lists the available ones.
TEST(ExecutableCallErrorTest, UnknownEntry) {
  EXPECT_EQ(callError("backward", {}),
            "unknown entry 'backward' (available: scale_add, linear_count)");
  Executable exe;
  std::vector<Tensor> results;
  EXPECT_EQ(errorOf(exe.call("forward", {}, results)),
            "unknown entry 'forward' (no model is loaded)");
}

// Tests that the argument count is checked.
TEST(ExecutableCallErrorTest, WrongArgumentCount) {
  EXPECT_EQ(callError("scale_add", {b4()}),
            "scale_add: expects 2 arguments, got 1");
}

// Tests that the dtype is checked.
TEST(ExecutableCallErrorTest, WrongDtype) {
  EXPECT_EQ(callError("scale_add", {iotaTensor(DType::F64, {2, 4}), b4()}),
            "scale_add: argument #0 'x' expects f32 [?, 4], got f64 [2, 4]");
}

// Tests that the rank is checked.
TEST(ExecutableCallErrorTest, WrongRank) {
  EXPECT_EQ(callError("scale_add", {iotaTensor(DType::F32, {8}), b4()}),
            "scale_add: argument #0 'x' expects f32 [?, 4], got f32 [8]");
}

// Tests that static sizes are checked, dynamic ones are not.
TEST(ExecutableCallErrorTest, WrongStaticSize) {
  EXPECT_EQ(callError("scale_add", {iotaTensor(DType::F32, {2, 5}), b4()}),
            "scale_add: argument #0 'x' expects f32 [?, 4], got f32 [2, 5]");
  EXPECT_EQ(callError("scale_add", {iotaTensor(DType::F32, {2, 4}),
                                    iotaTensor(DType::F32, {5})}),
            "scale_add: argument #1 'b' expects f32 [4], got f32 [5]");
}

// Tests that a null handle is an error, not a null dereference.
TEST(ExecutableCallErrorTest, NullArgument) {
  EXPECT_EQ(callError("scale_add", {iotaTensor(DType::F32, {2, 4}), Tensor()}),
            "scale_add: argument #1 'b' expects f32 [4], got a null tensor");
}

// Tests that all dynamic sizes must agree on one batch size.
TEST(ExecutableCallErrorTest, InconsistentBatch) {
  EXPECT_EQ(
      callError("linear_count",
                {iotaTensor(DType::F32, {2, 2}), iotaTensor(DType::I64, {3}),
                 iotaTensor(DType::F32, {3, 2}), iotaTensor(DType::F32, {3})}),
      "linear_count: argument #1 'labels' has batch size 3 in "
      "dimension 0, but argument #0 'a' has batch size 2");
}

// Tests that a rejected call leaves preallocated results untouched.
TEST(ExecutableCallErrorTest, RejectedCallRunsNothing) {
  Executable exe = loadModel();
  Tensor out = iotaTensor(DType::F32, {2, 4}, 5);
  std::vector<Tensor> results = {out};
  EXPECT_FALSE(
      exe.call("scale_add", {iotaTensor(DType::I32, {2, 4}), b4()}, results)
          .ok());
  EXPECT_EQ(results[0].data(), out.data());
  EXPECT_EQ(out.data<float>()[0], 5.0f);
  EXPECT_EQ(exe.arenaCapacity("scale_add"), 0u);
}

} // namespace
