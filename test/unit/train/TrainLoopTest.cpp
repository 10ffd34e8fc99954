//===- TrainLoopTest.cpp - Epochs of training on a hand-written model -----===//
//
// Runs the loop of `nnc train` on fixtures/classifier.c (a linear softmax
// classifier with an SGD train step written by hand) and the synthetic task:
// no compiler involved, so this runs wherever the runtime does.
//
//===----------------------------------------------------------------------===//

#include "TrainTestUtil.h"

#include "tools/nnc/train/SyntheticData.h"
#include "tools/nnc/train/TrainLoop.h"

#include "llvm/Support/raw_ostream.h"

#include <cmath>

using namespace nnc;
using namespace nnc::train;
using namespace nnc::train::test;

namespace {

struct TrainingRun {
  Trainer trainer;
  DataBinding binding;
  DataSplits data;
};

void setUp(uint64_t seed, TrainingRun &run, const char *model = kClassifierSo) {
  Executable executable;
  ASSERT_TRUE(Executable::load(model, executable).ok());
  TrainerOptions options;
  options.trainEntry = "loss_train_step";
  options.seed = seed;
  ASSERT_TRUE(Trainer::create(executable, options, run.trainer).ok());
  ASSERT_TRUE(DataBinding::create(
                  *run.trainer.dataInputs()[0], *run.trainer.dataInputs()[1],
                  run.trainer.predictEntry()->results[0], run.binding)
                  .ok());
  SyntheticTask task;
  task.exampleShape = run.binding.exampleShape();
  task.classes = run.binding.classes();
  task.seed = seed;
  ASSERT_TRUE(makeSyntheticData(task, run.data).ok());
}

TrainSettings settingsIn(const TempDir &dir) {
  TrainSettings settings;
  settings.epochs = 3;
  settings.batch = 50; // 4096 examples: 81 full batches and one of 46
  settings.seed = 11;
  settings.logPath = dir.file("log.csv");
  settings.plotPath = dir.file("plot.svg");
  settings.checkpointPath = dir.file("model.safetensors");
  settings.title = "classifier";
  return settings;
}

// Tests three epochs end to end: every batch trained (the partial one too),
// one epoch line each ending with the test accuracy, a row per tenth of an
// epoch, the outputs written, and a model that learned the task.
TEST(TrainLoopTest, TrainsTheSyntheticTask) {
  TempDir dir;
  TrainingRun run;
  setUp(3, run);
  std::string text;
  llvm::raw_string_ostream out(text);
  ProgressReporter reporter(out, /*terminal=*/false);
  std::vector<LogRow> rows;
  Status status = runTraining(run.trainer, run.binding, run.data,
                              settingsIn(dir), reporter, rows);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(run.trainer.stepCount(), 3 * 82);
  ASSERT_EQ(rows.size(), 3u * 11u); // every 8 steps, and the 82nd
  EXPECT_EQ(rows.back().step, 246);
  EXPECT_GT(rows.back().testAccuracy, 0.9);
  EXPECT_LT(rows.back().loss, rows.front().loss);
  for (int epoch = 1; epoch <= 3; ++epoch)
    EXPECT_NE(text.find("epoch " + std::to_string(epoch) + "/3: loss "),
              std::string::npos)
        << text;
  EXPECT_NE(text.find(", test accuracy: "), std::string::npos) << text;
  EXPECT_EQ(dir.list(), (std::vector<std::string>{
                            "log.csv", "model.safetensors", "plot.svg"}));
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3 * (11 + 1));
}

// Tests a model with a fixed batch size: the partial batch of each epoch is
// dropped, and the test set's last batch is padded and its padding ignored.
TEST(TrainLoopTest, FixedBatchDropsThePartialBatch) {
  TempDir dir;
  TrainingRun run;
  setUp(3, run, kFixedBatchClassifierSo);
  EXPECT_EQ(run.binding.staticBatch(), 50);
  std::string text;
  llvm::raw_string_ostream out(text);
  ProgressReporter reporter(out, /*terminal=*/false);
  std::vector<LogRow> rows;
  TrainSettings settings = settingsIn(dir);
  settings.epochs = 1;
  ASSERT_TRUE(
      runTraining(run.trainer, run.binding, run.data, settings, reporter, rows)
          .ok());
  EXPECT_EQ(run.trainer.stepCount(), 81); // 4096 = 81 * 50 + 46
  // 1024 test examples = 20 batches + 24 padded to 50: every one counts, and
  // only they do, so the accuracy is a multiple of 1/1024.
  double accuracy = 0;
  ASSERT_TRUE(
      evaluate(run.trainer, run.binding, run.data.test, 50, accuracy).ok());
  EXPECT_EQ(accuracy, rows.back().testAccuracy);
  double correct = accuracy * 1024;
  EXPECT_EQ(correct, std::round(correct));
  EXPECT_GT(accuracy, 0.9);
}

// Tests that a run is a pure function of the seeds: the same seeds give a
// byte-identical checkpoint.
TEST(TrainLoopTest, SameSeedSameModel) {
  TempDir first, second;
  for (const TempDir *dir : {&first, &second}) {
    TrainingRun run;
    setUp(5, run);
    std::string text;
    llvm::raw_string_ostream out(text);
    ProgressReporter reporter(out, false);
    std::vector<LogRow> rows;
    TrainSettings settings = settingsIn(*dir);
    settings.epochs = 1;
    ASSERT_TRUE(runTraining(run.trainer, run.binding, run.data, settings,
                            reporter, rows)
                    .ok());
  }
  EXPECT_EQ(readBytes(first.file("model.safetensors")),
            readBytes(second.file("model.safetensors")));
}

// Tests that a training set smaller than one batch of a fixed size, or
// empty, is an error rather than an epoch without steps.
TEST(TrainLoopTest, RejectsEmptyTrainingSets) {
  TempDir dir;
  TrainingRun run;
  setUp(3, run);
  run.data.train = Dataset();
  ASSERT_TRUE(Tensor::create(DType::F32, {0, 2}, run.data.train.examples).ok());
  ASSERT_TRUE(Tensor::create(DType::I64, {0}, run.data.train.labels).ok());
  std::string text;
  llvm::raw_string_ostream out(text);
  ProgressReporter reporter(out, false);
  std::vector<LogRow> rows;
  EXPECT_EQ(errorOf(runTraining(run.trainer, run.binding, run.data,
                                settingsIn(dir), reporter, rows)),
            "the training set has 0 examples, too few for one batch of 1");
  EXPECT_TRUE(dir.list().empty());
}

} // namespace
