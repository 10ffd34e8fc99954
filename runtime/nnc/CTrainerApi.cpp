//===- CTrainerApi.cpp - The C API of nnc::Trainer ------------------------===//
//
// Thin wrappers, as in CApi.cpp: check NULLs, forward to nnc::Trainer.
//
//===----------------------------------------------------------------------===//

#include "nnc/CApiHandles.h"
#include "nnc/Trainer.h"
#include "nnc/nnc.h"

#include <string>
#include <vector>

using namespace nnc;

namespace {
/// The tensors behind `handles`; a NULL array or handle is an error.
nnc_status_t unwrapAll(nnc_tensor_t *const *handles, size_t count,
                       std::vector<Tensor> &tensors) {
  if (count && !handles)
    return invalidArgument("null data array");
  for (size_t i = 0; i < count; ++i) {
    if (!handles[i])
      return invalidArgument("data input #" + std::to_string(i) +
                             " is a null handle");
    tensors.push_back(handles[i]->tensor);
  }
  return nullptr;
}
} // namespace

nnc_status_t nnc_trainer_create(const nnc_executable_t *executable,
                                const char *train_entry,
                                const char *predict_entry, uint64_t seed,
                                nnc_trainer_t **out_trainer) {
  if (!executable || !train_entry || !out_trainer)
    return invalidArgument("null executable, train_entry or out_trainer");
  TrainerOptions options;
  options.trainEntry = train_entry;
  options.predictEntry = predict_entry ? predict_entry : "";
  options.seed = seed;
  Trainer trainer;
  if (Status status = Trainer::create(executable->executable, options, trainer);
      !status.ok())
    return toStatus(status);
  *out_trainer = new nnc_trainer_s{std::move(trainer)};
  return nullptr;
}

void nnc_trainer_free(nnc_trainer_t *trainer) { delete trainer; }

nnc_status_t nnc_trainer_step(nnc_trainer_t *trainer, nnc_tensor_t *const *data,
                              size_t num_data, float *out_loss) {
  std::vector<Tensor> tensors;
  if (!trainer || !out_loss)
    return invalidArgument("null trainer or out_loss");
  if (nnc_status_t status = unwrapAll(data, num_data, tensors))
    return status;
  return toStatus(trainer->trainer.step(tensors, *out_loss));
}

nnc_status_t nnc_trainer_predict(nnc_trainer_t *trainer,
                                 nnc_tensor_t *const *data, size_t num_data,
                                 nnc_tensor_t **results, size_t num_results) {
  std::vector<Tensor> tensors, outputs(num_results);
  if (!trainer || (num_results && !results))
    return invalidArgument("null trainer or results");
  const nnc_entry_desc_t *entry = trainer->trainer.predictEntry();
  if (entry && entry->num_results != num_results)
    return invalidArgument(std::string(entry->name) + ": expects " +
                           std::to_string(entry->num_results) +
                           " results, got " + std::to_string(num_results));
  if (nnc_status_t status = unwrapAll(data, num_data, tensors))
    return status;
  for (size_t i = 0; i < num_results; ++i)
    if (results[i])
      outputs[i] = results[i]->tensor;
  if (Status status = trainer->trainer.predict(tensors, outputs); !status.ok())
    return toStatus(status);
  for (size_t i = 0; i < num_results; ++i)
    store(std::move(outputs[i]), results[i]);
  return nullptr;
}

int64_t nnc_trainer_step_count(const nnc_trainer_t *trainer) {
  return trainer ? trainer->trainer.stepCount() : 0;
}

nnc_status_t nnc_trainer_get_tensor(const nnc_trainer_t *trainer,
                                    const char *name,
                                    nnc_tensor_t **out_tensor) {
  Tensor tensor;
  if (!trainer || !name || !out_tensor)
    return invalidArgument("null trainer, name or out_tensor");
  if (Status status = trainer->trainer.tensor(name, tensor); !status.ok())
    return toStatus(status);
  *out_tensor = new nnc_tensor_s{std::move(tensor)};
  return nullptr;
}

nnc_status_t nnc_trainer_set_tensor(nnc_trainer_t *trainer, const char *name,
                                    const nnc_tensor_t *value) {
  if (!trainer || !name || !value)
    return invalidArgument("null trainer, name or value");
  return toStatus(trainer->trainer.setTensor(name, value->tensor));
}

nnc_status_t nnc_trainer_save(const nnc_trainer_t *trainer, const char *path) {
  if (!trainer || !path)
    return invalidArgument("null trainer or path");
  return toStatus(trainer->trainer.save(path));
}

nnc_status_t nnc_trainer_load(nnc_trainer_t *trainer, const char *path) {
  if (!trainer || !path)
    return invalidArgument("null trainer or path");
  return toStatus(trainer->trainer.load(path));
}
