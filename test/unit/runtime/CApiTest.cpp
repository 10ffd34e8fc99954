//===- CApiTest.cpp - The C API: round trip, ownership, errors ------------===//

#include "NpyTestUtil.h"
#include "RuntimeTestUtil.h"

#include <nnc/nnc.h>

#include <gtest/gtest.h>

#include <string>

using namespace nnc::test;

extern "C" const char *nncTestCApiRoundTrip(const char *modelPath);

namespace {

// Tests load, parameter initialization and calls (twice, in place) from C.
TEST(CApiTest, RoundTripFromC) {
  const char *error = nncTestCApiRoundTrip(kModelSo);
  EXPECT_EQ(error, nullptr) << error;
}

// Tests that success is the NULL status, with code OK and an empty message.
TEST(CApiTest, NullStatusIsSuccess) {
  EXPECT_EQ(nnc_status_code(nullptr), NNC_STATUS_OK);
  EXPECT_STREQ(nnc_status_message(nullptr), "");
  nnc_status_free(nullptr);
}

// Tests that runtime errors carry the C++ message with code FAILED.
TEST(CApiTest, LoadErrorCarriesMessage) {
  nnc_executable_t *exe = nullptr;
  EXPECT_EQ(describe(nnc_executable_load("/nonexistent.so", &exe)),
            "2: /nonexistent.so: cannot open: No such file or directory");
  EXPECT_EQ(exe, nullptr);
}

// Tests that malformed C calls are INVALID_ARGUMENT, not crashes.
TEST(CApiTest, InvalidArguments) {
  nnc_tensor_t *tensor = nullptr;
  int64_t shape[] = {2, -3};
  EXPECT_EQ(describe(nnc_tensor_create(nnc_dtype_t(5), 0, nullptr, &tensor)),
            "1: unknown dtype code 5");
  EXPECT_EQ(describe(nnc_tensor_create(NNC_DTYPE_F32, 2, shape, &tensor)),
            "1: negative size in shape [2, -3]");
  EXPECT_EQ(describe(nnc_executable_load(kModelSo, nullptr)),
            "1: null path or out_executable");
  EXPECT_EQ(tensor, nullptr);
}

// Tests that call counts and null handles are checked, and that a failed
// call leaves the result slots alone.
TEST(CApiTest, CallErrors) {
  nnc_executable_t *exe = nullptr;
  ASSERT_EQ(nnc_executable_load(kModelSo, &exe), nullptr);
  nnc_tensor_t *args[2] = {nullptr, nullptr};
  nnc_tensor_t *results[1] = {nullptr};
  EXPECT_EQ(
      describe(nnc_executable_call(exe, "scale_add", args, 1, results, 1)),
      "1: scale_add: expects 2 arguments, got 1");
  EXPECT_EQ(
      describe(nnc_executable_call(exe, "scale_add", args, 2, results, 1)),
      "1: scale_add: argument #0 is a null handle");
  EXPECT_EQ(describe(nnc_executable_call(exe, "nope", args, 2, results, 1)),
            "2: unknown entry 'nope' (available: scale_add, linear_count)");
  int64_t shape[] = {2, 3};
  ASSERT_EQ(nnc_tensor_create(NNC_DTYPE_F32, 2, shape, &args[0]), nullptr);
  ASSERT_EQ(nnc_tensor_create(NNC_DTYPE_F32, 1, shape, &args[1]), nullptr);
  EXPECT_EQ(
      describe(nnc_executable_call(exe, "scale_add", args, 2, results, 1)),
      "2: scale_add: argument #0 'x' expects f32 [?, 4], got f32 [2, 3]");
  EXPECT_EQ(results[0], nullptr);
  nnc_tensor_free(args[0]);
  nnc_tensor_free(args[1]);
  nnc_executable_free(exe);
}

// Tests that a wrapped buffer is used in place and survives the handle.
TEST(CApiTest, WrapBorrowsCallerMemory) {
  float data[4] = {1, 2, 3, 4};
  int64_t shape[] = {4};
  nnc_tensor_t *tensor = nullptr;
  ASSERT_EQ(nnc_tensor_wrap(NNC_DTYPE_F32, 1, shape, data, &tensor), nullptr);
  EXPECT_EQ(nnc_tensor_data(tensor), data);
  nnc_tensor_free(tensor);
  EXPECT_EQ(data[3], 4.0f);
}

// Tests that a clone calls independently of the original.
TEST(CApiTest, CloneSharesCode) {
  nnc_executable_t *exe = nullptr, *clone = nullptr;
  ASSERT_EQ(nnc_executable_load(kModelSo, &exe), nullptr);
  ASSERT_EQ(nnc_executable_clone(exe, &clone), nullptr);
  nnc_executable_free(exe);
  EXPECT_STREQ(nnc_executable_entry_name(clone, 1), "linear_count");
  nnc_executable_free(clone);
}

// Tests that a tensor written to .npy reads back equal.
TEST(CApiTest, NpyRoundTrip) {
  TempDir dir;
  std::string path = dir.file("t.npy");
  int64_t values[3] = {4, 5, 6};
  int64_t shape[] = {3};
  nnc_tensor_t *tensor = nullptr, *back = nullptr;
  ASSERT_EQ(nnc_tensor_wrap(NNC_DTYPE_I64, 1, shape, values, &tensor), nullptr);
  ASSERT_EQ(nnc_tensor_write_npy(tensor, path.c_str()), nullptr);
  ASSERT_EQ(nnc_tensor_read_npy(path.c_str(), &back), nullptr);
  EXPECT_EQ(nnc_tensor_dtype(back), NNC_DTYPE_I64);
  EXPECT_EQ(static_cast<int64_t *>(nnc_tensor_data(back))[2], 6);
  nnc_tensor_free(tensor);
  nnc_tensor_free(back);
}

} // namespace
