//===- AbiErrorTest.cpp - bad calls and bad libraries, on a real model ----===//
//
// A model compiled by the nnc tool is loaded with nnc::Executable::load and
// called wrongly in every way the signature check covers: each mistake must
// come back as a Status naming the entry, the argument and the numbers,
// never as a crash. Libraries that are not nnc models must be refused the
// same way. The last tests check the steady state of correct calls: results
// passed back are written in place.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

#include <nnc/Init.h>

#include <fstream>
#include <random>

using namespace nnc;
using namespace nnc::e2e;

namespace {

const char *const kModel = R"mlir(
func.func @forward(%x: tensor<?x4xf32>, %w: tensor<3x4xf32> {nn.param}, %b: tensor<3xf32> {nn.param}) -> tensor<?x3xf32> {
  %z = nn.linear %x, %w : tensor<?x4xf32>, tensor<3x4xf32>
  %y = nn.bias_add %z, %b : tensor<?x3xf32>, tensor<3xf32>
  return %y : tensor<?x3xf32>
}

func.func @loss(%x: tensor<?x4xf32>, %labels: tensor<?xi64>, %w: tensor<3x4xf32> {nn.param}, %b: tensor<3xf32> {nn.param}) -> tensor<f32> {
  %y = call @forward(%x, %w, %b) : (tensor<?x4xf32>, tensor<3x4xf32>, tensor<3xf32>) -> tensor<?x3xf32>
  %l = nn.softmax_cross_entropy %y, %labels : tensor<?x3xf32>, tensor<?xi64>
  return %l : tensor<f32>
}
)mlir";

/// The model above compiled by the nnc tool and loaded, once per run.
Executable &model() {
  static Executable *executable = [] {
    auto *loaded = new Executable();
    TempDir dir;
    std::string source = dir.file("model.mlir");
    std::ofstream(source) << kModel;
    std::string so = dir.file("model.so");
    compileWithTool(source, so);
    Status status = Executable::load(so, *loaded);
    EXPECT_TRUE(status.ok()) << status.message();
    return loaded;
  }();
  return *executable;
}

Tensor tensor(DType dtype, std::vector<int64_t> shape) {
  Tensor out;
  Status status = Tensor::create(dtype, std::move(shape), out);
  EXPECT_TRUE(status.ok()) << status.message();
  return out;
}

/// Valid arguments of @forward (batch 2), for a test to spoil one of.
std::vector<Tensor> forwardArgs() {
  return {tensor(DType::F32, {2, 4}), tensor(DType::F32, {3, 4}),
          tensor(DType::F32, {3})};
}

/// The error of a call that must fail.
std::string callError(const std::string &entry,
                      const std::vector<Tensor> &args) {
  Executable &executable = model();
  if (executable.isNull())
    return "<no model>";
  std::vector<Tensor> results;
  Status status = executable.call(entry, args, results);
  EXPECT_FALSE(status.ok()) << "the call unexpectedly succeeded";
  return status.message();
}

std::string loadError(const std::string &path) {
  Executable executable;
  Status status = Executable::load(path, executable);
  EXPECT_FALSE(status.ok()) << path << " unexpectedly loaded";
  EXPECT_TRUE(executable.isNull());
  return status.message();
}

// Tests that a wrong argument count names the entry and both counts.
TEST(AbiCallErrorTest, WrongArgumentCount) {
  std::vector<Tensor> args = forwardArgs();
  args.pop_back();
  EXPECT_EQ(callError("forward", args), "forward: expects 3 arguments, got 2");
}

// Tests that a wrong dtype names the argument and both types.
TEST(AbiCallErrorTest, WrongDtype) {
  std::vector<Tensor> args = forwardArgs();
  args[1] = tensor(DType::F64, {3, 4});
  EXPECT_EQ(callError("forward", args),
            "forward: argument #1 'arg1' expects f32 [3, 4], got f64 [3, 4]");
}

// Tests that integer labels of the wrong width are refused.
TEST(AbiCallErrorTest, WrongLabelDtype) {
  std::vector<Tensor> args = forwardArgs();
  args.insert(args.begin() + 1, tensor(DType::F32, {2}));
  EXPECT_EQ(callError("loss", args),
            "loss: argument #1 'arg1' expects i64 [?], got f32 [2]");
}

// Tests that a wrong rank names the argument and both shapes.
TEST(AbiCallErrorTest, WrongRank) {
  std::vector<Tensor> args = forwardArgs();
  args[0] = tensor(DType::F32, {2, 4, 1});
  EXPECT_EQ(
      callError("forward", args),
      "forward: argument #0 'arg0' expects f32 [?, 4], got f32 [2, 4, 1]");
}

// Tests that a wrong static size is refused.
TEST(AbiCallErrorTest, WrongStaticSize) {
  std::vector<Tensor> args = forwardArgs();
  args[2] = tensor(DType::F32, {4});
  EXPECT_EQ(callError("forward", args),
            "forward: argument #2 'arg2' expects f32 [3], got f32 [4]");
}

// Tests that a wrong static size next to the batch is refused.
TEST(AbiCallErrorTest, WrongStaticSizeBesideBatch) {
  std::vector<Tensor> args = forwardArgs();
  args[0] = tensor(DType::F32, {2, 5});
  EXPECT_EQ(callError("forward", args),
            "forward: argument #0 'arg0' expects f32 [?, 4], got f32 [2, 5]");
}

