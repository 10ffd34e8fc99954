//===- RuntimeTestUtil.h - Helpers for Tensor and Executable tests -*- C++ -*-//

#ifndef NNC_TEST_UNIT_RUNTIME_RUNTIMETESTUTIL_H
#define NNC_TEST_UNIT_RUNTIME_RUNTIMETESTUTIL_H

#include <nnc/Executable.h>
#include <nnc/Tensor.h>
#include <nnc/nnc.h>

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

namespace nnc::test {

/// Paths of the fixture libraries built from fixtures/*.c.
extern const char *const kModelSo;
extern const char *const kBadAbiSo;
extern const char *const kNoSymbolSo;
extern const char *const kBadDescSo;

/// An owned f32 tensor holding `values` (which must fit `shape`).
Tensor f32Tensor(std::vector<int64_t> shape, const std::vector<float> &values);

/// An owned tensor whose element i is `start + i` (as the dtype).
Tensor iotaTensor(DType dtype, std::vector<int64_t> shape, double start = 0);

/// The elements of an f32 tensor.
std::vector<float> f32Values(const Tensor &tensor);

/// Loads the model fixture, failing the test on error.
Executable loadModel();

/// The error message of `status`, or "<ok>" if it succeeded.
std::string errorOf(const Status &status);

/// "CODE: MESSAGE" of a C API status, which it frees.
std::string describe(nnc_status_t status);

} // namespace nnc::test

#endif // NNC_TEST_UNIT_RUNTIME_RUNTIMETESTUTIL_H
