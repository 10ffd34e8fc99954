//===- ProgressTest.cpp - Progress bars and lines -------------------------===//

#include "tools/nnc/train/Progress.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace nnc::train;

namespace {

ProgressState halfway() {
  ProgressState state;
  state.epoch = 2;
  state.epochs = 3;
  state.step = 5;
  state.steps = 10;
  state.loss = 0.123456;
  state.accuracy = 0.9125;
  state.examplesPerSecond = 5231.4;
  state.etaSeconds = 72.4;
  return state;
}

// Tests durations as m:ss and h:mm:ss.
TEST(ProgressTest, FormatsDurations) {
  EXPECT_EQ(formatDuration(0), "0:00");
  EXPECT_EQ(formatDuration(7.4), "0:07");
  EXPECT_EQ(formatDuration(754), "12:34");
  EXPECT_EQ(formatDuration(3723), "1:02:03");
  EXPECT_EQ(formatDuration(-5), "0:00");
}

// Tests the bar and the plain line for the same state.
TEST(ProgressTest, FormatsBarAndLine) {
  EXPECT_EQ(formatProgressBar(halfway(), 10),
            "epoch 2/3 [=====>    ] 5/10 loss 0.1235 acc 91.25% 5231 ex/s "
            "ETA 1:12");
  EXPECT_EQ(formatProgressLine(halfway()),
            "epoch 2/3 step 5/10: loss 0.1235, accuracy 91.25%, 5231 "
            "examples/s, ETA 1:12");
  ProgressState done = halfway();
  done.step = 10;
  EXPECT_EQ(formatProgressBar(done, 4).substr(0, 16), "epoch 2/3 [====]");
}

// Tests that a non-terminal gets a plain line at every tenth of the epoch
// (and at its end) and no control characters.
TEST(ProgressTest, PlainOutputEveryTenth) {
  std::string text;
  llvm::raw_string_ostream out(text);
  ProgressReporter reporter(out, /*terminal=*/false);
  ProgressState state = halfway();
  state.steps = 25; // a line every 2 steps
  for (state.step = 1; state.step <= 25; ++state.step)
    reporter.update(state);
  reporter.printLine("epoch done");
  size_t lines = std::count(text.begin(), text.end(), '\n');
  EXPECT_EQ(lines, 12u + 1u + 1u); // steps 2..24, step 25, the final line
  EXPECT_EQ(text.find('\r'), std::string::npos);
}

// Tests that a terminal gets the bar redrawn in place, then the final line
// replacing it.
TEST(ProgressTest, TerminalRedrawsInPlace) {
  std::string text;
  llvm::raw_string_ostream out(text);
  ProgressReporter reporter(out, /*terminal=*/true);
  reporter.update(halfway(), /*force=*/true);
  reporter.printLine("epoch done");
  EXPECT_EQ(text.substr(0, 11), "\repoch 2/3 ");
  EXPECT_EQ(text.substr(text.size() - 15), "\r\x1b[Kepoch done\n");
}

} // namespace
