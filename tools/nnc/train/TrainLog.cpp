//===- TrainLog.cpp - The CSV log and SVG plot of a training run ----------===//

#include "tools/nnc/train/TrainLog.h"

#include "llvm/Support/Error.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

using namespace nnc;
using namespace nnc::train;

namespace {
// Geometry of the plot: two panels side by side.
constexpr double kWidth = 900, kHeight = 380;
constexpr double kPanelWidth = 380, kPanelHeight = 260, kTop = 60;
constexpr double kLeftPanel = 70, kRightPanel = 500;
const char *const kTrainColor = "#1f77b4";
const char *const kTestColor = "#ff7f0e";

std::string escapeXml(const std::string &text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

/// Maps data coordinates to one panel's pixels.
struct Panel {
  double left;
  double xMin, xMax, yMin, yMax;

  double x(double value) const {
    double span = xMax > xMin ? xMax - xMin : 1;
    return left + (value - xMin) / span * kPanelWidth;
  }
  double y(double value) const {
    double span = yMax > yMin ? yMax - yMin : 1;
    return kTop + kPanelHeight - (value - yMin) / span * kPanelHeight;
  }
};

std::string text(double x, double y, const std::string &content,
                 const char *anchor = "middle") {
  return llvm::formatv("<text x=\"{0:F1}\" y=\"{1:F1}\" "
                       "text-anchor=\"{2}\">{3}</text>\n",
                       x, y, anchor, escapeXml(content))
      .str();
}

/// The frame, the title and the extreme values on both axes.
std::string frame(const Panel &panel, const std::string &title,
                  const char *yFormat) {
  std::string svg = llvm::formatv(
      "<rect x=\"{0:F1}\" y=\"{1:F1}\" width=\"{2:F1}\" height=\"{3:F1}\" "
      "fill=\"none\" stroke=\"#444\"/>\n",
      panel.left, kTop, kPanelWidth, kPanelHeight);
  svg += text(panel.left + kPanelWidth / 2, kTop - 10, title);
  double bottom = kTop + kPanelHeight;
  svg +=
      text(panel.left - 6, bottom, llvm::formatv(yFormat, panel.yMin), "end");
  svg += text(panel.left - 6, kTop + 10, llvm::formatv(yFormat, panel.yMax),
              "end");
  svg += text(panel.left, bottom + 18, std::to_string(int64_t(panel.xMin)));
  svg += text(panel.left + kPanelWidth, bottom + 18,
              std::to_string(int64_t(panel.xMax)));
  svg += text(panel.left + kPanelWidth / 2, bottom + 34, "step");
  return svg;
}

/// A polyline through the rows where `value` is finite.
template <typename Value>
std::string polyline(const Panel &panel, const std::vector<LogRow> &rows,
                     Value value, const char *color, bool markers) {
  std::string points, dots;
  for (const LogRow &row : rows) {
    double v = value(row);
    if (!std::isfinite(v))
      continue;
    std::string point =
        llvm::formatv("{0:F1},{1:F1}", panel.x(double(row.step)), panel.y(v));
    points += (points.empty() ? "" : " ") + point;
    if (markers)
      dots += llvm::formatv("<circle cx=\"{0:F1}\" cy=\"{1:F1}\" r=\"3\" "
                            "fill=\"{2}\"/>\n",
                            panel.x(double(row.step)), panel.y(v), color);
  }
  if (points.empty())
    return "";
  return llvm::formatv("<polyline fill=\"none\" stroke=\"{0}\" "
                       "stroke-width=\"1.5\" points=\"{1}\"/>\n",
                       color, points)
             .str() +
         dots;
}

std::string legend(double x, double y, const char *color,
                   const std::string &label) {
  return llvm::formatv("<rect x=\"{0:F1}\" y=\"{1:F1}\" width=\"12\" "
                       "height=\"4\" fill=\"{2}\"/>\n",
                       x, y - 4, color)
             .str() +
         text(x + 16, y, label, "start");
}
} // namespace

std::string train::csvText(const std::vector<LogRow> &rows) {
  std::string csv =
      "epoch,step,loss,train_accuracy,test_accuracy,examples_per_second\n";
  for (const LogRow &row : rows) {
    std::string test = std::isfinite(row.testAccuracy)
                           ? llvm::formatv("{0:F6}", row.testAccuracy).str()
                           : "";
    csv +=
        llvm::formatv("{0},{1},{2:F6},{3:F6},{4},{5:F1}\n", row.epoch, row.step,
                      row.loss, row.trainAccuracy, test, row.examplesPerSecond);
  }
  return csv;
}

std::string train::svgText(const std::vector<LogRow> &rows,
                           const std::string &title) {
  std::string svg = llvm::formatv(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" "
      "height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"sans-serif\" "
      "font-size=\"12\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n",
      kWidth, kHeight);
  svg += text(kWidth / 2, 24, title);
  double first = rows.empty() ? 0 : double(rows.front().step);
  double last = rows.empty() ? 1 : double(rows.back().step);
  double maxLoss = 0;
  for (const LogRow &row : rows)
    if (std::isfinite(row.loss))
      maxLoss = std::max(maxLoss, row.loss);
  Panel loss{kLeftPanel, first, last, 0, maxLoss > 0 ? maxLoss : 1};
  Panel accuracy{kRightPanel, first, last, 0, 100};
  svg += frame(loss, "loss", "{0:F3}");
  svg += frame(accuracy, "accuracy (%)", "{0:F0}");
  svg += polyline(
      loss, rows, [](const LogRow &r) { return r.loss; }, kTrainColor, false);
  svg += polyline(
      accuracy, rows, [](const LogRow &r) { return 100 * r.trainAccuracy; },
      kTrainColor, false);
  svg += polyline(
      accuracy, rows, [](const LogRow &r) { return 100 * r.testAccuracy; },
      kTestColor, true);
  double legendY = kTop + kPanelHeight + 52;
  svg += legend(kRightPanel, legendY, kTrainColor, "train");
  svg += legend(kRightPanel + 70, legendY, kTestColor, "test");
  return svg + "</svg>\n";
}

Status train::writeTextAtomically(const std::string &path,
                                  const std::string &text) {
  llvm::Error error = llvm::writeToOutput(path, [&](llvm::raw_ostream &out) {
    out << text;
    return llvm::Error::success();
  });
  if (error)
    return Status::error(path + ": " + llvm::toString(std::move(error)));
  return Status::success();
}
