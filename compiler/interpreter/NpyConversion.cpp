//===- NpyConversion.cpp - RefTensor <-> .npy arrays ----------------------===//
//
// .npy data is little-endian; like the runtime, this assumes a little-endian
// host and copies elements with memcpy (the bytes need not be aligned).
//
//===----------------------------------------------------------------------===//

#include "compiler/interpreter/NpyConversion.h"

#include <cstring>

using namespace nnc;
using namespace nnc::interp;

/// Element `i` of a raw little-endian buffer of `T`.
template <typename T>
static T load(const std::vector<uint8_t> &data, int64_t i) {
  T value;
  std::memcpy(&value, data.data() + i * sizeof(T), sizeof(T));
  return value;
}

template <typename T>
static void store(std::vector<uint8_t> &data, int64_t i, T value) {
  std::memcpy(data.data() + i * sizeof(T), &value, sizeof(T));
}

RefTensor interp::fromNpy(const NpyArray &array) {
  int64_t count = array.numElements();
  assert(array.data.size() ==
             static_cast<size_t>(count) * dtypeSize(array.dtype) &&
         "npy data does not match its shape");
  RefTensor tensor = RefTensor::zeros(array.dtype, array.shape);
  for (int64_t i = 0; i < count; ++i) {
    switch (array.dtype) {
    case DType::F32:
      tensor.floats[i] = load<float>(array.data, i);
      break;
    case DType::F64:
      tensor.floats[i] = load<double>(array.data, i);
      break;
    case DType::I64:
      tensor.ints[i] = load<int64_t>(array.data, i);
      break;
    case DType::I32:
      tensor.ints[i] = load<int32_t>(array.data, i);
      break;
    case DType::Bool:
      tensor.ints[i] = load<uint8_t>(array.data, i) != 0;
      break;
    }
  }
  return tensor;
}

NpyArray interp::toNpy(const RefTensor &tensor) {
  NpyArray array;
  array.dtype = tensor.dtype;
  array.shape = tensor.shape;
  int64_t count = tensor.size();
  array.data.assign(static_cast<size_t>(count) * dtypeSize(tensor.dtype), 0);
  for (int64_t i = 0; i < count; ++i) {
    switch (tensor.dtype) {
    case DType::F32:
      store(array.data, i, static_cast<float>(tensor.floats[i]));
      break;
    case DType::F64:
      store(array.data, i, tensor.floats[i]);
      break;
    case DType::I64:
      store(array.data, i, tensor.ints[i]);
      break;
    case DType::I32:
      store(array.data, i, static_cast<int32_t>(tensor.ints[i]));
      break;
    case DType::Bool:
      store(array.data, i, static_cast<uint8_t>(tensor.ints[i] != 0));
      break;
    }
  }
  return array;
}
