//===- Tensor.cpp - Dense arrays passed to compiled models ----------------===//

#include "nnc/Tensor.h"

#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

using namespace nnc;

namespace {
/// Computes numElements * dtypeSize, failing on negative dimensions and on
/// sizes past INT64_MAX (which also bounds numElements()).
Status checkedByteSize(DType dtype, const std::vector<int64_t> &shape,
                       size_t &bytes) {
  uint64_t total = dtypeSize(dtype);
  for (int64_t dim : shape) {
    if (dim < 0)
      return Status::error("negative dimension in shape " +
                           describeShape(shape));
    if (dim != 0 && total > uint64_t(INT64_MAX) / uint64_t(dim))
      return Status::error("shape " + describeShape(shape) + " of " +
                           dtypeName(dtype) + " is too large");
    total *= uint64_t(dim);
  }
  bytes = size_t(total);
  return Status::success();
}

/// Zero-filled, 64-byte aligned memory. Empty tensors still get a (padded)
/// block so that a non-null handle always has a non-null data pointer.
void *allocateZeroed(size_t bytes) {
  size_t padded = (bytes + Tensor::kAlignment - 1) / Tensor::kAlignment *
                  Tensor::kAlignment;
  if (padded == 0)
    padded = Tensor::kAlignment;
  if (padded < bytes)
    return nullptr; // rounding up wrapped around
  void *memory = nullptr;
  if (::posix_memalign(&memory, Tensor::kAlignment, padded) != 0)
    return nullptr;
  std::memset(memory, 0, padded);
  return memory;
}
} // namespace

Status Tensor::create(DType dtype, std::vector<int64_t> shape, Tensor &out) {
  size_t bytes = 0;
  if (Status status = checkedByteSize(dtype, shape, bytes); !status.ok())
    return status;
  void *memory = allocateZeroed(bytes);
  if (!memory)
    return Status::error("out of memory allocating " + std::to_string(bytes) +
                         " bytes for a tensor of shape " +
                         describeShape(shape));
  Tensor tensor;
  tensor.type = dtype;
  tensor.dims = std::move(shape);
  tensor.ptr = memory;
  tensor.storage = std::shared_ptr<void>(memory, std::free);
  out = std::move(tensor);
  return Status::success();
}

Tensor Tensor::borrow(DType dtype, std::vector<int64_t> shape, void *data) {
  Tensor tensor;
  tensor.type = dtype;
  tensor.dims = std::move(shape);
  tensor.ptr = data;
  return tensor;
}

int64_t Tensor::numElements() const {
  if (!ptr)
    return 0;
  int64_t count = 1;
  for (int64_t dim : dims)
    count *= dim;
  return count;
}

size_t Tensor::byteSize() const {
  return size_t(numElements()) * dtypeSize(type);
}

Status Tensor::fromNpy(const NpyArray &array, Tensor &out) {
  Tensor tensor;
  if (Status status = create(array.dtype, array.shape, tensor); !status.ok())
    return status;
  if (array.data.size() != tensor.byteSize())
    return Status::error("array data has " + std::to_string(array.data.size()) +
                         " bytes but " + describeShape(array.shape) + " of " +
                         dtypeName(array.dtype) + " needs " +
                         std::to_string(tensor.byteSize()));
  std::memcpy(tensor.ptr, array.data.data(), array.data.size());
  out = std::move(tensor);
  return Status::success();
}

NpyArray Tensor::toNpy() const {
  NpyArray array;
  if (!ptr) {
    array.shape = {0};
    return array;
  }
  array.dtype = type;
  array.shape = dims;
  const auto *bytes = static_cast<const uint8_t *>(ptr);
  array.data.assign(bytes, bytes + byteSize());
  return array;
}

Status Tensor::clone(Tensor &out) const {
  if (!ptr) {
    out = Tensor();
    return Status::success();
  }
  Tensor copy;
  if (Status status = create(type, dims, copy); !status.ok())
    return status;
  std::memcpy(copy.ptr, ptr, byteSize());
  out = std::move(copy);
  return Status::success();
}
