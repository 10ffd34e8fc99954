//===- TrainerTestUtil.h - The train-step fixture in tests ------*- C++ -*-===//

#ifndef NNC_TEST_UNIT_RUNTIME_TRAINERTESTUTIL_H
#define NNC_TEST_UNIT_RUNTIME_TRAINERTESTUTIL_H

#include <nnc/Trainer.h>

#include <cstdint>
#include <string>
#include <vector>

namespace nnc::test {

/// The path of fixtures/trainable.c built as a library.
extern const char *const kTrainableSo;

/// A trainer over the fixture's loss_train_step and forward; fails the test
/// on error.
Trainer makeTrainer(uint64_t seed = 0, const std::string &predict = "forward");

/// The batch the hand-computed expectations use: x = [[1, 2], [3, -1]],
/// t = [1, 2].
std::vector<Tensor> handBatch();

/// The elements of the trainer's f32 tensor `name`.
std::vector<float> trainerValues(const Trainer &trainer,
                                 const std::string &name);

} // namespace nnc::test

#endif // NNC_TEST_UNIT_RUNTIME_TRAINERTESTUTIL_H
