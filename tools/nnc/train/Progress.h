//===- Progress.h - Training progress on the terminal -----------*- C++ -*-===//
//
// On a terminal, a one-line bar redrawn in place (at most ten times a
// second); elsewhere (a pipe, a log file), plain lines at every tenth of an
// epoch, so that logs stay readable and deterministic.
//
//   epoch 1/3 [=========>          ] 235/469 loss 0.3412 acc 91.23% 5231 ex/s
//   ETA 0:12 epoch 1/3 step 235/469: loss 0.3412, accuracy 91.23%, 5231
//   examples/s, ETA 0:12
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TOOLS_NNC_TRAIN_PROGRESS_H
#define NNC_TOOLS_NNC_TRAIN_PROGRESS_H

#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace nnc::train {

struct ProgressState {
  int64_t epoch = 1; // 1-based
  int64_t epochs = 1;
  int64_t step = 0; // steps done in this epoch
  int64_t steps = 0;
  double loss = 0;     // mean over the epoch so far
  double accuracy = 0; // in [0, 1], over the epoch so far
  double examplesPerSecond = 0;
  double etaSeconds = 0; // until the end of the epoch
};

/// "0:07", "12:34", "1:02:03".
std::string formatDuration(double seconds);

/// The bar form, `width` characters between the brackets.
std::string formatProgressBar(const ProgressState &state, int width);

/// The plain-line form.
std::string formatProgressLine(const ProgressState &state);

class ProgressReporter {
public:
  ProgressReporter(llvm::raw_ostream &out, bool terminal)
      : out(out), terminal(terminal) {}

  /// Shows `state` when it is due (always with `force`).
  void update(const ProgressState &state, bool force = false);

  /// Replaces the bar, if any, with `line` and a newline.
  void printLine(const std::string &line);

private:
  llvm::raw_ostream &out;
  bool terminal;
  bool barShown = false;
  std::chrono::steady_clock::time_point lastDraw;
};

} // namespace nnc::train

#endif // NNC_TOOLS_NNC_TRAIN_PROGRESS_H
