//===- Progress.cpp - Training progress on the terminal -------------------===//

#include "tools/nnc/train/Progress.h"

#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>

using namespace nnc;
using namespace nnc::train;

namespace {
constexpr int kBarWidth = 24;
constexpr auto kRedrawInterval = std::chrono::milliseconds(100);

std::string metrics(const ProgressState &state, const char *separator,
                    const char *accuracy, const char *speed) {
  return llvm::formatv("loss {0:F4}{1}{2} {3:F2}%{1}{4:F0} {5}{1}ETA {6}",
                       state.loss, separator, accuracy, 100 * state.accuracy,
                       state.examplesPerSecond, speed,
                       formatDuration(state.etaSeconds))
      .str();
}
} // namespace

std::string train::formatDuration(double seconds) {
  int64_t total = std::isfinite(seconds) && seconds > 0
                      ? int64_t(std::llround(seconds))
                      : 0;
  int64_t hours = total / 3600, minutes = total / 60 % 60, secs = total % 60;
  if (hours > 0)
    return llvm::formatv("{0}:{1:d2}:{2:d2}", hours, minutes, secs).str();
  return llvm::formatv("{0}:{1:d2}", minutes, secs).str();
}

std::string train::formatProgressBar(const ProgressState &state, int width) {
  double fraction =
      state.steps > 0 ? std::min(1.0, double(state.step) / state.steps) : 1;
  int filled = int(fraction * width);
  std::string bar(size_t(filled), '=');
  if (filled < width)
    bar += '>' + std::string(size_t(width - filled - 1), ' ');
  return llvm::formatv("epoch {0}/{1} [{2}] {3}/{4} {5}", state.epoch,
                       state.epochs, bar, state.step, state.steps,
                       metrics(state, " ", "acc", "ex/s"))
      .str();
}

std::string train::formatProgressLine(const ProgressState &state) {
  return llvm::formatv("epoch {0}/{1} step {2}/{3}: {4}", state.epoch,
                       state.epochs, state.step, state.steps,
                       metrics(state, ", ", "accuracy", "examples/s"))
      .str();
}

void ProgressReporter::update(const ProgressState &state, bool force) {
  if (!terminal) {
    int64_t every = std::max<int64_t>(1, state.steps / 10);
    if (force || state.step % every == 0 || state.step == state.steps) {
      out << formatProgressLine(state) << "\n";
      out.flush();
    }
    return;
  }
  auto now = std::chrono::steady_clock::now();
  if (!force && barShown && now - lastDraw < kRedrawInterval &&
      state.step != state.steps)
    return;
  lastDraw = now;
  // \r returns to the start of the line; \x1b[K clears what a longer
  // previous bar left behind.
  out << "\r" << formatProgressBar(state, kBarWidth) << "\x1b[K";
  out.flush();
  barShown = true;
}

void ProgressReporter::printLine(const std::string &line) {
  if (terminal && barShown)
    out << "\r\x1b[K";
  barShown = false;
  out << line << "\n";
  out.flush();
}
