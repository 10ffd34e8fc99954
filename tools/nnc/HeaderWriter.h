//===- HeaderWriter.h - the C header of a compiled model --------*- C++ -*-===//

#ifndef NNC_TOOLS_NNC_HEADERWRITER_H
#define NNC_TOOLS_NNC_HEADERWRITER_H

#include "compiler/driver/Signature.h"

#include <string>
#include <vector>

namespace nnc {

/// A C header documenting every entry of a model (tensors, roles, initializers,
/// arena size) with index constants, for use with runtime/nnc/nnc.h.
std::string writeModelHeader(const std::string &modelName,
                             const std::vector<EntrySignature> &entries);

} // namespace nnc

#endif // NNC_TOOLS_NNC_HEADERWRITER_H
