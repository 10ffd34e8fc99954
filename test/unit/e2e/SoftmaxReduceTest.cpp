//===- SoftmaxReduceTest.cpp - softmax and reductions vs the interpreter --===//
//
// Softmax normalizes over at most 13 terms and the reductions sum at most
// 17 * 13 = 221 inputs in [-1, 1), whose f32 rounding stays within the
// default tolerance (rtol 1e-5, atol 1e-5).
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

using namespace nnc;
using namespace nnc::e2e;

namespace {

//===----------------------------------------------------------------------===//
// softmax, log_softmax
//===----------------------------------------------------------------------===//

struct SoftmaxCase {
  const char *name;
  const char *type;
  const char *attributes;
  Fill fill;
};

// Failure messages name the case rather than dumping the bytes.
void PrintTo(const SoftmaxCase &c, std::ostream *os) { *os << c.name; }

class SoftmaxTest : public testing::TestWithParam<SoftmaxCase> {
protected:
  void check(const std::string &op) {
    const SoftmaxCase &c = GetParam();
    std::string type = c.type;
    checkOp("func.func @f(%x: " + type + ") -> " + type + " {\n  %y = nn." +
                op + " %x " + c.attributes + " : " + type +
                "\n  return %y : " + type + "\n}\n",
            {c.fill});
  }
};

// Tests softmax.
TEST_P(SoftmaxTest, Softmax) { check("softmax"); }

// Tests log_softmax.
TEST_P(SoftmaxTest, LogSoftmax) { check("log_softmax"); }

// The last axis by default, an inner axis, the batch axis, and inputs so
// large that a naive exp overflows f32 (numerical stability).
INSTANTIATE_TEST_SUITE_P(
    Axes, SoftmaxTest,
    testing::Values(SoftmaxCase{"DefaultLastAxis", "tensor<?x13xf32>", "",
                                Fill()},
                    SoftmaxCase{"InnerAxis", "tensor<?x7x5xf32>",
                                "{axis = 1 : i64}", Fill::uniform(-5, 5)},
                    SoftmaxCase{"NegativeAxis", "tensor<?x7x5xf32>",
                                "{axis = -2 : i64}", Fill::uniform(-5, 5)},
                    SoftmaxCase{"BatchAxis", "tensor<?x7xf32>",
                                "{axis = 0 : i64}", Fill::uniform(-5, 5)},
                    SoftmaxCase{"SingleClass", "tensor<?x1xf32>", "", Fill()},
                    SoftmaxCase{"LargeInputsStable", "tensor<?x13xf32>", "",
                                Fill::uniform(80, 100)}),
    [](const testing::TestParamInfo<SoftmaxCase> &info) {
      return std::string(info.param.name);
    });

//===----------------------------------------------------------------------===//
// reduce_sum, reduce_mean, reduce_max
//===----------------------------------------------------------------------===//

struct ReduceCase {
  const char *name;
  const char *input;
  const char *attributes;
  const char *result;
};

void PrintTo(const ReduceCase &c, std::ostream *os) { *os << c.name; }

class ReduceTest
    : public testing::TestWithParam<std::tuple<const char *, ReduceCase>> {};

// Tests the reduction over the axes the case names.
TEST_P(ReduceTest, MatchesInterpreter) {
  std::string op = std::get<0>(GetParam());
  const ReduceCase &c = std::get<1>(GetParam());
  checkOp(std::string("func.func @f(%x: ") + c.input + ") -> " + c.result +
          " {\n  %y = nn." + op + " %x " + c.attributes + " : " + c.input +
          "\n  return %y : " + c.result + "\n}\n");
}

INSTANTIATE_TEST_SUITE_P(
    Axes, ReduceTest,
    testing::Combine(
        testing::Values("reduce_sum", "reduce_mean", "reduce_max"),
        testing::Values(
            ReduceCase{"InnerAxis", "tensor<?x7x13xf32>",
                       "{axes = array<i64: 1>}", "tensor<?x13xf32>"},
            ReduceCase{"LastAxisNegative", "tensor<?x7x13xf32>",
                       "{axes = array<i64: -1>}", "tensor<?x7xf32>"},
            ReduceCase{"TwoAxesKeepDims", "tensor<?x3x7x5xf32>",
                       "{axes = array<i64: 2, 3>, keep_dims = true}",
                       "tensor<?x3x1x1xf32>"},
            ReduceCase{"BatchAxis", "tensor<?x13xf32>",
                       "{axes = array<i64: 0>}", "tensor<13xf32>"},
            ReduceCase{"BatchAxisKeepDims", "tensor<?x13xf32>",
                       "{axes = array<i64: 0>, keep_dims = true}",
                       "tensor<1x13xf32>"},
            ReduceCase{"AllAxes", "tensor<?x7x13xf32>",
                       "{axes = array<i64: 0, 1, 2>}", "tensor<f32>"},
            ReduceCase{"UnitAxisStatic", "tensor<7x1x13xf32>",
                       "{axes = array<i64: 1>}", "tensor<7x13xf32>"})),
    [](const testing::TestParamInfo<std::tuple<const char *, ReduceCase>>
           &info) {
      return std::string(std::get<0>(info.param)) + "_" +
             std::get<1>(info.param).name;
    });

} // namespace
