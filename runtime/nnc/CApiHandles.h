//===- CApiHandles.h - The handles behind the C API -------------*- C++ -*-===//
//
// Internal to the runtime (not exported): the definitions of the opaque C
// handles and the helpers that turn C++ results into nnc_status_t, shared by
// CApi.cpp and CTrainerApi.cpp.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_CAPIHANDLES_H
#define NNC_CAPIHANDLES_H

#include "nnc/Executable.h"
#include "nnc/Status.h"
#include "nnc/Tensor.h"
#include "nnc/Trainer.h"
#include "nnc/nnc.h"

#include <string>
#include <utility>

struct nnc_status_s {
  nnc_status_code_t code;
  std::string message;
};

struct nnc_tensor_s {
  nnc::Tensor tensor;
};

struct nnc_executable_s {
  nnc::Executable executable;
};

struct nnc_trainer_s {
  nnc::Trainer trainer;
};

namespace nnc {

inline nnc_status_t invalidArgument(std::string message) {
  return new nnc_status_s{NNC_STATUS_INVALID_ARGUMENT, std::move(message)};
}

inline nnc_status_t toStatus(const Status &status) {
  if (status.ok())
    return nullptr;
  return new nnc_status_s{NNC_STATUS_FAILED, status.message()};
}

/// Stores `tensor` in `slot`, creating the handle if the slot is empty.
inline void store(Tensor tensor, nnc_tensor_t *&slot) {
  if (slot)
    slot->tensor = std::move(tensor);
  else
    slot = new nnc_tensor_s{std::move(tensor)};
}

} // namespace nnc

#endif // NNC_CAPIHANDLES_H
