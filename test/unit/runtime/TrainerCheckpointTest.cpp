//===- TrainerCheckpointTest.cpp - Saving and restoring a Trainer ---------===//
//
// Round trips through safetensors checkpoints, a cross-check of the file
// with Python's json and NumPy, and the checkpoints load() must refuse
// (leaving the trainer untouched).
//
//===----------------------------------------------------------------------===//

#include "NpyTestUtil.h"
#include "RuntimeTestUtil.h"
#include "TrainerTestUtil.h"

#include <nnc/Safetensors.h>
#include <nnc/Trainer.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

using namespace nnc;
using namespace nnc::test;

namespace {

/// A trainer after three steps on the hand batch.
Trainer trainedTrainer() {
  Trainer trainer = makeTrainer(1);
  float loss;
  for (int i = 0; i < 3; ++i)
    EXPECT_TRUE(trainer.step(handBatch(), loss).ok());
  return trainer;
}

/// The checkpoint of trainedTrainer() as named tensors, for tests to spoil.
std::vector<NamedTensor> checkpointTensors() {
  Trainer trainer = trainedTrainer();
  std::vector<NamedTensor> tensors;
  for (const std::string &name : trainer.tensorNames()) {
    Tensor tensor, copy;
    EXPECT_TRUE(trainer.tensor(name, tensor).ok());
    EXPECT_TRUE(tensor.clone(copy).ok());
    tensors.push_back({name, copy});
  }
  return tensors;
}

/// Loads `tensors` into a fresh trainer; returns the error, checking that
/// the trainer is unchanged by the failure.
std::string loadError(const std::vector<NamedTensor> &tensors,
                      const std::map<std::string, std::string> &metadata) {
  TempDir dir;
  std::string path = dir.file("spoiled.safetensors");
  EXPECT_TRUE(writeSafetensors(path, tensors, metadata).ok());
  Trainer trainer = makeTrainer();
  Status status = trainer.load(path);
  EXPECT_EQ(trainerValues(trainer, "w"), (std::vector<float>{1, 1}));
  EXPECT_EQ(trainer.stepCount(), 0);
  std::string message = errorOf(status);
  EXPECT_EQ(message.substr(0, path.size() + 2), path + ": ");
  return message.substr(std::min(message.size(), path.size() + 2));
}

// Tests that a loaded checkpoint restores every tensor and the step count,
// so that training continues exactly as it would have.
TEST(TrainerCheckpointTest, RoundTripContinuesTraining) {
  TempDir dir;
  std::string path = dir.file("ckpt.safetensors");
  Trainer original = trainedTrainer();
  ASSERT_TRUE(original.save(path).ok());
  Trainer restored = makeTrainer(99);
  Status status = restored.load(path);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(restored.stepCount(), 3);
  for (const std::string &name : original.tensorNames())
    EXPECT_EQ(trainerValues(restored, name), trainerValues(original, name))
        << name;
  float lossA, lossB;
  ASSERT_TRUE(original.step(handBatch(), lossA).ok());
  ASSERT_TRUE(restored.step(handBatch(), lossB).ok());
  EXPECT_EQ(lossA, lossB);
  EXPECT_EQ(trainerValues(restored, "w"), trainerValues(original, "w"));
  EXPECT_EQ(dir.list(), std::vector<std::string>{"ckpt.safetensors"});
}

// Tests the metadata a checkpoint records.
TEST(TrainerCheckpointTest, RecordsModelOptimizerAndStep) {
  TempDir dir;
  std::string path = dir.file("ckpt.safetensors");
  ASSERT_TRUE(trainedTrainer().save(path).ok());
  SafetensorsContents contents;
  ASSERT_TRUE(readSafetensors(path, contents).ok());
  EXPECT_EQ(contents.metadata, (std::map<std::string, std::string>{
                                   {"format", "nnc-trainer"},
                                   {"model", "trainable.c"},
                                   {"optimizer", "momentum:lr=0.1"},
                                   {"step", "3"},
                                   {"train_entry", "loss_train_step"}}));
}

// Tests that Python reads the checkpoint with nothing but json and NumPy,
// following the format's definition (an independent reader).
TEST(TrainerCheckpointTest, PythonReadsTheCheckpoint) {
  if (std::system(NNC_TEST_PYTHON " -c 'import numpy' >/dev/null 2>&1"))
    GTEST_SKIP() << NNC_TEST_PYTHON << " cannot import numpy";
  TempDir dir;
  Trainer trainer = trainedTrainer();
  ASSERT_TRUE(trainer.save(dir.file("ckpt.safetensors")).ok());
  std::vector<float> w = trainerValues(trainer, "w");
  std::ofstream(dir.file("check.py")) << R"PY(
import json, struct, sys
import numpy as np
raw = open(sys.argv[1], 'rb').read()
(n,) = struct.unpack('<Q', raw[:8])
header = json.loads(raw[8:8 + n])
data = raw[8 + n:]
assert header.pop('__metadata__')['step'] == '3'
assert sorted(header) == sorted(['w', 'b', 'running_mean',
    'w.momentum_buffer', 'b.momentum_buffer']), sorted(header)
info = header['w']
begin, end = info['data_offsets']
w = np.frombuffer(data[begin:end], '<f4').reshape(info['shape'])
print(' '.join(repr(float(v)) for v in w))
)PY";
  std::string command =
      std::string(NNC_TEST_PYTHON) + " " + dir.file("check.py") + " " +
      dir.file("ckpt.safetensors") + " > " + dir.file("out.txt");
  ASSERT_EQ(std::system(command.c_str()), 0);
  float w0 = 0, w1 = 0;
  std::ifstream(dir.file("out.txt")) >> w0 >> w1;
  EXPECT_EQ(w0, w[0]);
  EXPECT_EQ(w1, w[1]);
}

