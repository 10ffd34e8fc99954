//===- ExamplesTest.cpp - every example, JIT and AOT, vs the interpreter --===//
//
// Each model of examples/ is compiled twice: in process (nnc::Compiler, JIT)
// and by the nnc tool into a .so that nnc::Executable::load opens (AOT).
// Every public function then runs at batch 1 and 5 on parameters from
// nnc::initializeParameters and random inputs, and both compiled results
// are compared with one interpreter run.
//
// Tolerance rtol 1e-4, atol 1e-4: a whole network chains up to eight layers
// whose f32 sums (up to 400 terms) round in another order than the
// interpreter's doubles, and each layer passes its error on.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"

#include <nnc/Init.h>

#include <algorithm>
#include <map>

using namespace nnc;
using namespace nnc::e2e;

namespace {

const Tolerance kNetwork{1e-4, 1e-4};
const std::vector<int64_t> kExampleBatches = {1, 5};
// Every classifier among the examples has 10 classes.
const int64_t kClasses = 10;

std::string examplePath(const std::string &name) {
  return std::string(NNC_EXAMPLES_DIR) + "/" + name + ".mlir";
}

/// An example compiled in process, once per run of the binary.
CompiledModel *jitExample(const std::string &name) {
  static auto *cache = new std::map<std::string, CompiledModel>();
  auto [found, added] = cache->try_emplace(name);
  if (added)
    compileFileJit(examplePath(name), found->second);
  if (found->second.executable.isNull()) {
    ADD_FAILURE() << "the example " << name << " did not compile (JIT)";
    return nullptr;
  }
  return &found->second;
}

/// An example compiled by the nnc tool and loaded from its .so, once per run
/// of the binary; its reference is parsed from the same source.
CompiledModel *aotExample(const std::string &name) {
  static auto *cache = new std::map<std::string, CompiledModel>();
  auto [found, added] = cache->try_emplace(name);
  CompiledModel &model = found->second;
  if (added) {
    parseFile(examplePath(name), model.reference);
    // The loaded library stays mapped after its file is removed.
    TempDir dir;
    std::string so = dir.file(name + ".so");
    compileWithTool(examplePath(name), so);
    Status status = Executable::load(so, model.executable);
    EXPECT_TRUE(status.ok()) << status.message();
  }
  if (!model.reference || model.executable.isNull()) {
    ADD_FAILURE() << "the example " << name << " did not compile (AOT)";
    return nullptr;
  }
  return &model;
}

/// Inputs by kind: images and targets in [0, 1), labels in [0, 10), seeds 7.
std::vector<Fill> inputFills(const nnc_entry_desc_t &entry) {
  std::vector<Fill> fills;
  for (uint32_t i = 0; i < entry.num_args; ++i) {
    const nnc_tensor_desc_t &arg = entry.args[i];
    bool isFloat = arg.dtype == NNC_DTYPE_F32 || arg.dtype == NNC_DTYPE_F64;
    if (isFloat)
      fills.push_back(Fill::uniform(0, 1));
    else if (arg.rank == 0)
      fills.push_back(Fill::constant(7));
    else
      fills.push_back(Fill::labels(kClasses));
  }
  return fills;
}

/// Compares `entry` with the interpreter at `batch`, including the count
/// of results against the function's type.
void checkExampleEntry(CompiledModel &model, mlir::func::FuncOp function,
                       int64_t batch) {
  std::string entry = function.getSymName().str();
  SCOPED_TRACE("@" + entry + " at batch " + std::to_string(batch));
  const nnc_entry_desc_t *desc = nullptr;
  Status status = model.executable.findEntry(entry, desc);
  ASSERT_TRUE(status.ok()) << status.message();
  std::vector<Tensor> args;
  status = initializeParameters(*desc, 42, args);
  ASSERT_TRUE(status.ok()) << status.message();
  fillInputs(model.executable, entry, batch, inputFills(*desc), 100 + batch,
             args);
  std::vector<interp::RefTensor> expected = interpret(model, entry, args);
  std::vector<Tensor> actual = runCompiled(model.executable, entry, args);
  ASSERT_EQ(expected.size(), function.getNumResults());
  ASSERT_EQ(actual.size(), function.getNumResults());
  for (size_t i = 0; i < actual.size(); ++i)
    expectNear(actual[i], expected[i], kNetwork, "result " + std::to_string(i));
}

/// The public functions of the model's source.
std::vector<mlir::func::FuncOp> publicFunctions(CompiledModel &model) {
  std::vector<mlir::func::FuncOp> functions;
  for (auto function : model.reference->getOps<mlir::func::FuncOp>())
    if (function.isPublic())
      functions.push_back(function);
  return functions;
}

/// Expects one entry per public function, and each to match the interpreter
/// at every batch size.
void checkExample(CompiledModel *model) {
  ASSERT_NE(model, nullptr);
  std::vector<std::string> names;
  for (mlir::func::FuncOp function : publicFunctions(*model))
    names.push_back(function.getSymName().str());
  std::vector<std::string> entries = model->executable.entryNames();
  std::sort(names.begin(), names.end());
  std::sort(entries.begin(), entries.end());
  EXPECT_EQ(entries, names);
  for (mlir::func::FuncOp function : publicFunctions(*model))
    for (int64_t batch : kExampleBatches)
      checkExampleEntry(*model, function, batch);
}

class ExampleTest : public testing::TestWithParam<const char *> {};

// Tests every public function compiled in process (nnc::Compiler) at batch 1
// and 5.
TEST_P(ExampleTest, JitMatchesInterpreter) {
  checkExample(jitExample(GetParam()));
}

// Tests every public function of the .so the nnc tool writes, loaded with
// nnc::Executable::load, at batch 1 and 5.
TEST_P(ExampleTest, AotMatchesInterpreter) {
  checkExample(aotExample(GetParam()));
}

// resnet_block's @forward and @training_forward return two heads; the
// result counts are checked against each function's type.
INSTANTIATE_TEST_SUITE_P(Examples, ExampleTest,
                         testing::Values("xor", "mlp", "lenet", "alexnet_small",
                                         "resnet_block"),
                         [](const testing::TestParamInfo<const char *> &info) {
                           return std::string(info.param);
                         });

} // namespace
