//===- TrainXorTest.cpp - XOR learned through the JIT ---------------------===//
//
// The course's acceptance example: examples/xor.mlir's @loss_train_step is
// JIT-compiled with nnc::Compiler and called in a loop on the four XOR
// points, its params and optimizer state updated in place by each call,
// until @forward classifies all four correctly. The caller does only what
// the contract asks: initialize the params, zero the optimizer state, call.
//
//===----------------------------------------------------------------------===//

#include "compiler/driver/Compiler.h"

#include <nnc/Init.h>

#include <gtest/gtest.h>

#include <cstring>

using namespace nnc;

namespace {

Tensor f32Tensor(std::vector<int64_t> shape, const std::vector<float> &values) {
  Tensor tensor;
  EXPECT_TRUE(Tensor::create(DType::F32, std::move(shape), tensor).ok());
  std::memcpy(tensor.data(), values.data(), values.size() * sizeof(float));
  return tensor;
}

/// Zero-filled tensors for the arguments initializeParameters leaves empty
/// (optimizer state: the contract says it starts at zero).
void zeroFillState(const nnc_entry_desc_t &entry, std::vector<Tensor> &args) {
  for (uint32_t i = 0; i < entry.num_args; ++i)
    if (entry.args[i].role == NNC_ROLE_OPT_STATE)
      ASSERT_TRUE(Tensor::create(DType::F32,
                                 std::vector<int64_t>(entry.args[i].shape,
                                                      entry.args[i].shape +
                                                          entry.args[i].rank),
                                 args[i])
                      .ok());
}

/// How many of the four points @forward classifies right with the params
/// args[2..5] of the train step.
int correctPredictions(Executable &model, const std::vector<Tensor> &args,
                       const std::vector<float> &targets) {
  std::vector<Tensor> forwardArgs = {args[0], args[2], args[3], args[4],
                                     args[5]},
                      results;
  EXPECT_TRUE(model.call("forward", forwardArgs, results).ok());
  const float *p = results[0].data<float>();
  int correct = 0;
  for (int i = 0; i < 4; ++i)
    correct += (p[i] > 0.5f) == (targets[i] > 0.5f);
  return correct;
}

struct XorCase {
  const char *optimizer;
  int maxSteps;
};

class TrainXorTest : public ::testing::TestWithParam<XorCase> {};

TEST_P(TrainXorTest, ReachesFullAccuracy) {
  CompilerOptions options;
  options.trainFunction = "loss";
  options.optimizerSpec = GetParam().optimizer;
  Compiler compiler(options);
  Executable model;
  Status status = compiler.compileFile(NNC_EXAMPLES_DIR "/xor.mlir", model);
  ASSERT_TRUE(status.ok()) << status.message();
  const nnc_entry_desc_t *entry = nullptr;
  ASSERT_TRUE(model.findEntry("loss_train_step", entry).ok());
  std::vector<Tensor> args;
  ASSERT_TRUE(initializeParameters(*entry, /*seed=*/7, args).ok());
  zeroFillState(*entry, args);
  std::vector<float> targets = {0, 1, 1, 0};
  args[0] = f32Tensor({4, 2}, {0, 0, 0, 1, 1, 0, 1, 1});
  args[1] = f32Tensor({4, 1}, targets);
  std::vector<Tensor> results;
  ASSERT_TRUE(model.call("loss_train_step", args, results).ok());
  float firstLoss = results[0].data<float>()[0], loss = firstLoss;
  int steps = 1;
  while (correctPredictions(model, args, targets) < 4 &&
         steps < GetParam().maxSteps) {
    ASSERT_TRUE(model.call("loss_train_step", args, results).ok());
    loss = results[0].data<float>()[0];
    ++steps;
  }
  EXPECT_EQ(correctPredictions(model, args, targets), 4)
      << "after " << steps << " steps, loss " << loss;
  EXPECT_LT(loss, firstLoss);
}

INSTANTIATE_TEST_SUITE_P(Optimizers, TrainXorTest,
                         ::testing::Values(XorCase{"sgd:lr=1", 5000},
                                           XorCase{"momentum:lr=0.5", 2000},
                                           XorCase{"adam:lr=0.05", 2000}),
                         [](const auto &info) {
                           std::string name = info.param.optimizer;
                           return name.substr(0, name.find(':'));
                         });

} // namespace
