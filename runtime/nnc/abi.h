/*===- abi.h - the C ABI between compiled models and the runtime -*- C -*-===//
 *
 * A compiled model (an AOT .so, or code JIT-compiled in process) exports one
 * function, nnc_model_descriptor(), returning a constant description of its
 * entry points: names, argument and result tensors with their dtypes, shapes,
 * roles and initializers, the scratch arena each needs, and a packed call
 * wrapper. The runtime checks abi_version before reading anything else.
 *
 * Calling convention of `invoke`: `args` holds, in order, one pointer per
 * argument and then one per result, each to a ranked memref descriptor
 * { void *allocated; void *aligned; int64_t offset; int64_t sizes[rank];
 *   int64_t strides[rank]; } (MLIR's layout); results are written into
 * caller-provided buffers. `arena` points to at least
 * arena_bytes + arena_bytes_per_batch * N bytes, 64-byte aligned, where N is
 * the batch size. Every dynamic size (-1) in an entry's signature is the same
 * batch size N.
 *
 * What nnc::Executable guarantees to `invoke` (and checks before calling):
 * offset, sizes and strides count elements, as in MLIR; every buffer is
 * contiguous row-major with offset 0 and allocated == aligned; sizes match
 * the signature with -1 replaced by N; result buffers overlap neither the
 * arguments nor each other; `arena` is never NULL, even for 0 bytes. A rank-0
 * tensor's descriptor is { allocated, aligned, offset } and its shape may be
 * NULL. Argument buffers may be written by the entry (training steps update
 * nn.param and nn.state arguments in place). N is bound from the arguments,
 * so a dynamic size in a result needs one in some argument (checked when a
 * model is loaded).
 *
 * Thread-safety: descriptors are immutable. An entry may run concurrently
 * with itself only on distinct arenas.
 *===----------------------------------------------------------------------===*/

#ifndef NNC_ABI_H
#define NNC_ABI_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped on any change to the structures below. */
#define NNC_ABI_VERSION 2u

/* The name of the one exported symbol of a compiled model. */
#define NNC_MODEL_DESCRIPTOR_SYMBOL "nnc_model_descriptor"

typedef enum nnc_dtype_e {
  NNC_DTYPE_F32 = 0,
  NNC_DTYPE_F64 = 1,
  NNC_DTYPE_I64 = 2,
  NNC_DTYPE_I32 = 3,
  NNC_DTYPE_BOOL = 4,
} nnc_dtype_t;

typedef enum nnc_role_e {
  NNC_ROLE_INPUT = 0,  /* data supplied per call */
  NNC_ROLE_PARAM = 1,  /* nn.param: trainable parameter */
  NNC_ROLE_STATE = 2,  /* nn.state: running statistics */
  NNC_ROLE_RESULT = 3, /* a result of the entry */
  NNC_ROLE_OPT_STATE = 4, /* nn.opt_state: optimizer state of a train step,
                             zero before the first step, updated in place */
} nnc_role_t;

typedef struct nnc_tensor_desc_s {
  const char *name;     /* "arg0", "result0", or the nn.name of an argument */
  uint32_t dtype;       /* nnc_dtype_t */
  uint32_t role;        /* nnc_role_t */
  uint32_t rank;
  const int64_t *shape; /* rank sizes; -1 is the batch size */
  const char *init;     /* nn.init ("he_uniform", ...) or NULL */
} nnc_tensor_desc_t;

typedef struct nnc_entry_desc_s {
  const char *name;
  uint32_t num_args;
  uint32_t num_results;
  const nnc_tensor_desc_t *args;
  const nnc_tensor_desc_t *results;
  uint64_t arena_bytes;           /* batch-independent scratch */
  uint64_t arena_bytes_per_batch; /* scratch per unit of batch size */
  void (*invoke)(void **args, void *arena);
} nnc_entry_desc_t;

typedef struct nnc_model_desc_s {
  uint32_t abi_version; /* NNC_ABI_VERSION of the producer */
  uint32_t num_entries;
  const nnc_entry_desc_t *entries;
  const char *producer; /* "nnc <version>" */
} nnc_model_desc_t;

typedef const nnc_model_desc_t *(*nnc_model_descriptor_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* NNC_ABI_H */
