/*===- nnc.h - The C API of the nnc runtime --------------------*- C -*-===//
 *
 * For callers in C and other languages (ctypes, cffi, FFI): load a compiled
 * model, create tensors, initialize parameters and call entries. It wraps the
 * C++ API (nnc/Executable.h, nnc/Tensor.h, nnc/Init.h, nnc/Trainer.h) with
 * opaque handles.
 *
 *   nnc_executable_t *exe = NULL;
 *   nnc_status_t status = nnc_executable_load("mlp.so", &exe);
 *   if (status) {
 *     fprintf(stderr, "%s\n", nnc_status_message(status));
 *     nnc_status_free(status);
 *   }
 *
 * Conventions: fallible functions return an nnc_status_t, NULL on success,
 * and write their product through a final `out_` pointer only on success.
 * Every `_create`, `_load`, `_wrap`, `_read_npy` or `_clone` product belongs
 * to the caller, who releases it with the matching `_free` (which accepts
 * NULL). Passing a NULL where a handle is required gives
 * NNC_STATUS_INVALID_ARGUMENT, never a crash.
 *===----------------------------------------------------------------------===*/

#ifndef NNC_NNC_H
#define NNC_NNC_H

#include "nnc/Api.h"
#include "nnc/abi.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*===-- Status ------------------------------------------------------------===*/

typedef enum nnc_status_code_e {
  NNC_STATUS_OK = 0,
  /* The C call itself was malformed: a NULL handle or pointer, an unknown
   * dtype, a negative size, a count that does not match the entry. */
  NNC_STATUS_INVALID_ARGUMENT = 1,
  /* The runtime reported an error: loading a model, checking a call's
   * tensors, reading or writing a file, running out of memory. */
  NNC_STATUS_FAILED = 2,
} nnc_status_code_t;

/* An error, or NULL for success. Thread-safety: an immutable value owned by
 * the caller; it may be read from any thread and must be freed once. */
typedef struct nnc_status_s *nnc_status_t;

/* NNC_STATUS_OK for NULL. */
NNC_API nnc_status_code_t nnc_status_code(nnc_status_t status);

/* The message, lower-case without a final period; "" for NULL. The string
 * belongs to `status` and lives until nnc_status_free(status). */
NNC_API const char *nnc_status_message(nnc_status_t status);

NNC_API void nnc_status_free(nnc_status_t status);

/*===-- Tensor ------------------------------------------------------------===*/

/* A handle to a dense row-major array. Thread-safety: distinct handles may be
 * used from distinct threads, even when they share data; one handle must not
 * be freed or overwritten (as a call's result) while another thread uses it.
 * Element reads and writes are not synchronized. */
typedef struct nnc_tensor_s nnc_tensor_t;

/* Allocates a zero-filled tensor; its data is 64-byte aligned. `shape` holds
 * `rank` non-negative sizes and may be NULL when rank is 0. */
NNC_API nnc_status_t nnc_tensor_create(nnc_dtype_t dtype, uint32_t rank,
                                       const int64_t *shape,
                                       nnc_tensor_t **out_tensor);

/* Wraps the caller's `data` without copying. The caller keeps ownership of
 * `data`, which must outlive the handle and every result computed in place
 * from it; the runtime never frees it. */
NNC_API nnc_status_t nnc_tensor_wrap(nnc_dtype_t dtype, uint32_t rank,
                                     const int64_t *shape, void *data,
                                     nnc_tensor_t **out_tensor);

/* Reads a NumPy .npy file into a new tensor. */
NNC_API nnc_status_t nnc_tensor_read_npy(const char *path,
                                         nnc_tensor_t **out_tensor);

/* Writes `tensor` to `path` atomically as a version 1.0 .npy file. */
NNC_API nnc_status_t nnc_tensor_write_npy(const nnc_tensor_t *tensor,
                                          const char *path);

/* Releases the handle; owned data goes when its last handle (including the
 * runtime's own, if any) does. */
NNC_API void nnc_tensor_free(nnc_tensor_t *tensor);

/* Queries on a non-NULL handle. The shape array belongs to the handle and
 * lives until it is freed or overwritten by a call. The data pointer is
 * writable and lives as long as the data does. */
NNC_API nnc_dtype_t nnc_tensor_dtype(const nnc_tensor_t *tensor);
NNC_API uint32_t nnc_tensor_rank(const nnc_tensor_t *tensor);
NNC_API const int64_t *nnc_tensor_shape(const nnc_tensor_t *tensor);
NNC_API void *nnc_tensor_data(const nnc_tensor_t *tensor);
NNC_API size_t nnc_tensor_byte_size(const nnc_tensor_t *tensor);

/*===-- Executable --------------------------------------------------------===*/

/* A loaded model. Thread-safety: calls through one handle must not overlap
 * (an entry's scratch arena is shared by its calls); the queries may run
 * concurrently with each other. For parallel calls, give each thread its own
 * handle from nnc_executable_clone. */
