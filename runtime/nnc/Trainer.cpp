//===- Trainer.cpp - Training a compiled model step by step ---------------===//

#include "nnc/Trainer.h"
#include "nnc/Init.h"
#include "nnc/Signature.h"
#include "nnc/TrainerState.h"

#include <cstring>
#include <utility>

using namespace nnc;

namespace {
/// Streams of deriveSeed() for the dropout seeds, apart from the streams of
/// the argument initializers (indexed by argument position).
constexpr uint64_t kTrainSeedStream = 0x7472'6169'6e00'0000ull;   // "train"
constexpr uint64_t kPredictSeedStream = 0x7072'6564'6900'0000ull; // "predi"

bool isSeed(const nnc_tensor_desc_t &desc) {
  return desc.role == NNC_ROLE_INPUT && desc.dtype == NNC_DTYPE_I64 &&
         desc.rank == 0;
}

bool isOwned(const nnc_tensor_desc_t &desc) {
  return desc.role == NNC_ROLE_PARAM || desc.role == NNC_ROLE_STATE ||
         desc.role == NNC_ROLE_OPT_STATE;
}

/// Sorts the inputs of `binding.entry` into data and seeds, and creates the
/// seed tensors.
Status classifyInputs(EntryBinding &binding) {
  const nnc_entry_desc_t &entry = *binding.entry;
  binding.args.resize(entry.num_args);
  for (uint32_t i = 0; i < entry.num_args; ++i) {
    if (entry.args[i].role != NNC_ROLE_INPUT)
      continue;
    if (!isSeed(entry.args[i])) {
      binding.dataPositions.push_back(i);
      continue;
    }
    binding.seedPositions.push_back(i);
    if (Status status = Tensor::create(DType::I64, {}, binding.args[i]);
        !status.ok())
      return status;
  }
  return Status::success();
}

/// The loss is the train step's one result, an f32 scalar.
Status checkTrainStep(const nnc_entry_desc_t &entry) {
  std::string name = entry.name;
  if (entry.num_results != 1 || entry.results[0].dtype != NNC_DTYPE_F32 ||
      entry.results[0].rank != 0)
    return Status::error(name +
                         " is not a train step: it must return one f32 "
                         "scalar (the loss), but returns " +
                         std::to_string(entry.num_results) + " results" +
                         (entry.num_results == 1
                              ? " (" + describeSignature(entry.results[0]) + ")"
                              : std::string()));
  for (uint32_t i = 0; i < entry.num_args; ++i)
    if (entry.args[i].role == NNC_ROLE_PARAM)
      return Status::success();
  return Status::error(name + " is not a train step: it has no parameters");
}

/// Optimizer state starts at zero whatever nn.init its parameter has.
Status createZeros(const nnc_tensor_desc_t &desc, Tensor &out) {
  nnc_tensor_desc_t zeros = desc;
  zeros.init = "zeros";
  return initialize(zeros, 0, out);
}

/// Initializes parameters and states from the seed and zero-fills the
/// optimizer state; names must be unique, since checkpoints use them.
Status initializeOwned(TrainerState &state) {
  const nnc_entry_desc_t &entry = *state.train.entry;
  std::vector<Tensor> &args = state.train.args;
  std::vector<Tensor> initialized;
  if (Status status =
          initializeParameters(entry, state.options.seed, initialized);
      !status.ok())
    return status;
  for (uint32_t i = 0; i < entry.num_args; ++i) {
    const nnc_tensor_desc_t &desc = entry.args[i];
    if (!isOwned(desc))
      continue;
    if (state.find(desc.name) >= 0)
      return Status::error(std::string(entry.name) +
                           ": two arguments are "
                           "named '" +
                           desc.name +
                           "'; checkpoints need "
                           "unique names (set nn.name)");
    args[i] = std::move(initialized[i]);
    if (desc.role == NNC_ROLE_OPT_STATE)
      if (Status status = createZeros(desc, args[i]); !status.ok())
        return Status::error(std::string(entry.name) + ": argument #" +
                             std::to_string(i) + " " + status.message());
    state.owned.push_back(i);
  }
  return Status::success();
}

/// The positions of the arguments of `entry` with `role`, in order.
std::vector<uint32_t> positionsOf(const nnc_entry_desc_t &entry,
                                  uint32_t role) {
  std::vector<uint32_t> positions;
  for (uint32_t i = 0; i < entry.num_args; ++i)
    if (entry.args[i].role == role)
      positions.push_back(i);
  return positions;
}

/// Shares the train step's k-th parameter (state) with the prediction
/// entry's k-th parameter (state).
Status bindPredictRole(TrainerState &state, uint32_t role, const char *what) {
  const nnc_entry_desc_t &predict = *state.predict.entry;
  const nnc_entry_desc_t &train = *state.train.entry;
  std::vector<uint32_t> from = positionsOf(train, role);
  std::vector<uint32_t> to = positionsOf(predict, role);
  for (size_t k = 0; k < to.size(); ++k) {
    const nnc_tensor_desc_t &want = predict.args[to[k]];
    std::string label = std::string(predict.name) + ": " + what + " #" +
                        std::to_string(k) + " '" + want.name + "'";
    if (k >= from.size())
      return Status::error(label + " has no counterpart: " + train.name +
                           " has only " + std::to_string(from.size()) + " " +
                           what + "s");
    const Tensor &have = state.train.args[from[k]];
    if (!matches(have, want, 0))
      return Status::error(label + " is " + describeSignature(want) + ", but " +
                           train.name + "'s " + what + " #" +
                           std::to_string(k) + " '" + train.args[from[k]].name +
                           "' is " + describeSignature(train.args[from[k]]));
    state.predict.args[to[k]] = have;
  }
  return Status::success();
}

Status bindPredict(TrainerState &state) {
  if (state.options.predictEntry.empty())
    return Status::success();
  if (Status status = state.executable.findEntry(state.options.predictEntry,
                                                 state.predict.entry);
      !status.ok())
    return Status::error("prediction entry: " + status.message());
  if (Status status = classifyInputs(state.predict); !status.ok())
    return status;
  if (Status status = bindPredictRole(state, NNC_ROLE_PARAM, "parameter");
      !status.ok())
    return status;
  return bindPredictRole(state, NNC_ROLE_STATE, "state");
}

std::vector<const nnc_tensor_desc_t *> describeData(const EntryBinding &b) {
  std::vector<const nnc_tensor_desc_t *> descs;
  for (uint32_t position : b.dataPositions)
    descs.push_back(&b.entry->args[position]);
  return descs;
}

/// Calls the bound entry with `data` in the data positions and fresh seeds
/// from `stream` and `counter`; the data handles are dropped afterwards so
/// that the trainer never keeps the caller's memory alive.
Status callBound(Executable &executable, EntryBinding &binding,
                 const std::vector<Tensor> &data, uint64_t seed,
                 uint64_t counter, std::vector<Tensor> &results) {
  const nnc_entry_desc_t &entry = *binding.entry;
  if (data.size() != binding.dataPositions.size()) {
    std::string names;
    for (uint32_t position : binding.dataPositions)
      names +=
          (names.empty() ? "" : ", ") + std::string(entry.args[position].name);
    return Status::error(std::string(entry.name) + ": expects " +
                         std::to_string(binding.dataPositions.size()) +
                         " data inputs (" + names + "), got " +
                         std::to_string(data.size()));
  }
  for (size_t i = 0; i < data.size(); ++i)
    binding.args[binding.dataPositions[i]] = data[i];
  for (size_t j = 0; j < binding.seedPositions.size(); ++j)
    *binding.args[binding.seedPositions[j]].data<int64_t>() =
        int64_t(deriveSeed(deriveSeed(seed, j), counter));
  Status status = executable.call(entry.name, binding.args, results);
  for (uint32_t position : binding.dataPositions)
    binding.args[position] = Tensor();
  return status;
}
} // namespace

