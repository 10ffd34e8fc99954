//===- PrintTensor.h - human-readable tensors for nnc-run -------*- C++ -*-===//

#ifndef NNC_TOOLS_NNCRUN_PRINTTENSOR_H
#define NNC_TOOLS_NNCRUN_PRINTTENSOR_H

#include "compiler/interpreter/RefTensor.h"

#include <string>

namespace nnc {

/// NumPy-like nested brackets with a dtype/shape header, e.g.
/// "f32 [2, 2]\n[[1, 2],\n [3, 4]]". Long dimensions are elided with "...".
std::string formatTensor(const interp::RefTensor &tensor);

} // namespace nnc

#endif // NNC_TOOLS_NNCRUN_PRINTTENSOR_H