typedef struct nnc_executable_s nnc_executable_t;

/* Loads a compiled model.so (see nnc::Executable::load). */
NNC_API nnc_status_t nnc_executable_load(const char *path,
                                         nnc_executable_t **out_executable);

/* A new handle sharing the loaded code but with its own arenas, so that it
 * may call concurrently with `executable`. */
NNC_API nnc_status_t nnc_executable_clone(const nnc_executable_t *executable,
                                          nnc_executable_t **out_executable);

/* Releases the handle; the library is unloaded with its last handle. Every
 * pointer obtained from the handle becomes invalid. */
NNC_API void nnc_executable_free(nnc_executable_t *executable);

/* The number of entries, and the name of entry `index` (NULL when out of
 * range); the name lives as long as the executable. */
NNC_API uint32_t nnc_executable_entry_count(const nnc_executable_t *executable);
NNC_API const char *
nnc_executable_entry_name(const nnc_executable_t *executable, uint32_t index);

/* The full signature of an entry (nnc/abi.h); it lives as long as the
 * executable. */
NNC_API nnc_status_t nnc_executable_entry(const nnc_executable_t *executable,
                                          const char *entry,
                                          const nnc_entry_desc_t **out_entry);

/* Fills the parameter and state slots of `args` (num_args must equal the
 * entry's argument count) with new tensors initialized from `seed` as
 * nnc::initializeParameters does: a NULL slot receives a new handle, owned by
 * the caller; a non-NULL slot is overwritten in place. Input slots are left
 * untouched. Only the queries of `executable` are used. */
NNC_API nnc_status_t nnc_executable_initialize_parameters(
    const nnc_executable_t *executable, const char *entry, uint64_t seed,
    nnc_tensor_t **args, size_t num_args);

/* Calls `entry` (see nnc::Executable::call). `args` holds num_args non-NULL
 * handles, which are borrowed. `results` holds num_results slots, equal to
 * the entry's result count: a NULL slot receives a new handle, owned by the
 * caller; a non-NULL slot of the right dtype and shape is written in place
 * (no allocation), any other is overwritten with a new tensor. On error the
 * slots are left as they were. */
NNC_API nnc_status_t nnc_executable_call(
    nnc_executable_t *executable, const char *entry, nnc_tensor_t *const *args,
    size_t num_args, nnc_tensor_t **results, size_t num_results);

/*===-- Trainer -----------------------------------------------------------===*/

/* Trains a model compiled with a train step (see nnc/Trainer.h): owns the
 * parameters, states and optimizer state, initialized from a seed.
 * Thread-safety: calls through one handle must not overlap. */
typedef struct nnc_trainer_s nnc_trainer_t;

/* Creates a trainer for `train_entry` (e.g. "loss_train_step") of
 * `executable`, predicting through `predict_entry` (NULL for none). The
 * trainer keeps its own handle to the model; `executable` may be freed. */
NNC_API nnc_status_t nnc_trainer_create(const nnc_executable_t *executable,
                                        const char *train_entry,
                                        const char *predict_entry,
                                        uint64_t seed,
                                        nnc_trainer_t **out_trainer);

NNC_API void nnc_trainer_free(nnc_trainer_t *trainer);

/* Runs one step on the train step's data inputs (its inputs other than
 * dropout seeds, in order) and writes the loss of the batch. */
NNC_API nnc_status_t nnc_trainer_step(nnc_trainer_t *trainer,
                                      nnc_tensor_t *const *data,
                                      size_t num_data, float *out_loss);

/* Calls the prediction entry on its data inputs; `results` as for
 * nnc_executable_call. */
NNC_API nnc_status_t nnc_trainer_predict(nnc_trainer_t *trainer,
                                         nnc_tensor_t *const *data,
                                         size_t num_data,
                                         nnc_tensor_t **results,
                                         size_t num_results);

/* The number of steps taken; 0 for NULL. */
NNC_API int64_t nnc_trainer_step_count(const nnc_trainer_t *trainer);

/* A new handle to the parameter, state or optimizer-state tensor `name`,
 * sharing the trainer's data (writes to it change the model). */
NNC_API nnc_status_t nnc_trainer_get_tensor(const nnc_trainer_t *trainer,
                                            const char *name,
                                            nnc_tensor_t **out_tensor);

/* Copies `value` (same dtype and shape) into the tensor `name`. */
NNC_API nnc_status_t nnc_trainer_set_tensor(nnc_trainer_t *trainer,
                                            const char *name,
                                            const nnc_tensor_t *value);

/* Writes or restores a safetensors checkpoint (see nnc::Trainer::save and
 * load); a rejected checkpoint leaves the trainer unchanged. */
NNC_API nnc_status_t nnc_trainer_save(const nnc_trainer_t *trainer,
                                      const char *path);
NNC_API nnc_status_t nnc_trainer_load(nnc_trainer_t *trainer, const char *path);

#ifdef __cplusplus
}
#endif

#endif /* NNC_NNC_H */
