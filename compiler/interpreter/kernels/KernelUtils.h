//===- KernelUtils.h - helpers shared by the reference kernels --*- C++ -*-===//
//
// Dtype mapping, result allocation, NumPy broadcasting and axis arithmetic:
// the index bookkeeping that every kernel family needs, written once so the
// kernels themselves read as their formulas.
//
// Thread-safety: pure functions.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_INTERPRETER_KERNELS_KERNELUTILS_H
#define NNC_COMPILER_INTERPRETER_KERNELS_KERNELUTILS_H

#include "compiler/interpreter/RefTensor.h"

#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/Value.h"

#include <algorithm>
#include <cassert>
#include <cstdio>
#include <optional>
#include <string>

namespace nnc::interp {

/// The runtime dtype of an MLIR element type (f32, f64, i64, i32, i1), or
/// nullopt for types the interpreter does not hold.
inline std::optional<DType> dtypeOf(mlir::Type elementType) {
  if (elementType.isF32())
    return DType::F32;
  if (elementType.isF64())
    return DType::F64;
  if (elementType.isInteger(64))
    return DType::I64;
  if (elementType.isInteger(32))
    return DType::I32;
  if (elementType.isInteger(1))
    return DType::Bool;
  return std::nullopt;
}

/// A zero tensor of `shape` with the element type of `result`. Arguments and
/// constants of other element types are rejected before any kernel runs, so
/// the declared type always maps to a dtype here.
inline RefTensor makeResult(mlir::Value result, Shape shape) {
  auto type = llvm::cast<mlir::RankedTensorType>(result.getType());
  std::optional<DType> dtype = dtypeOf(type.getElementType());
  assert(dtype && "element type without a dtype reached a kernel");
  return RefTensor::zeros(*dtype, std::move(shape));
}

/// NumPy broadcasting of two shapes (aligned at the right, a size 1
/// stretches); nullopt when two sizes differ and neither is 1.
inline std::optional<Shape> broadcastShapes(const Shape &a, const Shape &b) {
  size_t rank = std::max(a.size(), b.size());
  Shape result(rank, 1);
  for (size_t i = 0; i < rank; ++i) {
    int64_t x = i < rank - a.size() ? 1 : a[i - (rank - a.size())];
    int64_t y = i < rank - b.size() ? 1 : b[i - (rank - b.size())];
    if (x != y && x != 1 && y != 1)
      return std::nullopt;
    result[i] = x == 1 ? y : x;
  }
  return result;
}

/// The row-major offset, in a tensor of shape `from`, of the element that
/// broadcasting maps to `index` of a larger shape: `from` is aligned at the
/// right and its size-1 dimensions always read index 0.
inline int64_t broadcastOffset(const Shape &index, const Shape &from) {
  size_t lead = index.size() - from.size();
  int64_t offset = 0;
  for (size_t d = 0; d < from.size(); ++d)
    offset = offset * from[d] + (from[d] == 1 ? 0 : index[lead + d]);
  return offset;
}

/// A Python-style axis in [-rank, rank) as an index in [0, rank). Verified
/// ops only carry axes in range.
inline int64_t normalizeAxis(int64_t axis, int64_t rank) {
  assert(axis >= -rank && axis < rank && "axis out of range");
  return axis < 0 ? axis + rank : axis;
}

/// Product of the sizes before and after `axis`: a tensor is then an
/// [outer, shape[axis], inner] array, and one lane along `axis` starts at
/// `o * size * inner + i` with stride `inner`.
struct AxisSplit {
  int64_t outer = 1, size = 1, inner = 1;

  AxisSplit(const Shape &shape, int64_t axis) : size(shape[axis]) {
    for (int64_t d = 0; d < axis; ++d)
      outer *= shape[d];
    for (size_t d = axis + 1; d < shape.size(); ++d)
      inner *= shape[d];
  }

  /// Offset of element `k` of lane (o, i).
  int64_t offset(int64_t o, int64_t k, int64_t i) const {
    return (o * size + k) * inner + i;
  }
};

/// Copies element `from` of `src` to element `to` of `dst` whatever the
/// dtype (both tensors have the same one).
inline void copyElement(const RefTensor &src, int64_t from, RefTensor &dst,
                        int64_t to) {
  if (src.isFloat())
    dst.floats[to] = src.floats[from];
  else
    dst.ints[to] = src.ints[from];
}

/// A double for messages, shortest first ("1.5", "1e-07"): MLIR's
/// diagnostics would print "1.500000e+00".
inline std::string formatDouble(double value) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.9g", value);
  return text;
}

} // namespace nnc::interp

#endif // NNC_COMPILER_INTERPRETER_KERNELS_KERNELUTILS_H