int64_t TrainerState::find(const std::string &name) const {
  for (uint32_t position : owned)
    if (name == nameAt(position))
      return position;
  return -1;
}

Trainer::Trainer() = default;
Trainer::~Trainer() = default;
Trainer::Trainer(Trainer &&other) noexcept = default;
Trainer &Trainer::operator=(Trainer &&other) noexcept = default;

Status Trainer::create(Executable executable, TrainerOptions options,
                       Trainer &out) {
  auto state = std::make_unique<TrainerState>();
  state->executable = std::move(executable);
  state->options = std::move(options);
  if (Status status = state->executable.findEntry(state->options.trainEntry,
                                                  state->train.entry);
      !status.ok())
    return Status::error("train step: " + status.message());
  if (Status status = checkTrainStep(*state->train.entry); !status.ok())
    return status;
  if (Status status = classifyInputs(state->train); !status.ok())
    return status;
  if (Status status = initializeOwned(*state); !status.ok())
    return status;
  if (Status status = bindPredict(*state); !status.ok())
    return status;
  out.state = std::move(state);
  return Status::success();
}

std::vector<const nnc_tensor_desc_t *> Trainer::dataInputs() const {
  return state ? describeData(state->train)
               : std::vector<const nnc_tensor_desc_t *>();
}

