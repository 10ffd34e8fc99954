/*===- CApiRoundTrip.c - The C API used from C ----------------------------===//
 *
 * Compiled as C, so that nnc.h is checked to be a valid C header; called
 * from CApiTest.cpp. Returns NULL on success or what went wrong.
 *===----------------------------------------------------------------------===*/

#include <nnc/nnc.h>

#include <stddef.h>
#include <string.h>

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond))                                                               \
      return "check failed: " #cond;                                           \
  } while (0)

static const char *checkScaleAdd(nnc_executable_t *exe, nnc_tensor_t **args) {
  const int64_t shape[2] = {3, 4};
  nnc_tensor_t *results[1] = {NULL};
  nnc_status_t status;
  float *x;
  float *y;
  void *first;
  int i;
  CHECK(nnc_tensor_create(NNC_DTYPE_F32, 2, shape, &args[0]) == NULL);
  x = nnc_tensor_data(args[0]);
  for (i = 0; i < 12; ++i)
    x[i] = (float)i;
  status = nnc_executable_call(exe, "scale_add", args, 2, results, 1);
  CHECK(status == NULL);
  CHECK(nnc_tensor_rank(results[0]) == 2);
  CHECK(nnc_tensor_shape(results[0])[0] == 3);
  CHECK(nnc_tensor_byte_size(results[0]) == 48);
  y = nnc_tensor_data(results[0]);
  for (i = 0; i < 12; ++i)
    CHECK(y[i] == 2.0f * (float)i + 1.0f); /* b is "ones" */
  first = nnc_tensor_data(results[0]);
  CHECK(nnc_executable_call(exe, "scale_add", args, 2, results, 1) == NULL);
  CHECK(nnc_tensor_data(results[0]) == first);
  nnc_tensor_free(results[0]);
  return NULL;
}

const char *nncTestCApiRoundTrip(const char *modelPath) {
  nnc_executable_t *exe = NULL;
  nnc_tensor_t *args[2] = {NULL, NULL};
  const nnc_entry_desc_t *entry = NULL;
  const char *error;
  CHECK(nnc_executable_load(modelPath, &exe) == NULL);
  CHECK(nnc_executable_entry_count(exe) == 2);
  CHECK(strcmp(nnc_executable_entry_name(exe, 0), "scale_add") == 0);
  CHECK(nnc_executable_entry_name(exe, 2) == NULL);
  CHECK(nnc_executable_entry(exe, "scale_add", &entry) == NULL);
  CHECK(entry->num_args == 2 && entry->args[1].role == NNC_ROLE_PARAM);
  CHECK(nnc_executable_initialize_parameters(exe, "scale_add", 1, args, 2) ==
        NULL);
  CHECK(args[0] == NULL && args[1] != NULL);
  CHECK(nnc_tensor_dtype(args[1]) == NNC_DTYPE_F32);
  error = checkScaleAdd(exe, args);
  nnc_tensor_free(args[0]);
  nnc_tensor_free(args[1]);
  nnc_executable_free(exe);
  return error;
}
