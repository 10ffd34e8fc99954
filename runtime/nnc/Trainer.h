//===- Trainer.h - Training a compiled model step by step -------*- C++ -*-===//
//
// A Trainer owns the parameters, the nn.state tensors and the optimizer
// state of a model compiled with a train step (`nnc --train=F` adds
// @F_train_step, NN_IR.md "Derived functions"), and runs the step on batches
// of data. The step updates those tensors in place; a prediction entry
// (default "forward") reads the same tensors, so it always sees the latest
// parameters without a copy.
//
//   nnc::TrainerOptions options;
//   options.trainEntry = "loss_train_step";
//   options.seed = 42;
//   nnc::Trainer trainer;
//   if (Status s = nnc::Trainer::create(exe, options, trainer); !s.ok()) ...
//   float loss;
//   if (Status s = trainer.step({images, labels}, loss); !s.ok()) ...
//   trainer.save("model.safetensors");
//
// What the trainer expects of the train step (the compiler's contract): its
// arguments are inputs (role NNC_ROLE_INPUT), parameters, states and
// optimizer state (NNC_ROLE_OPT_STATE), and its one result is the loss, an
// f32 scalar. Parameters and states are initialized from the seed as their
// nn.init says (nnc::initializeParameters); optimizer state starts at zero.
//
// Data and seeds: the inputs of an entry that are i64 scalars are dropout
// seeds. The trainer supplies them itself, a fresh value derived from
// (seed, step count, position) on every step, so that each step draws new
// masks and a run is reproducible. The other inputs are the entry's data:
// callers pass exactly those, in order (dataInputs()).
//
// Prediction: the k-th parameter (state) argument of the prediction entry is
// the train step's k-th parameter (state), as NN_IR.md's convention has
// @forward and @loss take the same parameters in the same order; their
// dtypes and shapes must agree.
//
// Checkpoints are safetensors files (nnc/Safetensors.h) holding every
// parameter, state and optimizer-state tensor under its descriptor name,
// with __metadata__ {"format": "nnc-trainer", "model", "optimizer",
// "train_entry", "step"}.
//
// Thread-safety: a Trainer is not safe for concurrent use. It is move-only:
// copies would silently share parameters.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_TRAINER_H
#define NNC_TRAINER_H

#include "nnc/Api.h"
#include "nnc/Executable.h"
#include "nnc/Status.h"
#include "nnc/Tensor.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nnc {

/// What a Trainer holds (internal to the runtime).
struct TrainerState;

struct TrainerOptions {
  /// The train step, e.g. "loss_train_step".
  std::string trainEntry;
  /// The entry predict() calls; empty for none.
  std::string predictEntry = "forward";
  /// Seeds initialization and the dropout seeds of every step.
  uint64_t seed = 0;
  /// Recorded in checkpoints (e.g. the model file and the optimizer spec).
  std::string model;
  std::string optimizer;
};

class Trainer {
public:
  /// An empty trainer; use create().
  NNC_API Trainer();
  NNC_API ~Trainer();
  NNC_API Trainer(Trainer &&other) noexcept;
  NNC_API Trainer &operator=(Trainer &&other) noexcept;
  Trainer(const Trainer &) = delete;
  Trainer &operator=(const Trainer &) = delete;

  /// Checks the entries against the contract above and initializes every
  /// tensor. `executable` may be a loaded .so or a JIT-compiled model.
  NNC_API static Status create(Executable executable, TrainerOptions options,
                               Trainer &out);

  /// The data inputs of the train step (its inputs other than seeds), in
  /// order: what step() takes.
  NNC_API std::vector<const nnc_tensor_desc_t *> dataInputs() const;
  /// The data inputs of the prediction entry: what predict() takes.
  NNC_API std::vector<const nnc_tensor_desc_t *> predictInputs() const;
  /// The prediction entry's descriptor, or null when there is none.
  NNC_API const nnc_entry_desc_t *predictEntry() const;

  /// Runs one step on `data` (see dataInputs()) and returns the loss of the
  /// batch before the update. On error no parameter has changed.
  NNC_API Status step(const std::vector<Tensor> &data, float &loss);

  /// Calls the prediction entry on `data` with the current parameters.
  NNC_API Status predict(const std::vector<Tensor> &data,
                         std::vector<Tensor> &results);

  /// The number of steps taken (restored by load()).
  NNC_API int64_t stepCount() const;

  /// The names of the parameters, states and optimizer state, in the train
  /// step's argument order.
  NNC_API std::vector<std::string> tensorNames() const;

  /// The tensor named `name`. It shares the trainer's storage: it shows
  /// every later step, and writes to it change the model.
  NNC_API Status tensor(const std::string &name, Tensor &out) const;

  /// Copies `value`, which must have the dtype and shape of the tensor named
  /// `name`, into it.
  NNC_API Status setTensor(const std::string &name, const Tensor &value);

  /// Writes a checkpoint atomically (see above).
  NNC_API Status save(const std::string &path) const;

  /// Restores a checkpoint written by save(): every tensor must be there
  /// with its dtype and shape, and nothing else. On error nothing changes.
  NNC_API Status load(const std::string &path);

private:
  std::unique_ptr<TrainerState> state;
};

} // namespace nnc

#endif // NNC_TRAINER_H
