//===- TrainLogTest.cpp - The CSV log and the SVG plot --------------------===//

#include "TrainTestUtil.h"

#include "tools/nnc/train/TrainLog.h"

#include <cstdlib>

using namespace nnc;
using namespace nnc::train;
using namespace nnc::train::test;

namespace {

const char kCheck[] = R"PY(
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
ns = '{http://www.w3.org/2000/svg}'
assert root.tag == ns + 'svg', root.tag
lines = root.findall(ns + 'polyline')
assert len(lines) == 3, len(lines)
# The test curve has the two measured points; the others all three.
counts = sorted(len(l.get('points').split()) for l in lines)
assert counts == [2, 3, 3], counts
texts = [t.text for t in root.findall(ns + 'text')]
assert 'mlp <&> "adam"' in texts, texts
)PY";

std::vector<LogRow> twoEpochs() {
  return {{1, 5, 2.5, 0.25, NAN, 1000},
          {1, 10, 1.25, 0.5, 0.625, 1234.56},
          {2, 20, 0.5, 0.875, 0.9, 2000}};
}

// Tests the CSV text: header, fixed precision, empty test accuracy where
// none was measured.
TEST(TrainLogTest, CsvText) {
  EXPECT_EQ(csvText(twoEpochs()),
            "epoch,step,loss,train_accuracy,test_accuracy,examples_per_second\n"
            "1,5,2.500000,0.250000,,1000.0\n"
            "1,10,1.250000,0.500000,0.625000,1234.6\n"
            "2,20,0.500000,0.875000,0.900000,2000.0\n");
}

// Tests that the plot is well-formed XML with an svg root, three curves
// (loss, train and test accuracy) and the escaped title, by parsing it with
// Python's XML parser.
TEST(TrainLogTest, SvgIsValidXml) {
  if (std::system(NNC_TEST_PYTHON " -c 'import xml' >/dev/null 2>&1"))
    GTEST_SKIP() << "no python3";
  TempDir dir;
  std::string path = dir.file("plot.svg");
  ASSERT_TRUE(
      writeTextAtomically(path, svgText(twoEpochs(), "mlp <&> \"adam\"")).ok());
  std::string script = dir.file("check.py");
  writeBytes(script, std::vector<uint8_t>(kCheck, kCheck + sizeof(kCheck) - 1));
  std::string command =
      std::string(NNC_TEST_PYTHON) + " " + script + " " + path;
  EXPECT_EQ(std::system(command.c_str()), 0);
}

} // namespace
