//===- RefTensor.h - concrete tensors of the reference interpreter -*- C++ -*-===//
//
// The interpreter is the oracle for every backend and for gradient checking,
// so its tensors favour obviousness over speed: every float element is held
// as a double whatever the declared precision, integers and bools as int64.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_INTERPRETER_REFTENSOR_H
#define NNC_COMPILER_INTERPRETER_REFTENSOR_H

#include <nnc/DType.h>

#include <cassert>
#include <cstdint>
#include <string>
#include <vector>

namespace nnc::interp {

using Shape = std::vector<int64_t>;

/// Number of elements of a shape (1 for a scalar).
int64_t numElements(const Shape &shape);

/// Row-major strides of a shape, in elements.
Shape rowMajorStrides(const Shape &shape);

/// "[2, 3]" for messages.
std::string shapeString(const Shape &shape);

/// A dense row-major tensor. Float dtypes use `floats`, integer and bool
/// dtypes use `ints`; the other vector stays empty.
struct RefTensor {
  DType dtype = DType::F32;
  Shape shape;
  std::vector<double> floats;
  std::vector<int64_t> ints;

  static RefTensor zeros(DType dtype, Shape shape);
  static RefTensor fromFloats(Shape shape, std::vector<double> values,
                              DType dtype = DType::F32);
  static RefTensor fromInts(Shape shape, std::vector<int64_t> values,
                            DType dtype = DType::I64);

  bool isFloat() const { return dtype == DType::F32 || dtype == DType::F64; }
  int64_t rank() const { return static_cast<int64_t>(shape.size()); }
  int64_t size() const { return numElements(shape); }
  int64_t dim(int64_t i) const { return shape[i < 0 ? i + rank() : i]; }

  /// Row-major linear offset of a multi-index.
  int64_t offset(const Shape &index) const;
  double &at(const Shape &index) { return floats[offset(index)]; }
  double at(const Shape &index) const { return floats[offset(index)]; }
};

/// Calls `body(index)` for every multi-index of `shape` in row-major order.
template <typename Fn> void forEachIndex(const Shape &shape, Fn &&body) {
  int64_t count = numElements(shape);
  Shape index(shape.size(), 0);
  for (int64_t n = 0; n < count; ++n) {
    body(static_cast<const Shape &>(index));
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
}

} // namespace nnc::interp

#endif // NNC_COMPILER_INTERPRETER_REFTENSOR_H
