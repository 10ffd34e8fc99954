/*===- CTrainerRoundTrip.c - The trainer's C API used from C --------------===//
 *
 * Compiled as C, so that the trainer part of nnc.h is checked to be valid C;
 * called from CTrainerApiTest.cpp with the train-step fixture. Trains one
 * step on the hand batch of TrainerTest.cpp, predicts, saves and restores.
 * Returns NULL on success or what went wrong.
 *===----------------------------------------------------------------------===*/

#include <nnc/nnc.h>

#include <stddef.h>

#define CHECK(cond)                                                            \
  do {                                                                         \
    if (!(cond))                                                               \
      return "check failed: " #cond;                                           \
  } while (0)

/* x = [[1, 2], [3, -1]], t = [1, 2]. */
static const char *makeBatch(nnc_tensor_t **batch) {
  static const int64_t xShape[2] = {2, 2};
  static const int64_t tShape[1] = {2};
  static const float xs[4] = {1, 2, 3, -1};
  static const float ts[2] = {1, 2};
  float *data;
  int i;
  CHECK(nnc_tensor_create(NNC_DTYPE_F32, 2, xShape, &batch[0]) == NULL);
  CHECK(nnc_tensor_create(NNC_DTYPE_F32, 1, tShape, &batch[1]) == NULL);
  data = nnc_tensor_data(batch[0]);
  for (i = 0; i < 4; ++i)
    data[i] = xs[i];
  data = nnc_tensor_data(batch[1]);
  for (i = 0; i < 2; ++i)
    data[i] = ts[i];
  return NULL;
}

/* One step, then w = (0.8, 0.6) and forward's y[0] = 1.8. */
static const char *trainAndPredict(nnc_trainer_t *trainer,
                                   nnc_tensor_t **batch) {
  nnc_tensor_t *w = NULL;
  nnc_tensor_t *results[2] = {NULL, NULL};
  const float *values;
  float loss = 0;
  CHECK(nnc_trainer_step(trainer, batch, 2, &loss) == NULL);
  CHECK(loss == 2.0f && nnc_trainer_step_count(trainer) == 1);
  CHECK(nnc_trainer_get_tensor(trainer, "w", &w) == NULL);
  values = nnc_tensor_data(w);
  CHECK(values[0] > 0.79f && values[0] < 0.81f);
  nnc_tensor_free(w);
  CHECK(nnc_trainer_predict(trainer, batch, 1, results, 2) == NULL);
  values = nnc_tensor_data(results[0]);
  CHECK(values[0] > 1.79f && values[0] < 1.81f);
  nnc_tensor_free(results[0]);
  nnc_tensor_free(results[1]);
  return NULL;
}

/* Saves, spoils w, restores: w is back and the step count too. */
static const char *saveAndLoad(nnc_trainer_t *trainer, const char *path) {
  static const int64_t shape[1] = {2};
  nnc_tensor_t *zeros = NULL;
  nnc_tensor_t *w = NULL;
  const float *values;
  CHECK(nnc_trainer_save(trainer, path) == NULL);
  CHECK(nnc_tensor_create(NNC_DTYPE_F32, 1, shape, &zeros) == NULL);
  CHECK(nnc_trainer_set_tensor(trainer, "w", zeros) == NULL);
  nnc_tensor_free(zeros);
  CHECK(nnc_trainer_load(trainer, path) == NULL);
  CHECK(nnc_trainer_get_tensor(trainer, "w", &w) == NULL);
  values = nnc_tensor_data(w);
  CHECK(values[0] > 0.79f && values[0] < 0.81f);
  nnc_tensor_free(w);
  CHECK(nnc_trainer_step_count(trainer) == 1);
  return NULL;
}

const char *nncTestCTrainerRoundTrip(const char *modelPath,
                                     const char *checkpointPath) {
  nnc_executable_t *exe = NULL;
  nnc_trainer_t *trainer = NULL;
  nnc_tensor_t *batch[2] = {NULL, NULL};
  const char *error;
  CHECK(nnc_executable_load(modelPath, &exe) == NULL);
  CHECK(nnc_trainer_create(exe, "loss_train_step", "forward", 0, &trainer) ==
        NULL);
  nnc_executable_free(exe); /* the trainer holds its own handle */
  error = makeBatch(batch);
  if (!error)
    error = trainAndPredict(trainer, batch);
  if (!error)
    error = saveAndLoad(trainer, checkpointPath);
  nnc_tensor_free(batch[0]);
  nnc_tensor_free(batch[1]);
  nnc_trainer_free(trainer);
  return error;
}
