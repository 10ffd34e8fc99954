//===- RefTensor.cpp - concrete tensors of the reference interpreter -----===//

#include "compiler/interpreter/RefTensor.h"

#include <sstream>

using namespace nnc;
using namespace nnc::interp;

int64_t interp::numElements(const Shape &shape) {
  int64_t count = 1;
  for (int64_t size : shape)
    count *= size;
  return count;
}

Shape interp::rowMajorStrides(const Shape &shape) {
  Shape strides(shape.size(), 1);
  for (int64_t d = static_cast<int64_t>(shape.size()) - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

std::string interp::shapeString(const Shape &shape) {
  std::ostringstream os;
  os << "[";
  for (size_t i = 0; i < shape.size(); ++i)
    os << (i ? ", " : "") << shape[i];
  os << "]";
  return os.str();
}

RefTensor RefTensor::zeros(DType dtype, Shape shape) {
  RefTensor tensor;
  tensor.dtype = dtype;
  tensor.shape = std::move(shape);
  if (tensor.isFloat())
    tensor.floats.assign(tensor.size(), 0.0);
  else
    tensor.ints.assign(tensor.size(), 0);
  return tensor;
}

RefTensor RefTensor::fromFloats(Shape shape, std::vector<double> values,
                                DType dtype) {
  RefTensor tensor;
  tensor.dtype = dtype;
  tensor.shape = std::move(shape);
  tensor.floats = std::move(values);
  assert(static_cast<int64_t>(tensor.floats.size()) == tensor.size());
  return tensor;
}

RefTensor RefTensor::fromInts(Shape shape, std::vector<int64_t> values,
                              DType dtype) {
  RefTensor tensor;
  tensor.dtype = dtype;
  tensor.shape = std::move(shape);
  tensor.ints = std::move(values);
  assert(static_cast<int64_t>(tensor.ints.size()) == tensor.size());
  return tensor;
}

int64_t RefTensor::offset(const Shape &index) const {
  assert(index.size() == shape.size() && "index rank mismatch");
  int64_t linear = 0;
  for (size_t d = 0; d < shape.size(); ++d)
    linear = linear * shape[d] + index[d];
  return linear;
}
