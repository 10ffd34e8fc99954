//===- TrainLog.h - The CSV log and SVG plot of a training run --*- C++ -*-===//
//
// A row per reporting interval (a tenth of an epoch) and one per epoch end;
// only epoch-end rows carry a test accuracy. The CSV has the header
//
//   epoch,step,loss,train_accuracy,test_accuracy,examples_per_second
//
// with accuracies as fractions in [0, 1] and an empty test_accuracy where
// there is none. The SVG draws the loss (left) and both accuracies (right)
// against the step; it is hand-written, standalone XML.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TOOLS_NNC_TRAIN_TRAINLOG_H
#define NNC_TOOLS_NNC_TRAIN_TRAINLOG_H

#include <nnc/Status.h>

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace nnc::train {

struct LogRow {
  int64_t epoch = 0; // 1-based
  int64_t step = 0;  // steps since the start of training
  double loss = 0;   // mean over the interval
  double trainAccuracy = 0;
  double testAccuracy = NAN; // NaN where not measured
  double examplesPerSecond = 0;
};

std::string csvText(const std::vector<LogRow> &rows);

/// The plot; `title` is escaped for XML.
std::string svgText(const std::vector<LogRow> &rows, const std::string &title);

/// Writes `text` to `path` through a temporary file and a rename, so that
/// readers never see a partial file. Errors start with "PATH: ".
Status writeTextAtomically(const std::string &path, const std::string &text);

} // namespace nnc::train

#endif // NNC_TOOLS_NNC_TRAIN_TRAINLOG_H
