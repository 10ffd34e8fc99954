//===- TrainLoop.cpp - Epochs of minibatch training -----------------------===//

#include "tools/nnc/train/TrainLoop.h"
#include "tools/nnc/train/Shuffle.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>

using namespace nnc;
using namespace nnc::train;

namespace {
using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// Sums over the examples of an epoch, or of one reporting interval.
struct Totals {
  double lossSum = 0; // loss times batch size
  int64_t examples = 0;
  int64_t correct = 0;
  double seconds = 0;

  void add(double loss, int64_t count, int64_t right, double time) {
    lossSum += loss * double(count);
    examples += count;
    correct += right;
    seconds += time;
  }
  double loss() const { return examples ? lossSum / double(examples) : 0; }
  double accuracy() const {
    return examples ? double(correct) / double(examples) : 0;
  }
  double speed() const { return seconds > 0 ? double(examples) / seconds : 0; }
};

/// One epoch: batches in shuffled order, progress, log rows.
class Epoch {
public:
  Epoch(Trainer &trainer, const DataBinding &binding, const DataSplits &data,
        const TrainSettings &settings, int64_t epoch)
      : trainer(trainer), binding(binding), data(data.train),
        settings(settings), epoch(epoch) {
    int64_t n = this->data.size();
    order = shuffledOrder(n, settings.seed, epoch);
    steps = binding.staticBatch() ? n / settings.batch
                                  : (n + settings.batch - 1) / settings.batch;
    every = std::max<int64_t>(1, steps / 10);
  }

  Status run(ProgressReporter &reporter, std::vector<LogRow> &rows);
  const Totals &totals() const { return epochTotals; }

private:
  Status trainBatch(int64_t step, double &loss, int64_t &correct,
                    int64_t &count);
  ProgressState progress(int64_t step) const;

  Trainer &trainer;
  const DataBinding &binding;
  const Dataset &data;
  const TrainSettings &settings;
  int64_t epoch;
  std::vector<int64_t> order;
  int64_t steps = 0;
  int64_t every = 1;
  Tensor input, label;
  std::vector<Tensor> scores;
  Totals epochTotals;
};

Status Epoch::trainBatch(int64_t step, double &loss, int64_t &correct,
                         int64_t &count) {
  int64_t begin = step * settings.batch;
  count = std::min(settings.batch, data.size() - begin);
  int64_t rows = binding.staticBatch() ? settings.batch : count;
  if (Status status = binding.gather(data, order.data() + begin, count, rows,
                                     input, &label);
      !status.ok())
    return status;
  if (Status status = trainer.predict({input}, scores); !status.ok())
    return status;
  correct = countCorrect(scores[0], data, order.data() + begin, count);
  float value = 0;
  if (Status status = trainer.step({input, label}, value); !status.ok())
    return status;
  if (!std::isfinite(value))
    return Status::error(llvm::formatv("the loss became {0} at step {1} "
                                       "(epoch {2}); try a smaller learning "
                                       "rate",
                                       value, trainer.stepCount(), epoch)
                             .str());
  loss = value;
  return Status::success();
}

ProgressState Epoch::progress(int64_t step) const {
  ProgressState state;
  state.epoch = epoch;
  state.epochs = settings.epochs;
  state.step = step;
  state.steps = steps;
  state.loss = epochTotals.loss();
  state.accuracy = epochTotals.accuracy();
  state.examplesPerSecond = epochTotals.speed();
  double perStep = step ? epochTotals.seconds / double(step) : 0;
  state.etaSeconds = perStep * double(steps - step);
  return state;
}

Status Epoch::run(ProgressReporter &reporter, std::vector<LogRow> &rows) {
  Totals interval;
  for (int64_t step = 0; step < steps; ++step) {
    Clock::time_point start = Clock::now();
    double loss = 0;
    int64_t correct = 0, count = 0;
    if (Status status = trainBatch(step, loss, correct, count); !status.ok())
      return status;
    double seconds = secondsSince(start);
    epochTotals.add(loss, count, correct, seconds);
    interval.add(loss, count, correct, seconds);
    reporter.update(progress(step + 1));
    if ((step + 1) % every != 0 && step + 1 != steps)
      continue;
    rows.push_back({epoch, trainer.stepCount(), interval.loss(),
                    interval.accuracy(), NAN, interval.speed()});
    interval = Totals();
  }
  return Status::success();
}

/// Rewrites the log, the plot and the checkpoint.
Status writeOutputs(const Trainer &trainer, const TrainSettings &settings,
                    const std::vector<LogRow> &rows) {
  if (!settings.logPath.empty())
    if (Status status = writeTextAtomically(settings.logPath, csvText(rows));
        !status.ok())
      return status;
  if (!settings.plotPath.empty())
    if (Status status = writeTextAtomically(settings.plotPath,
                                            svgText(rows, settings.title));
        !status.ok())
      return status;
  if (!settings.checkpointPath.empty())
    return trainer.save(settings.checkpointPath);
  return Status::success();
}
} // namespace

Status train::evaluate(Trainer &trainer, const DataBinding &binding,
                       const Dataset &data, int64_t batch, double &accuracy) {
  std::vector<int64_t> order(size_t(data.size()));
  std::iota(order.begin(), order.end(), 0);
  Tensor input;
  std::vector<Tensor> scores;
  int64_t correct = 0;
  for (int64_t begin = 0; begin < data.size(); begin += batch) {
    int64_t count = std::min(batch, data.size() - begin);
    int64_t rows = binding.staticBatch() ? batch : count;
    if (Status status = binding.gather(data, order.data() + begin, count, rows,
                                       input, nullptr);
        !status.ok())
      return status;
    if (Status status = trainer.predict({input}, scores); !status.ok())
      return status;
    correct += countCorrect(scores[0], data, order.data() + begin, count);
  }
  accuracy = data.size() ? double(correct) / double(data.size()) : 0;
  return Status::success();
}

Status train::runTraining(Trainer &trainer, const DataBinding &binding,
                          const DataSplits &data, const TrainSettings &settings,
                          ProgressReporter &reporter,
                          std::vector<LogRow> &rows) {
  int64_t smallest = binding.staticBatch() ? settings.batch : 1;
  if (data.train.size() < smallest)
    return Status::error(
        "the training set has " + std::to_string(data.train.size()) +
        " examples, too few for one batch of " + std::to_string(smallest));
  for (int64_t e = 1; e <= settings.epochs; ++e) {
    Epoch epoch(trainer, binding, data, settings, e);
    if (Status status = epoch.run(reporter, rows); !status.ok())
      return status;
    double testAccuracy = 0;
    if (Status status =
            evaluate(trainer, binding, data.test, settings.batch, testAccuracy);
        !status.ok())
      return status;
    if (!rows.empty())
      rows.back().testAccuracy = testAccuracy;
    const Totals &totals = epoch.totals();
    reporter.printLine(llvm::formatv(
        "epoch {0}/{1}: loss {2:F4}, train accuracy {3:F2}%, {4:F0} "
        "examples/s, {5} elapsed, test accuracy: {6:F2}%",
        e, settings.epochs, totals.loss(), 100 * totals.accuracy(),
        totals.speed(), formatDuration(totals.seconds), 100 * testAccuracy));
    if (Status status = writeOutputs(trainer, settings, rows); !status.ok())
      return status;
  }
  return Status::success();
}
