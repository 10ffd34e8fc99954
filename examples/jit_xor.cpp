//===- jit_xor.cpp - the nnc JIT API on the course's XOR network ----------===//
//
// Compiles examples/xor.mlir in process with nnc::Compiler and runs its
// forward function with the hand-set weights of the course material: hidden
// units AND = sigmoid(-30 + 20 x1 + 20 x2) and NOR = sigmoid(10 - 20 x1 -
// 20 x2), output NOT OR(AND, NOR) = sigmoid(10 - 20 h1 - 20 h2), which is XOR.
// The model has four hidden units; the other two get zero weights.
//
//   jit_xor [path/to/xor.mlir]
//
//===----------------------------------------------------------------------===//

#include "compiler/driver/Compiler.h"

#include <nnc/Executable.h>
#include <nnc/Tensor.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

static nnc::Tensor tensorOf(std::vector<int64_t> shape,
                            const std::vector<float> &values) {
  nnc::Tensor tensor;
  if (!nnc::Tensor::create(nnc::DType::F32, std::move(shape), tensor).ok())
    return tensor;
  std::memcpy(tensor.data(), values.data(), values.size() * sizeof(float));
  return tensor;
}

int main(int argc, char **argv) {
  std::string path = argc > 1 ? argv[1] : "examples/xor.mlir";
  nnc::Compiler compiler;
  nnc::Executable model;
  if (nnc::Status status = compiler.compileFile(path, model); !status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return 1;
  }
  std::vector<nnc::Tensor> args = {
      tensorOf({4, 2}, {0, 0, 0, 1, 1, 0, 1, 1}),
      tensorOf({4, 2}, {20, 20, -20, -20, 0, 0, 0, 0}), // w1: AND, NOR rows
      tensorOf({4}, {-30, 10, 0, 0}),                    // b1
      tensorOf({1, 4}, {-20, -20, 0, 0}),                // w2: NOT OR
      tensorOf({1}, {10}),                               // b2
  };
  std::vector<nnc::Tensor> results;
  if (nnc::Status status = model.call("forward", args, results); !status.ok()) {
    std::fprintf(stderr, "%s\n", status.message().c_str());
    return 1;
  }
  const float *x = args[0].data<float>(), *p = results[0].data<float>();
  std::printf("x1 x2 | xor(x1, x2)\n");
  for (int i = 0; i < 4; ++i)
    std::printf(" %.0f  %.0f | %.5f -> %d\n", x[2 * i], x[2 * i + 1], p[i],
                p[i] > 0.5f);
  return 0;
}