std::vector<const nnc_tensor_desc_t *> Trainer::predictInputs() const {
  return state && state->predict.entry
             ? describeData(state->predict)
             : std::vector<const nnc_tensor_desc_t *>();
}

const nnc_entry_desc_t *Trainer::predictEntry() const {
  return state ? state->predict.entry : nullptr;
}

Status Trainer::step(const std::vector<Tensor> &data, float &loss) {
  if (!state)
    return Status::error("the trainer has no model (use Trainer::create)");
  uint64_t seed = deriveSeed(state->options.seed, kTrainSeedStream);
  if (Status status = callBound(state->executable, state->train, data, seed,
                                uint64_t(state->steps), state->lossResult);
      !status.ok())
    return status;
  loss = *state->lossResult[0].data<float>();
  ++state->steps;
  return Status::success();
}

Status Trainer::predict(const std::vector<Tensor> &data,
                        std::vector<Tensor> &results) {
  if (!state || !state->predict.entry)
    return Status::error("the trainer has no prediction entry");
  uint64_t seed = deriveSeed(state->options.seed, kPredictSeedStream);
  return callBound(state->executable, state->predict, data, seed,
                   state->predictions++, results);
}

int64_t Trainer::stepCount() const { return state ? state->steps : 0; }

std::vector<std::string> Trainer::tensorNames() const {
  std::vector<std::string> names;
  if (state)
    for (uint32_t position : state->owned)
      names.push_back(state->nameAt(position));
  return names;
}

Status Trainer::tensor(const std::string &name, Tensor &out) const {
  int64_t position = state ? state->find(name) : -1;
  if (position < 0)
    return Status::error("the trainer has no tensor named '" + name + "'");
  out = state->train.args[size_t(position)];
  return Status::success();
}

Status Trainer::setTensor(const std::string &name, const Tensor &value) {
  Tensor target;
  if (Status status = tensor(name, target); !status.ok())
    return status;
  if (value.dtype() != target.dtype() || value.shape() != target.shape())
    return Status::error("'" + name + "' is " + dtypeName(target.dtype()) +
                         " " + describeShape(target.shape()) + ", got " +
                         dtypeName(value.dtype()) + " " +
                         describeShape(value.shape()));
  if (value.data() != target.data() && target.byteSize() > 0)
    std::memmove(target.data(), value.data(), target.byteSize());
  return Status::success();
}
