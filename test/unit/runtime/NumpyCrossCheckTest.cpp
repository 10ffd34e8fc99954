//===- NumpyCrossCheckTest.cpp - Interoperability with real NumPy ---------===//
//
// Runs NumPy in a subprocess to check that it loads what we write and that we
// read what it saves. Skipped where NNC_TEST_PYTHON cannot import numpy.
//
//===----------------------------------------------------------------------===//

#include "NpyTestUtil.h"

#include <nnc/Npy.h>

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

using namespace nnc;
using namespace nnc::test;

namespace {

// `save DIR` writes NAME.numpy.npy for every case; `check DIR` loads every
// NAME.ours.npy and exits non-zero on the first mismatch. The cases mirror
// kCases below and iotaArray().
const char *kScript = R"PY(
import sys
import numpy as np

mode, directory = sys.argv[1], sys.argv[2]
dtypes = {'f32': '<f4', 'f64': '<f8', 'i64': '<i8', 'i32': '<i4', 'bool': '|b1'}
shapes = {'matrix': (2, 3), 'scalar': (), 'empty': (0,)}
for dtype_name, dtype in dtypes.items():
    for shape_name, shape in shapes.items():
        values = np.arange(int(np.prod(shape)))
        if dtype == '|b1':
            values = values % 2
        expected = values.astype(dtype).reshape(shape)
        path = '%s/%s-%s' % (directory, dtype_name, shape_name)
        if mode == 'save':
            np.save(path + '.numpy.npy', expected)
            continue
        actual = np.load(path + '.ours.npy')
        if (actual.dtype != expected.dtype or actual.shape != expected.shape
                or not (actual == expected).all()):
            sys.exit('%s: got %r, expected %r' % (path, actual, expected))
)PY";

struct Case {
  const char *name;
  DType dtype;
  std::vector<int64_t> shape;
};

std::vector<Case> allCases() {
  std::vector<Case> cases;
  for (DType dtype :
       {DType::F32, DType::F64, DType::I64, DType::I32, DType::Bool}) {
    cases.push_back({"matrix", dtype, {2, 3}});
    cases.push_back({"scalar", dtype, {}});
    cases.push_back({"empty", dtype, {0}});
  }
  return cases;
}

std::string caseFile(const TempDir &dir, const Case &c, const char *origin) {
  return dir.file(std::string(dtypeName(c.dtype)) + "-" + c.name + "." +
                  origin + ".npy");
}

bool numpyAvailable() {
  static const bool available =
      std::system(NNC_TEST_PYTHON " -c 'import numpy' >/dev/null 2>&1") == 0;
  return available;
}

/// Runs kScript in `mode` on `dir`; returns its exit status.
int runScript(const TempDir &dir, const std::string &mode) {
  std::string script = dir.file("crosscheck.py");
  std::ofstream(script) << kScript;
  std::string command = std::string(NNC_TEST_PYTHON) + " '" + script + "' " +
                        mode + " '" + dir.path() + "'";
  return std::system(command.c_str());
}

class NumpyCrossCheckTest : public testing::Test {
protected:
  void SetUp() override {
    if (!numpyAvailable())
      GTEST_SKIP() << "numpy cannot be imported by " NNC_TEST_PYTHON;
  }
};

// Tests that numpy.load reads every dtype and shape we write as we meant it.
TEST_F(NumpyCrossCheckTest, NumpyLoadsFilesWeWrite) {
  TempDir dir;
  for (const Case &c : allCases())
    ASSERT_TRUE(
        writeNpy(caseFile(dir, c, "ours"), iotaArray(c.dtype, c.shape)).ok());
  EXPECT_EQ(runScript(dir, "check"), 0);
}

// Tests that we read every dtype and shape numpy.save writes.
TEST_F(NumpyCrossCheckTest, WeReadFilesNumpySaves) {
  TempDir dir;
  ASSERT_EQ(runScript(dir, "save"), 0);
  for (const Case &c : allCases()) {
    NpyArray array;
    Status status = readNpy(caseFile(dir, c, "numpy"), array);
    ASSERT_TRUE(status.ok()) << status.message();
    EXPECT_EQ(array.dtype, c.dtype);
    EXPECT_EQ(array.shape, c.shape);
    EXPECT_EQ(array.data, iotaArray(c.dtype, c.shape).data);
  }
}

} // namespace
