//===- Passes.td - train steps ----------------------------------*- tablegen -*-===//

#ifndef NNC_COMPILER_TRAINING_PASSES_TD
#define NNC_COMPILER_TRAINING_PASSES_TD

include "mlir/Pass/PassBase.td"

def NNTrainStepPass : Pass<"nn-train-step", "mlir::ModuleOp"> {
  let summary = "add @F_train_step: one optimizer step on the loss F";
  let description = [{
    Builds `@F_grad`'s gradient (nn-autodiff) under the name `@F_train_step`,
    appends the optimizer-state arguments and turns it into one training
    step: every nn.param argument, optimizer state argument and running
    statistic of a training batch_norm (nn.state) receives its new value
    through `nn.assign`, and the function returns the loss alone. The update
    formulas are torch.optim's, written as nn ops; `optimizer` is
    `NAME[:key=value,...]` (NN_IR.md, "Derived functions") and the resolved
    spec is recorded as the function's `nn.optimizer` attribute. The new
    function is canonicalized and CSE'd.

    ```
    nnc-opt --nn-train-step="function=loss optimizer=adam:lr=0.01" model.mlir
    ```
  }];
  let options = [
    Option<"function", "function", "std::string", /*default=*/"",
           "the loss function to train">,
    Option<"optimizer", "optimizer", "std::string", /*default=*/"",
           "NAME[:key=value,...], e.g. sgd:lr=0.1,momentum=0.9">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::func::FuncDialect",
                           "::mlir::nn::NNDialect"];
}

#endif // NNC_COMPILER_TRAINING_PASSES_TD
