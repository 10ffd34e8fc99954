//===- TrainLoop.h - Epochs of minibatch training ---------------*- C++ -*-===//
//
// The loop behind `nnc train`, independent of the compiler: it drives an
// nnc::Trainer, so it runs the same on a JIT-compiled model and a .so.
//
// Each epoch visits the training set in the order shuffledOrder(seed, epoch)
// gives, in batches of `batch`. When the model's batch size is dynamic the
// last, partial batch is trained on as it is; when the model fixes the batch
// size, the partial batch is dropped (padding it would bias the gradient).
// The training accuracy of a batch is measured with the prediction entry
// just before the step that learns from it. Test accuracy is measured on
// the whole test set after every epoch (padding a partial batch with zeros
// where the batch size is fixed, and ignoring the padded rows).
//
// After every epoch the CSV log, the SVG plot and the checkpoint are
// rewritten atomically, so an interrupted run keeps its last complete epoch.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TOOLS_NNC_TRAIN_TRAINLOOP_H
#define NNC_TOOLS_NNC_TRAIN_TRAINLOOP_H

#include "tools/nnc/train/Batches.h"
#include "tools/nnc/train/Dataset.h"
#include "tools/nnc/train/Progress.h"
#include "tools/nnc/train/TrainLog.h"

#include <nnc/Trainer.h>

#include <string>
#include <vector>

namespace nnc::train {

struct TrainSettings {
  int64_t epochs = 1;
  int64_t batch = 32;
  uint64_t seed = 0;
  /// Outputs; an empty path skips that output.
  std::string logPath;
  std::string plotPath;
  std::string checkpointPath;
  /// The title of the plot.
  std::string title;
};

/// Trains for settings.epochs epochs, reporting through `reporter` and
/// appending to `rows`. Each epoch ends with a line like
/// "epoch 1/3: loss 0.2931, train accuracy 91.23%, 5234 examples/s, 0:12
/// elapsed, test accuracy: 96.12%".
Status runTraining(Trainer &trainer, const DataBinding &binding,
                   const DataSplits &data, const TrainSettings &settings,
                   ProgressReporter &reporter, std::vector<LogRow> &rows);

/// The fraction of `data` the prediction entry classifies right, in
/// batches of `batch`.
Status evaluate(Trainer &trainer, const DataBinding &binding,
                const Dataset &data, int64_t batch, double &accuracy);

} // namespace nnc::train

#endif // NNC_TOOLS_NNC_TRAIN_TRAINLOOP_H
