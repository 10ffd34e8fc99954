//===- TrainOptionsTest.cpp - The command line of nnc train ---------------===//

#include "TrainTestUtil.h"

#include "tools/nnc/train/TrainOptions.h"

using namespace nnc;
using namespace nnc::train;
using namespace nnc::train::test;

namespace {

Status parse(std::vector<const char *> args, TrainOptions &options) {
  args.insert(args.begin(), "train");
  return parseTrainOptions(int(args.size()), args.data(), options);
}

std::string parseError(std::vector<const char *> args) {
  TrainOptions options;
  return errorOf(parse(std::move(args), options));
}

// Tests the contract's flags and the defaults of the rest.
TEST(TrainOptionsTest, ParsesFlagsAndDefaults) {
  TrainOptions options;
  ASSERT_TRUE(parse({"models/mlp.mlir", "--loss=loss", "--optimizer=adam",
                     "--data=d", "--epochs=3", "--batch=64", "--seed=7"},
                    options)
                  .ok());
  EXPECT_EQ(options.model, "models/mlp.mlir");
  EXPECT_EQ(options.predict, "forward");
  EXPECT_EQ(options.settings.epochs, 3);
  EXPECT_EQ(options.settings.batch, 64);
  EXPECT_EQ(options.settings.seed, 7u);
  EXPECT_EQ(options.settings.logPath, "mlp.train.csv");
  EXPECT_EQ(options.settings.plotPath, "mlp.train.svg");
  EXPECT_EQ(options.settings.checkpointPath, "mlp.safetensors");
  ASSERT_TRUE(parse({"m.mlir", "--loss=l", "--optimizer=sgd",
                     "--log=", "--checkpoint=out/c.safetensors"},
                    options)
                  .ok());
  EXPECT_EQ(options.settings.logPath, "");
  EXPECT_EQ(options.settings.checkpointPath, "out/c.safetensors");
  EXPECT_EQ(options.settings.epochs, 1);
  ASSERT_TRUE(parse({"m.so", "--loss=l"}, options).ok()); // fixed optimizer
}

// Tests that bad command lines are refused with the offender named.
TEST(TrainOptionsTest, RejectsBadCommandLines) {
  EXPECT_EQ(parseError({"m.mlir", "--loss=l", "--optimizer=sgd", "--lr=3"}),
            "unknown option '--lr'");
  EXPECT_EQ(parseError({"m.mlir", "--loss=l", "--optimizer=sgd", "--epochs=0"}),
            "--epochs needs a positive integer, got '0'");
  EXPECT_EQ(parseError({"m.mlir", "--loss=l", "--optimizer=sgd", "--batch"}),
            "--batch needs a value (--batch=...)");
  EXPECT_EQ(parseError({"m.mlir", "--loss=l", "--optimizer=sgd", "--seed=-1"}),
            "--seed needs an unsigned integer, got '-1'");
  EXPECT_EQ(parseError({"--loss=l", "--optimizer=sgd"}), "no model given");
  EXPECT_EQ(parseError({"m.mlir", "--optimizer=sgd"}),
            "no --loss=F given (the function to train)");
  EXPECT_EQ(parseError({"m.mlir", "--loss=l"}),
            "no --optimizer=SPEC given (e.g. adam:lr=0.001)");
  EXPECT_EQ(parseError({"m.so", "--loss=l", "--optimizer=sgd"}),
            "--optimizer applies to .mlir models; 'm.so' was compiled with "
            "its optimizer (nnc --train)");
  EXPECT_EQ(parseError({"a.mlir", "b.mlir"}),
            "more than one model: 'a.mlir' and 'b.mlir'");
}

} // namespace
