//===- PrintTensor.cpp - human-readable tensors for nnc-run ---------------===//

#include "tools/nnc-run/PrintTensor.h"

#include <fmt/format.h>

using namespace nnc;
using namespace nnc::interp;

namespace {

// Beyond this many entries a dimension shows its first and last few.
constexpr int64_t kEdgeItems = 3;
constexpr int64_t kMaxItems = 2 * kEdgeItems + 1;

struct TensorPrinter {
  const RefTensor &tensor;
  Shape strides = rowMajorStrides(tensor.shape);
  std::string out;

  void element(int64_t offset) {
    if (tensor.isFloat())
      out += fmt::format("{:.6g}", tensor.floats[offset]);
    else if (tensor.dtype == DType::Bool)
      out += tensor.ints[offset] ? "true" : "false";
    else
      out += fmt::format("{}", tensor.ints[offset]);
  }

  void dimension(size_t dim, int64_t offset) {
    if (dim == tensor.shape.size())
      return element(offset);
    int64_t size = tensor.shape[dim];
    out += "[";
    for (int64_t i = 0; i < size; ++i) {
      if (size > kMaxItems && i == kEdgeItems) {
        out += "...";
        i = size - kEdgeItems - 1;
      } else {
        dimension(dim + 1, offset + i * strides[dim]);
      }
      if (i + 1 < size)
        out += dim + 1 == tensor.shape.size()
                   ? ", "
                   : ",\n" + std::string(dim + 1, ' ');
    }
    out += "]";
  }
};

} // namespace

std::string nnc::formatTensor(const RefTensor &tensor) {
  TensorPrinter printer{tensor};
  printer.dimension(0, 0);
  return fmt::format("{} {}\n{}", dtypeName(tensor.dtype),
                     shapeString(tensor.shape), printer.out);
}
