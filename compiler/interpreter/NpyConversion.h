//===- NpyConversion.h - RefTensor <-> .npy arrays --------------*- C++ -*-===//
//
// The interpreter holds every float as a double and every integer or bool as
// an int64; .npy arrays hold the declared element type. These conversions
// widen on the way in and narrow on the way out (f32 rounds to nearest).
//
// Thread-safety: pure functions.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_INTERPRETER_NPYCONVERSION_H
#define NNC_COMPILER_INTERPRETER_NPYCONVERSION_H

#include "compiler/interpreter/RefTensor.h"

#include <nnc/Npy.h>

namespace nnc::interp {

/// The tensor holding `array`'s elements: f32/f64 as doubles, i64/i32 as
/// int64, bool as 0 or 1. `array.data` must hold numElements() elements, as
/// every array read by nnc::readNpy does.
RefTensor fromNpy(const NpyArray &array);

/// The array of `tensor`'s dtype holding its elements: doubles narrowed to
/// f32 when the dtype is f32, int64 narrowed to i32, nonzero bools as 1.
NpyArray toNpy(const RefTensor &tensor);

} // namespace nnc::interp

#endif // NNC_COMPILER_INTERPRETER_NPYCONVERSION_H
