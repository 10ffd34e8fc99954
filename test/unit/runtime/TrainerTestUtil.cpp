//===- TrainerTestUtil.cpp - The train-step fixture in tests --------------===//

#include "TrainerTestUtil.h"
#include "RuntimeTestUtil.h"

#include <gtest/gtest.h>

using namespace nnc;

const char *const nnc::test::kTrainableSo = NNC_TEST_TRAINABLE_SO;

Trainer nnc::test::makeTrainer(uint64_t seed, const std::string &predict) {
  Executable executable;
  Status status = Executable::load(kTrainableSo, executable);
  EXPECT_TRUE(status.ok()) << status.message();
  TrainerOptions options;
  options.trainEntry = "loss_train_step";
  options.predictEntry = predict;
  options.seed = seed;
  options.model = "trainable.c";
  options.optimizer = "momentum:lr=0.1";
  Trainer trainer;
  status = Trainer::create(executable, options, trainer);
  EXPECT_TRUE(status.ok()) << status.message();
  return trainer;
}

std::vector<Tensor> nnc::test::handBatch() {
  return {f32Tensor({2, 2}, {1, 2, 3, -1}), f32Tensor({2}, {1, 2})};
}

std::vector<float> nnc::test::trainerValues(const Trainer &trainer,
                                            const std::string &name) {
  Tensor tensor;
  Status status = trainer.tensor(name, tensor);
  EXPECT_TRUE(status.ok()) << status.message();
  return tensor.isNull() ? std::vector<float>() : f32Values(tensor);
}
