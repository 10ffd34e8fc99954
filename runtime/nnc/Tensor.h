//===- Tensor.h - Dense arrays passed to compiled models --------*- C++ -*-===//
//
// A Tensor is a handle to a dense, row-major array: a dtype, a shape and a
// data pointer. The data is either owned (allocated by the runtime, 64-byte
// aligned and zero-initialized, shared by every copy of the handle so that
// copies are cheap) or borrowed (the caller's memory, never freed by the
// runtime, which must outlive every handle to it).
//
// Constness is shallow, as for std::shared_ptr: a `const Tensor &` may not be
// re-pointed, but its elements may be written (compiled training entries
// update their parameter arguments in place).
//
// Thread-safety: copies of a handle may be used and destroyed from distinct
// threads (the ownership count is atomic); the elements themselves are not
// synchronized, so concurrent writes, or a write concurrent with a read, to
// the same data race.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TENSOR_H
#define NNC_TENSOR_H

#include "nnc/Api.h"
#include "nnc/DType.h"
#include "nnc/Npy.h"
#include "nnc/Status.h"

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace nnc {

/// The DType of the C++ element type T (float, double, int64_t, int32_t,
/// bool), for typed access to tensor data.
template <typename T> struct DTypeOf;
template <> struct DTypeOf<float> {
  static constexpr DType value = DType::F32;
};
template <> struct DTypeOf<double> {
  static constexpr DType value = DType::F64;
};
template <> struct DTypeOf<int64_t> {
  static constexpr DType value = DType::I64;
};
template <> struct DTypeOf<int32_t> {
  static constexpr DType value = DType::I32;
};
template <> struct DTypeOf<bool> {
  static constexpr DType value = DType::Bool;
};

class Tensor {
public:
  /// The alignment of owned data, in bytes.
  static constexpr size_t kAlignment = 64;

  /// A null handle: no data (isNull()), dtype f32, shape [].
  Tensor() = default;

  /// Allocates a zero-filled tensor. Fails on negative dimensions, on sizes
  /// that overflow, and when memory runs out.
  NNC_API static Status create(DType dtype, std::vector<int64_t> shape,
                               Tensor &out);

  /// Wraps `data`, which must hold the elements of `shape` in row-major order
  /// and outlive every copy of the handle. The runtime never frees it.
  NNC_API static Tensor borrow(DType dtype, std::vector<int64_t> shape,
                               void *data);

  /// Copies `array` into a new owned tensor.
  NNC_API static Status fromNpy(const NpyArray &array, Tensor &out);

  /// Copies the elements into an NpyArray (f32 of shape [0] for a null
  /// handle).
  NNC_API NpyArray toNpy() const;

  /// Copies the elements into a new owned tensor, so that later writes to
  /// either do not show in the other.
  NNC_API Status clone(Tensor &out) const;

  bool isNull() const { return ptr == nullptr; }
  /// Whether the data belongs to the caller (see borrow()).
  bool isBorrowed() const { return ptr && !storage; }

  DType dtype() const { return type; }
  const std::vector<int64_t> &shape() const { return dims; }
  size_t rank() const { return dims.size(); }
  /// The product of the dimensions: 1 for a 0-d tensor, 0 for a null handle.
  NNC_API int64_t numElements() const;
  NNC_API size_t byteSize() const;

  void *data() const { return ptr; }

  /// The elements as T; T must match dtype() (see DTypeOf).
  template <typename T> T *data() const {
    assert(DTypeOf<T>::value == type && "element type does not match dtype");
    return static_cast<T *>(ptr);
  }

private:
  DType type = DType::F32;
  std::vector<int64_t> dims;
  void *ptr = nullptr;
  // Owns `ptr` when the runtime allocated it; null when borrowed.
  std::shared_ptr<void> storage;
};

} // namespace nnc

#endif // NNC_TENSOR_H