// Tests that two arguments disagreeing on the batch size are refused, with
// both sizes named.
TEST(AbiCallErrorTest, InconsistentBatchSizes) {
  std::vector<Tensor> args = forwardArgs();
  args.insert(args.begin() + 1, tensor(DType::I64, {3}));
  EXPECT_EQ(callError("loss", args),
            "loss: argument #1 'arg1' has batch size 3 in dimension 0, but "
            "argument #0 'arg0' has batch size 2");
}

// Tests that a null tensor argument is refused.
TEST(AbiCallErrorTest, NullArgument) {
  std::vector<Tensor> args = forwardArgs();
  args[1] = Tensor();
  EXPECT_EQ(
      callError("forward", args),
      "forward: argument #1 'arg1' expects f32 [3, 4], got a null tensor");
}

// Tests that an unknown entry lists the available ones.
TEST(AbiCallErrorTest, UnknownEntryListsAvailable) {
  std::string error = callError("predict", forwardArgs());
  EXPECT_NE(error.find("unknown entry 'predict'"), std::string::npos) << error;
  EXPECT_NE(error.find("forward"), std::string::npos) << error;
  EXPECT_NE(error.find("loss"), std::string::npos) << error;
}

// Tests that a failed call leaves the executable usable.
TEST(AbiCallErrorTest, UsableAfterError) {
  callError("forward", {});
  std::vector<Tensor> results;
  Status status = model().call("forward", forwardArgs(), results);
  EXPECT_TRUE(status.ok()) << status.message();
}

// Tests that a file of random bytes named .so is refused as unloadable.
TEST(AbiLoadErrorTest, CorruptLibrary) {
  TempDir dir;
  std::string path = dir.file("corrupt.so");
  std::mt19937_64 rng(5);
  std::ofstream file(path, std::ios::binary);
  for (int i = 0; i < 4096; ++i)
    file.put(char(rng()));
  file.close();
  std::string error = loadError(path);
  EXPECT_EQ(error.rfind(path + ": cannot load: ", 0), 0u) << error;
}

// Tests that a real compiled model cut in half is refused, not crashed on.
TEST(AbiLoadErrorTest, TruncatedModel) {
  TempDir dir;
  std::string source = dir.file("model.mlir");
  std::ofstream(source) << kModel;
  std::string so = dir.file("model.so");
  ASSERT_NO_FATAL_FAILURE(compileWithTool(source, so));
  std::ifstream in(so, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)),
                    std::istreambuf_iterator<char>());
  std::string cut = dir.file("cut.so");
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  std::string error = loadError(cut);
  EXPECT_EQ(error.rfind(cut + ": ", 0), 0u) << error;
}

// Tests that a shared library that is not an nnc model says so.
TEST(AbiLoadErrorTest, ForeignLibrary) {
  const char *libm = "/usr/lib/x86_64-linux-gnu/libm.so.6";
  if (!std::ifstream(libm))
    GTEST_SKIP() << libm << " is not on this system";
  EXPECT_EQ(loadError(libm), std::string(libm) +
                                 ": not an nnc model (no "
                                 "nnc_model_descriptor symbol)");
}

// Tests that a missing file is reported with its cause.
TEST(AbiLoadErrorTest, MissingFile) {
  EXPECT_EQ(loadError("/nonexistent/model.so"),
            "/nonexistent/model.so: cannot open: No such file or directory");
}

// Tests that a second call with the first call's results writes them in
// place (same buffers), with the second call's values.
TEST(AbiSteadyStateTest, PreallocatedResultsWrittenInPlace) {
  Executable &executable = model();
  ASSERT_FALSE(executable.isNull());
  const nnc_entry_desc_t *desc = nullptr;
  ASSERT_TRUE(executable.findEntry("forward", desc).ok());
  std::vector<Tensor> args;
  ASSERT_TRUE(initializeParameters(*desc, 3, args).ok());
  std::vector<Tensor> results;
  fillInputs(executable, "forward", 5, {}, 1, args);
  ASSERT_TRUE(executable.call("forward", args, results).ok());
  ASSERT_EQ(results.size(), 1u);
  void *buffer = results[0].data();
  size_t arena = executable.arenaCapacity("forward");
  fillInputs(executable, "forward", 5, {}, 2, args);
  Status status = executable.call("forward", args, results);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(results[0].data(), buffer);
  EXPECT_EQ(executable.arenaCapacity("forward"), arena);
  CompiledModel reference;
  ASSERT_NO_FATAL_FAILURE(parseSource(kModel, reference.reference));
  std::vector<interp::RefTensor> expected =
      interpret(reference, "forward", args);
  ASSERT_EQ(expected.size(), 1u);
  expectNear(results[0], expected[0], {}, "second call");
}

// Tests that a result of another batch size is replaced, not written out
// of bounds.
TEST(AbiSteadyStateTest, ResultOfOtherBatchReplaced) {
  Executable &executable = model();
  ASSERT_FALSE(executable.isNull());
  std::vector<Tensor> args = forwardArgs();
  std::vector<Tensor> results = {tensor(DType::F32, {7, 3})};
  void *stale = results[0].data();
  ASSERT_TRUE(executable.call("forward", args, results).ok());
  ASSERT_EQ(results.size(), 1u);
  EXPECT_NE(results[0].data(), stale);
  EXPECT_EQ(results[0].shape(), (std::vector<int64_t>{2, 3}));
}

} // namespace
