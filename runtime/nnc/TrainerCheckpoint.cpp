//===- TrainerCheckpoint.cpp - Saving and restoring a Trainer -------------===//
//
// A checkpoint is a safetensors file of every tensor the trainer owns, under
// its descriptor name, plus the step count in __metadata__. Loading checks
// the whole file against the trainer before copying anything, so that a
// rejected checkpoint leaves the trainer as it was.
//
//===----------------------------------------------------------------------===//

#include "nnc/Safetensors.h"
#include "nnc/Trainer.h"
#include "nnc/TrainerState.h"

#include <cstdlib>
#include <cstring>

using namespace nnc;

namespace {
constexpr char kFormat[] = "nnc-trainer";

std::string describeTensor(const Tensor &tensor) {
  return std::string(dtypeName(tensor.dtype())) + " " +
         describeShape(tensor.shape());
}

/// Every owned tensor is in `contents` with its dtype and shape.
Status checkExpected(const TrainerState &state,
                     const SafetensorsContents &contents) {
  for (uint32_t position : state.owned) {
    const char *name = state.nameAt(position);
    const Tensor &have = state.train.args[position];
    const Tensor *found = contents.find(name);
    if (!found)
      return Status::error("no tensor '" + std::string(name) +
                           "' (the model "
                           "expects " +
                           describeTensor(have) + ")");
    if (found->dtype() != have.dtype() || found->shape() != have.shape())
      return Status::error("tensor '" + std::string(name) + "' is " +
                           describeTensor(*found) + ", but the model expects " +
                           describeTensor(have));
  }
  return Status::success();
}

/// Nothing in `contents` is unknown to the trainer: a tensor it cannot place
/// means the checkpoint belongs to another model or optimizer.
Status checkUnexpected(const TrainerState &state,
                       const SafetensorsContents &contents) {
  for (const NamedTensor &named : contents.tensors)
    if (state.find(named.name) < 0)
      return Status::error("unexpected tensor '" + named.name +
                           "' (not a parameter, state or optimizer state of " +
                           state.train.entry->name + ")");
  return Status::success();
}

Status readStep(const SafetensorsContents &contents, int64_t &step) {
  auto it = contents.metadata.find("step");
  step = 0;
  if (it == contents.metadata.end())
    return Status::success();
  const std::string &text = it->second;
  char *end = nullptr;
  long long value = std::strtoll(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || value < 0)
    return Status::error("__metadata__ 'step' is '" + text +
                         "', not a step count");
  step = value;
  return Status::success();
}
} // namespace

Status Trainer::save(const std::string &path) const {
  if (!state)
    return Status::error(path + ": the trainer has no model to save");
  std::vector<NamedTensor> tensors;
  for (uint32_t position : state->owned)
    tensors.push_back({state->nameAt(position), state->train.args[position]});
  std::map<std::string, std::string> metadata = {
      {"format", kFormat},
      {"model", state->options.model},
      {"optimizer", state->options.optimizer},
      {"train_entry", state->train.entry->name},
      {"step", std::to_string(state->steps)},
  };
  return writeSafetensors(path, tensors, metadata);
}

Status Trainer::load(const std::string &path) {
  if (!state)
    return Status::error(path + ": the trainer has no model to load into");
  SafetensorsContents contents;
  if (Status status = readSafetensors(path, contents); !status.ok())
    return status;
  int64_t step = 0;
  Status status = checkExpected(*state, contents);
  if (status.ok())
    status = checkUnexpected(*state, contents);
  if (status.ok())
    status = readStep(contents, step);
  if (!status.ok())
    return Status::error(path + ": " + status.message());
  for (uint32_t position : state->owned) {
    Tensor &target = state->train.args[position];
    if (target.byteSize() > 0)
      std::memcpy(target.data(), contents.find(state->nameAt(position))->data(),
                  target.byteSize());
  }
  state->steps = step;
  return Status::success();
}
