//===- OptimizerSpecTest.cpp - NAME[:key=value,...] -----------------------===//
//
// Tests that specs resolve to torch.optim's defaults, that given keys
// override them, and that every kind of bad spec is refused with a message
// naming the offender.
//
//===----------------------------------------------------------------------===//

#include "compiler/training/OptimizerSpec.h"

#include <gtest/gtest.h>

using namespace nnc;

namespace {

/// The error message of parsing `text`, or "" when it parses.
std::string errorOf(llvm::StringRef text) {
  llvm::Expected<OptimizerSpec> spec = parseOptimizerSpec(text);
  return spec ? "" : llvm::toString(spec.takeError());
}

/// The resolved form of `text`.
std::string resolved(llvm::StringRef text) {
  llvm::Expected<OptimizerSpec> spec = parseOptimizerSpec(text);
  return spec ? spec->str() : "error: " + llvm::toString(spec.takeError());
}

TEST(OptimizerSpecTest, BareNamesResolveToTorchDefaults) {
  EXPECT_EQ(resolved("sgd"),
            "sgd:lr=0.01,momentum=0,nesterov=false,weight_decay=0");
  EXPECT_EQ(resolved("momentum"),
            "momentum:lr=0.01,momentum=0.9,nesterov=false,weight_decay=0");
  EXPECT_EQ(resolved("adagrad"), "adagrad:lr=0.01,eps=1e-10,weight_decay=0");
  EXPECT_EQ(resolved("rmsprop"),
            "rmsprop:lr=0.01,alpha=0.99,eps=1e-08,weight_decay=0,momentum=0");
  EXPECT_EQ(resolved("adam"),
            "adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0");
  EXPECT_EQ(resolved("adamw"),
            "adamw:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0.01");
}

TEST(OptimizerSpecTest, GivenKeysOverrideDefaults) {
  llvm::Expected<OptimizerSpec> spec =
      parseOptimizerSpec("sgd:momentum=0.5,lr=0.25,nesterov=true");
  ASSERT_TRUE(static_cast<bool>(spec)) << llvm::toString(spec.takeError());
  EXPECT_EQ(spec->lr, 0.25);
  EXPECT_EQ(spec->momentum, 0.5);
  EXPECT_TRUE(spec->nesterov);
  EXPECT_EQ(spec->weightDecay, 0.0);
  EXPECT_EQ(spec->str(), "sgd:lr=0.25,momentum=0.5,nesterov=true,"
                         "weight_decay=0");
}

TEST(OptimizerSpecTest, ResolvedSpecParsesToItself) {
  for (const char *text :
       {"sgd", "momentum:nesterov=1", "adagrad:eps=1e-3",
        "rmsprop:momentum=0.9", "adam:beta2=0.99", "adamw:weight_decay=0.1"})
    EXPECT_EQ(resolved(resolved(text)), resolved(text)) << text;
}

TEST(OptimizerSpecTest, UnknownOptimizerIsNamed) {
  EXPECT_EQ(errorOf("adamax:lr=1"),
            "invalid optimizer 'adamax:lr=1': unknown optimizer 'adamax' "
            "(expected sgd, momentum, adagrad, rmsprop, adam or adamw)");
}

TEST(OptimizerSpecTest, KeyOfAnotherOptimizerIsRefusedWithTheKeysItTakes) {
  EXPECT_EQ(errorOf("sgd:beta1=0.9"),
            "invalid optimizer 'sgd:beta1=0.9': 'beta1' is not a key of sgd "
            "(it takes lr, momentum, nesterov, weight_decay)");
  EXPECT_EQ(errorOf("adam:learning_rate=0.1"),
            "invalid optimizer 'adam:learning_rate=0.1': 'learning_rate' is "
            "not a key of adam (it takes lr, beta1, beta2, eps, "
            "weight_decay)");
}

TEST(OptimizerSpecTest, BadValuesAreNamed) {
  EXPECT_EQ(errorOf("sgd:lr=fast"),
            "invalid optimizer 'sgd:lr=fast': 'lr=fast': expected a finite "
            "number");
  EXPECT_EQ(errorOf("sgd:lr=-0.1"),
            "invalid optimizer 'sgd:lr=-0.1': 'lr=-0.1': lr must be "
            "non-negative");
  EXPECT_EQ(errorOf("adam:beta1=1"),
            "invalid optimizer 'adam:beta1=1': 'beta1=1': beta1 must be in "
            "[0, 1)");
  EXPECT_EQ(errorOf("sgd:nesterov=yes"),
            "invalid optimizer 'sgd:nesterov=yes': 'nesterov=yes': expected "
            "true or false");
  EXPECT_EQ(errorOf("adam:eps=inf"),
            "invalid optimizer 'adam:eps=inf': 'eps=inf': expected a finite "
            "number");
}

TEST(OptimizerSpecTest, MalformedListsAreRefused) {
  EXPECT_EQ(errorOf("sgd:lr"),
            "invalid optimizer 'sgd:lr': expected key=value, got 'lr'");
  EXPECT_EQ(errorOf("sgd:"),
            "invalid optimizer 'sgd:': expected key=value, got ''");
  EXPECT_EQ(errorOf("sgd:lr=0.1,lr=0.2"),
            "invalid optimizer 'sgd:lr=0.1,lr=0.2': key 'lr' is given twice");
}

TEST(OptimizerSpecTest, NesterovNeedsMomentum) {
  EXPECT_EQ(errorOf("sgd:nesterov=true"),
            "invalid optimizer 'sgd:nesterov=true': nesterov needs a "
            "momentum > 0");
  EXPECT_EQ(errorOf("momentum:nesterov=true"), "");
}

} // namespace
