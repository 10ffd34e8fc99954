//===- TrainerState.h - What a Trainer holds --------------------*- C++ -*-===//
//
// Internal to the runtime (not exported): shared by Trainer.cpp (steps and
// predictions) and TrainerCheckpoint.cpp (save and load).
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TRAINERSTATE_H
#define NNC_TRAINERSTATE_H

#include "nnc/Trainer.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace nnc {

/// How an entry's arguments are filled on each call.
struct EntryBinding {
  const nnc_entry_desc_t *entry = nullptr;
  /// The arguments: trainer tensors at parameter, state and optimizer-state
  /// positions; seed tensors at seed positions; data while a call runs.
  std::vector<Tensor> args;
  std::vector<uint32_t> dataPositions;
  std::vector<uint32_t> seedPositions;
};

struct TrainerState {
  Executable executable;
  TrainerOptions options;
  EntryBinding train;
  EntryBinding predict; // entry is null when there is no prediction entry
  /// Positions in train.args of the tensors the trainer owns (parameters,
  /// states, optimizer state), in argument order.
  std::vector<uint32_t> owned;
  std::vector<Tensor> lossResult;
  int64_t steps = 0;
  uint64_t predictions = 0;

  /// The position in train.args of the tensor named `name`, or -1.
  int64_t find(const std::string &name) const;
  /// The owned tensor's name.
  const char *nameAt(uint32_t position) const {
    return train.entry->args[position].name;
  }
};

} // namespace nnc

#endif // NNC_TRAINERSTATE_H
