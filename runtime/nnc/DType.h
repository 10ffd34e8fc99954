//===- DType.h - Element types of runtime arrays ----------------*- C++ -*-===//
//
// Thread-safety: plain values and pure functions.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_DTYPE_H
#define NNC_DTYPE_H

#include "nnc/Api.h"

#include <cstddef>
#include <cstdint>

namespace nnc {

enum class DType : uint8_t { F32, F64, I64, I32, Bool };

/// The short name used in diagnostics: "f32", "f64", "i64", "i32", "bool".
NNC_API const char *dtypeName(DType dtype);

/// The size of one element in bytes. Bool takes one byte, as in NumPy.
NNC_API size_t dtypeSize(DType dtype);

} // namespace nnc

#endif // NNC_DTYPE_H
