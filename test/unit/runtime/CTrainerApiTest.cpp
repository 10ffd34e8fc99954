//===- CTrainerApiTest.cpp - The trainer's C API --------------------------===//

#include "NpyTestUtil.h"
#include "RuntimeTestUtil.h"
#include "TrainerTestUtil.h"

#include <nnc/nnc.h>

#include <gtest/gtest.h>

#include <string>

using namespace nnc::test;

extern "C" const char *nncTestCTrainerRoundTrip(const char *modelPath,
                                                const char *checkpointPath);

namespace {

// Tests create, step, predict, tensor access, save and load from C.
TEST(CTrainerApiTest, RoundTripFromC) {
  TempDir dir;
  const char *error = nncTestCTrainerRoundTrip(
      kTrainableSo, dir.file("ckpt.safetensors").c_str());
  EXPECT_EQ(error, nullptr) << error;
}

// Tests that NULLs and wrong counts are INVALID_ARGUMENT and that trainer
// errors come through with code FAILED.
TEST(CTrainerApiTest, Errors) {
  nnc_executable_t *exe = nullptr;
  ASSERT_EQ(nnc_executable_load(kTrainableSo, &exe), nullptr);
  nnc_trainer_t *trainer = nullptr;
  EXPECT_EQ(describe(nnc_trainer_create(exe, nullptr, nullptr, 0, &trainer)),
            "1: null executable, train_entry or out_trainer");
  EXPECT_EQ(describe(nnc_trainer_create(exe, "forward", nullptr, 0, &trainer)),
            "2: forward is not a train step: it must return one f32 scalar "
            "(the loss), but returns 2 results");
  EXPECT_EQ(trainer, nullptr);
  ASSERT_EQ(nnc_trainer_create(exe, "loss_train_step", "forward", 0, &trainer),
            nullptr);
  float loss;
  nnc_tensor_t *data[2] = {nullptr, nullptr};
  EXPECT_EQ(describe(nnc_trainer_step(trainer, data, 2, &loss)),
            "1: data input #0 is a null handle");
  EXPECT_EQ(describe(nnc_trainer_step(trainer, nullptr, 0, &loss)),
            "2: loss_train_step: expects 2 data inputs (x, t), got 0");
  nnc_tensor_t *results[1] = {nullptr};
  EXPECT_EQ(describe(nnc_trainer_predict(trainer, data, 1, results, 1)),
            "1: forward: expects 2 results, got 1");
  nnc_tensor_t *tensor = nullptr;
  EXPECT_EQ(describe(nnc_trainer_get_tensor(trainer, "q", &tensor)),
            "2: the trainer has no tensor named 'q'");
  EXPECT_EQ(nnc_trainer_step_count(nullptr), 0);
  nnc_trainer_free(trainer);
  nnc_trainer_free(nullptr);
  nnc_executable_free(exe);
}

} // namespace
