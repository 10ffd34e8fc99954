//===- TrainerTest.cpp - Steps, predictions and tensors of a Trainer ------===//
//
// Trains the hand-written train step of fixtures/trainable.c (linear
// regression, MSE, SGD with momentum 0.9 and lr 0.1) and compares with values
// computed by hand from the formulas in that file.
//
//===----------------------------------------------------------------------===//

#include "RuntimeTestUtil.h"
#include "TrainerTestUtil.h"

#include <nnc/Trainer.h>

#include <gtest/gtest.h>

#include <dlfcn.h>

using namespace nnc;
using namespace nnc::test;

namespace {

std::vector<std::string>
descNames(const std::vector<const nnc_tensor_desc_t *> &descs) {
  std::vector<std::string> names;
  for (const nnc_tensor_desc_t *desc : descs)
    names.push_back(desc->name);
  return names;
}

/// The seed the fixture's train step saw last.
int64_t lastSeed() {
  void *library = dlopen(kTrainableSo, RTLD_NOW | RTLD_NOLOAD);
  EXPECT_NE(library, nullptr);
  auto *seed = static_cast<int64_t *>(dlsym(library, "trainable_last_seed"));
  EXPECT_NE(seed, nullptr);
  int64_t value = seed ? *seed : -1;
  dlclose(library);
  return value;
}

Status createWith(const std::string &train, const std::string &predict) {
  Executable executable;
  EXPECT_TRUE(Executable::load(kTrainableSo, executable).ok());
  TrainerOptions options;
  options.trainEntry = train;
  options.predictEntry = predict;
  Trainer trainer;
  return Trainer::create(executable, options, trainer);
}

// Tests that parameters and states start as their nn.init says, optimizer
// state at zero, and that the data inputs leave out the dropout seed.
TEST(TrainerTest, InitializesEveryTensor) {
  Trainer trainer = makeTrainer();
  EXPECT_EQ(
      trainer.tensorNames(),
      (std::vector<std::string>{"w", "b", "running_mean", "w.momentum_buffer",
                                "b.momentum_buffer"}));
  EXPECT_EQ(trainerValues(trainer, "w"), (std::vector<float>{1, 1}));
  EXPECT_EQ(trainerValues(trainer, "b"), (std::vector<float>{0}));
  EXPECT_EQ(trainerValues(trainer, "w.momentum_buffer"),
            (std::vector<float>{0, 0}));
  EXPECT_EQ(descNames(trainer.dataInputs()),
            (std::vector<std::string>{"x", "t"}));
  EXPECT_EQ(descNames(trainer.predictInputs()), std::vector<std::string>{"x"});
  EXPECT_EQ(trainer.stepCount(), 0);
}

// Tests one and two steps against the hand computation: pred = [3, 2],
// loss 2, g_w = (2, 4), g_b = 2, so w = (0.8, 0.6), b = -0.2; then loss 0.4,
// g_w = (-0.4, 2), buf_w = 0.9 (2, 4) + g_w, w = (0.66, 0.04).
TEST(TrainerTest, StepsMatchHandComputation) {
  Trainer trainer = makeTrainer();
  float loss = -1;
  ASSERT_TRUE(trainer.step(handBatch(), loss).ok());
  EXPECT_FLOAT_EQ(loss, 2.0f);
  std::vector<float> w = trainerValues(trainer, "w");
  EXPECT_FLOAT_EQ(w[0], 0.8f);
  EXPECT_FLOAT_EQ(w[1], 0.6f);
  EXPECT_FLOAT_EQ(trainerValues(trainer, "b")[0], -0.2f);
  std::vector<float> mean = trainerValues(trainer, "running_mean");
  EXPECT_FLOAT_EQ(mean[0], 0.2f);
  EXPECT_FLOAT_EQ(mean[1], 0.05f);
  ASSERT_TRUE(trainer.step(handBatch(), loss).ok());
  EXPECT_FLOAT_EQ(loss, 0.4f);
  w = trainerValues(trainer, "w");
  EXPECT_NEAR(w[0], 0.66f, 1e-6);
  EXPECT_NEAR(w[1], 0.04f, 1e-6);
  std::vector<float> buffer = trainerValues(trainer, "w.momentum_buffer");
  EXPECT_NEAR(buffer[0], 1.4f, 1e-6);
  EXPECT_NEAR(buffer[1], 5.6f, 1e-6);
  EXPECT_EQ(trainer.stepCount(), 2);
}

// Tests that repeated steps fit y = 2 x0 - 3 x1 + 0.5 exactly, the batch
// size changing from step to step (the last partial batch of an epoch).
TEST(TrainerTest, ConvergesOnALinearTarget) {
  Trainer trainer = makeTrainer();
  std::vector<float> xs = {1, 0, 0, 1, -1, 0.5f, 0.5f, -1, 1, 1};
  std::vector<float> ts;
  for (size_t i = 0; i < xs.size(); i += 2)
    ts.push_back(2 * xs[i] - 3 * xs[i + 1] + 0.5f);
  float loss = 0;
  for (int step = 0; step < 300; ++step) {
    int64_t n = step % 2 ? 5 : 3;
    std::vector<float> x(xs.begin(), xs.begin() + 2 * n);
    std::vector<float> t(ts.begin(), ts.begin() + n);
    ASSERT_TRUE(
        trainer.step({f32Tensor({n, 2}, x), f32Tensor({n}, t)}, loss).ok());
  }
  EXPECT_LT(loss, 1e-8);
  EXPECT_NEAR(trainerValues(trainer, "w")[0], 2, 1e-4);
  EXPECT_NEAR(trainerValues(trainer, "w")[1], -3, 1e-4);
  EXPECT_NEAR(trainerValues(trainer, "b")[0], 0.5, 1e-4);
}

// Tests that predict() runs with the parameters and state the steps wrote
// (the prediction entry names them differently: they bind by position).
TEST(TrainerTest, PredictSharesTheTrainedTensors) {
  Trainer trainer = makeTrainer();
  float loss;
  ASSERT_TRUE(trainer.step(handBatch(), loss).ok());
  std::vector<Tensor> results;
  Status status = trainer.predict({handBatch()[0]}, results);
  ASSERT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(results.size(), 2u);
  // y = x . (0.8, 0.6) - 0.2; m = x . (0.2, 0.05).
  std::vector<float> y = f32Values(results[0]), m = f32Values(results[1]);
  EXPECT_FLOAT_EQ(y[0], 1.8f);
  EXPECT_FLOAT_EQ(y[1], 1.6f);
  EXPECT_FLOAT_EQ(m[0], 0.3f);
  EXPECT_FLOAT_EQ(m[1], 0.55f);
}

// Tests that each step gets a fresh dropout seed, a pure function of the
// trainer's seed and the step count.
TEST(TrainerTest, DerivesAFreshSeedPerStep) {
  std::vector<int64_t> first, again, other;
  std::vector<std::pair<uint64_t, std::vector<int64_t> *>> runs = {
      {7, &first}, {7, &again}, {8, &other}};
  for (auto [seed, out] : runs) {
    Trainer trainer = makeTrainer(seed);
    float loss;
    for (int step = 0; step < 3; ++step) {
      ASSERT_TRUE(trainer.step(handBatch(), loss).ok());
      out->push_back(lastSeed());
    }
  }
  EXPECT_EQ(first, again);
  EXPECT_NE(first, other);
  EXPECT_NE(first[0], first[1]);
  EXPECT_NE(first[1], first[2]);
}

// Tests reading and writing tensors by name, and the errors for unknown
// names and wrong shapes.
TEST(TrainerTest, ReadsAndWritesTensorsByName) {
  Trainer trainer = makeTrainer();
  ASSERT_TRUE(trainer.setTensor("w", f32Tensor({2}, {4, 5})).ok());
  EXPECT_EQ(trainerValues(trainer, "w"), (std::vector<float>{4, 5}));
  Tensor shared;
  ASSERT_TRUE(trainer.tensor("b", shared).ok());
  shared.data<float>()[0] = 3; // the handle shares the trainer's storage
  EXPECT_EQ(trainerValues(trainer, "b"), std::vector<float>{3});
  EXPECT_EQ(errorOf(trainer.setTensor("w", f32Tensor({3}, {1, 2, 3}))),
            "'w' is f32 [2], got f32 [3]");
  EXPECT_EQ(errorOf(trainer.tensor("x", shared)),
            "the trainer has no tensor named 'x'");
}

// Tests that bad data is refused before the step runs: nothing changes.
TEST(TrainerTest, RejectsBadDataWithoutSideEffects) {
  Trainer trainer = makeTrainer();
  float loss;
  EXPECT_EQ(errorOf(trainer.step({handBatch()[0]}, loss)),
            "loss_train_step: expects 2 data inputs (x, t), got 1");
  std::vector<Tensor> batch = handBatch();
  batch[1] = f32Tensor({3}, {1, 2, 3});
  EXPECT_NE(errorOf(trainer.step(batch, loss)).find("batch size 3"),
            std::string::npos);
  EXPECT_EQ(trainerValues(trainer, "w"), (std::vector<float>{1, 1}));
  EXPECT_EQ(trainer.stepCount(), 0);
}

// Tests the entries a trainer refuses, each with its reason.
TEST(TrainerTest, RejectsEntriesThatBreakTheContract) {
  EXPECT_EQ(errorOf(createWith("nope", "forward")),
            "train step: unknown entry 'nope' (available: loss_train_step, "
            "forward, forward_mismatch, duplicate_step, no_param_step)");
  EXPECT_EQ(errorOf(createWith("forward", "")),
            "forward is not a train step: it must return one f32 scalar (the "
            "loss), but returns 2 results");
  EXPECT_EQ(errorOf(createWith("no_param_step", "")),
            "no_param_step is not a train step: it has no parameters");
  EXPECT_EQ(errorOf(createWith("duplicate_step", "")),
            "duplicate_step: two arguments are named 'w'; checkpoints need "
            "unique names (set nn.name)");
  EXPECT_EQ(errorOf(createWith("loss_train_step", "forward_mismatch")),
            "forward_mismatch: parameter #0 'fw' is f32 [3], but "
            "loss_train_step's parameter #0 'w' is f32 [2]");
  EXPECT_EQ(errorOf(createWith("loss_train_step", "nope")).substr(0, 40),
            "prediction entry: unknown entry 'nope' (");
  Trainer trainer = makeTrainer(0, "");
  std::vector<Tensor> results;
  EXPECT_EQ(errorOf(trainer.predict({handBatch()[0]}, results)),
            "the trainer has no prediction entry");
}

} // namespace