// Tests each checkpoint defect load() refuses, with its message.
TEST(TrainerCheckpointTest, RejectsMismatchedCheckpoints) {
  std::vector<NamedTensor> good = checkpointTensors();
  std::vector<NamedTensor> missing(good.begin(), good.end() - 1);
  EXPECT_EQ(loadError(missing, {}),
            "no tensor 'b.momentum_buffer' (the model expects f32 [1])");
  std::vector<NamedTensor> shape = good;
  shape[0].tensor = f32Tensor({3}, {1, 2, 3});
  EXPECT_EQ(loadError(shape, {}),
            "tensor 'w' is f32 [3], but the model expects f32 [2]");
  std::vector<NamedTensor> dtype = good;
  dtype[0].tensor = iotaTensor(DType::F64, {2});
  EXPECT_EQ(loadError(dtype, {}),
            "tensor 'w' is f64 [2], but the model expects f32 [2]");
  std::vector<NamedTensor> extra = good;
  extra.push_back({"w.exp_avg", f32Tensor({2}, {0, 0})});
  EXPECT_EQ(loadError(extra, {}),
            "unexpected tensor 'w.exp_avg' (not a parameter, state or "
            "optimizer state of loss_train_step)");
  EXPECT_EQ(loadError(good, {{"step", "three"}}),
            "__metadata__ 'step' is 'three', not a step count");
}

// Tests that corrupt files and missing files are refused with the reason.
TEST(TrainerCheckpointTest, RejectsCorruptFiles) {
  TempDir dir;
  std::string path = dir.file("ckpt.safetensors");
  ASSERT_TRUE(trainedTrainer().save(path).ok());
  std::vector<uint8_t> bytes = readBytes(path);
  bytes.resize(bytes.size() - 4);
  writeBytes(path, bytes);
  Trainer trainer = makeTrainer();
  std::string message = errorOf(trainer.load(path));
  EXPECT_NE(message.find("but the file holds"), std::string::npos) << message;
  EXPECT_EQ(trainerValues(trainer, "w"), (std::vector<float>{1, 1}));
  std::string missing = dir.file("missing.safetensors");
  EXPECT_EQ(errorOf(trainer.load(missing)).substr(0, missing.size() + 18),
            missing + ": cannot open file");
}

// Tests that save() replaces a file atomically, and leaves nothing when it
// cannot write.
TEST(TrainerCheckpointTest, SavesAtomically) {
  TempDir dir;
  std::string path = dir.file("ckpt.safetensors");
  writeBytes(path, {'o', 'l', 'd'});
  Trainer trainer = trainedTrainer();
  ASSERT_TRUE(trainer.save(path).ok());
  EXPECT_GT(readBytes(path).size(), 8u);
  EXPECT_FALSE(trainer.save(dir.file("no/dir/ckpt.safetensors")).ok());
  EXPECT_EQ(dir.list(), std::vector<std::string>{"ckpt.safetensors"});
}

} // namespace
