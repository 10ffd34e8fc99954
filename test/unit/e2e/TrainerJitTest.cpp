//===- TrainerJitTest.cpp - nnc::Trainer on a JIT-compiled model ----------===//
//
// The trainer takes Executables from nnc::Compiler as it takes loaded .so
// files. Until --train builds real train steps, the entry trained here is a
// hand-written @loss_train_step that computes the loss and leaves the
// parameters alone: enough to check, against the reference interpreter, that
// the JIT's descriptor (roles, nn.init, nn.name), the trainer's tensors and
// the prediction entry fit together.
//
//===----------------------------------------------------------------------===//

#include "E2ETestUtil.h"

#include <nnc/Safetensors.h>
#include <nnc/Trainer.h>

#include <cmath>

using namespace nnc;
using namespace nnc::e2e;

namespace {

const char *const kModel = R"mlir(
func.func @forward(%x: tensor<?x3xf32>,
    %w: tensor<2x3xf32> {nn.param, nn.init = "xavier_uniform",
                         nn.name = "fc.weight"},
    %b: tensor<2xf32> {nn.param, nn.init = "ones", nn.name = "fc.bias"})
    -> tensor<?x2xf32> {
  %z = nn.linear %x, %w : tensor<?x3xf32>, tensor<2x3xf32>
  %y = nn.bias_add %z, %b : tensor<?x2xf32>, tensor<2xf32>
  return %y : tensor<?x2xf32>
}

func.func @loss_train_step(%x: tensor<?x3xf32>, %labels: tensor<?xi64>,
    %w: tensor<2x3xf32> {nn.param, nn.init = "xavier_uniform",
                         nn.name = "fc.weight"},
    %b: tensor<2xf32> {nn.param, nn.init = "ones", nn.name = "fc.bias"})
    -> tensor<f32> {
  %logits = call @forward(%x, %w, %b)
      : (tensor<?x3xf32>, tensor<2x3xf32>, tensor<2xf32>) -> tensor<?x2xf32>
  %l = nn.softmax_cross_entropy %logits, %labels
      : tensor<?x2xf32>, tensor<?xi64>
  return %l : tensor<f32>
})mlir";

// Tests that a trainer over a JIT-compiled model names its tensors by
// nn.name, initializes them as nn.init says, and computes the loss and the
// predictions the interpreter computes with those tensors.
TEST(TrainerJitTest, MatchesTheInterpreter) {
  CompiledModel *model = cachedModel(kModel);
  ASSERT_NE(model, nullptr);
  TrainerOptions options;
  options.trainEntry = "loss_train_step";
  options.seed = 9;
  Trainer trainer;
  Status status = Trainer::create(model->executable, options, trainer);
  ASSERT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(trainer.tensorNames(),
            (std::vector<std::string>{"fc.weight", "fc.bias"}));
  Tensor w, b;
  ASSERT_TRUE(trainer.tensor("fc.weight", w).ok());
  ASSERT_TRUE(trainer.tensor("fc.bias", b).ok());
  double bound = std::sqrt(6.0 / (3 + 2)); // xavier_uniform, fans 3 and 2
  for (int64_t i = 0; i < w.numElements(); ++i)
    EXPECT_LE(std::abs(w.data<float>()[i]), bound);
  EXPECT_EQ(b.data<float>()[1], 1.0f);

  std::vector<Tensor> args =
      randomArgs(model->executable, "loss_train_step", 5,
                 {Fill::uniform(-1, 1), Fill::labels(2)}, /*seed=*/3);
  float loss = 0;
  ASSERT_TRUE(trainer.step({args[0], args[1]}, loss).ok());
  args[2] = w;
  args[3] = b;
  Tensor lossTensor;
  ASSERT_TRUE(Tensor::create(DType::F32, {}, lossTensor).ok());
  *lossTensor.data<float>() = loss;
  expectNear(lossTensor, interpret(*model, "loss_train_step", args)[0], {},
             "loss");
  std::vector<Tensor> results;
  ASSERT_TRUE(trainer.predict({args[0]}, results).ok());
  expectNear(results[0], interpret(*model, "forward", {args[0], w, b})[0], {},
             "forward");
}

// Tests that the checkpoint of such a trainer holds the nn.name tensors.
TEST(TrainerJitTest, CheckpointUsesArgumentNames) {
  CompiledModel *model = cachedModel(kModel);
  ASSERT_NE(model, nullptr);
  TrainerOptions options;
  options.trainEntry = "loss_train_step";
  Trainer trainer;
  ASSERT_TRUE(Trainer::create(model->executable, options, trainer).ok());
  TempDir dir;
  ASSERT_TRUE(trainer.save(dir.file("c.safetensors")).ok());
  SafetensorsContents contents;
  ASSERT_TRUE(readSafetensors(dir.file("c.safetensors"), contents).ok());
  ASSERT_EQ(contents.tensors.size(), 2u);
  EXPECT_EQ(contents.tensors[0].name, "fc.weight");
  EXPECT_EQ(contents.tensors[1].name, "fc.bias");
  EXPECT_EQ(contents.metadata.at("train_entry"), "loss_train_step");
}

} // namespace
