//===- Passes.td - nnc graph and buffer transforms --------------*- tablegen -*-===//

#ifndef NNC_COMPILER_TRANSFORMS_PASSES_TD
#define NNC_COMPILER_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def PlanMemoryPass : Pass<"nnc-plan-memory", "mlir::ModuleOp"> {
  let summary = "place a function's intermediate buffers in one arena";
  let description = [{
    Runs on the bufferized public functions of a module (after inlining: a
    planned function gains an argument, so it must have no callers). Every
    `memref.alloc` in the function's entry block whose size is static, or a
    static multiple of the batch size (the one dynamic size an entry may
    have), becomes a `memref.view` into a
    new trailing `memref<?xi8>` argument, the arena. Buffers whose live ranges
    do not overlap share bytes (greedy first-fit, largest first, 64-byte
    aligned). The arena is `nnc.arena_bytes + nnc.arena_bytes_per_batch · N`
    bytes, recorded as function attributes. Other allocations are left alone.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect",
                           "::mlir::memref::MemRefDialect"];
}

def CollapseContractionDimsPass
    : Pass<"nnc-collapse-contraction-dims", "mlir::func::FuncOp"> {
  let summary = "merge a contraction's runs of same-role loops into one loop";
  let description = [{
    Runs on linalg on tensors. Reshape propagation during elementwise fusion
    can split one GEMM dimension into several (a linear layer's input
    gradient feeding a [N, C, H, W] view gets n = (C, H, W)), and the CPU
    backend's packed GEMM takes only contractions with exactly one m, n and
    k loop. Each run of consecutive loops with the same role (batch, m, n or
    k) that every operand indexes contiguously in the same order is merged
    into one loop; operands are reshaped with collapse_shape and the result
    expanded back, both views, never copies.
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect",
                           "::mlir::linalg::LinalgDialect"];
}

def FormKernelsPass : Pass<"nnc-form-kernels", "mlir::func::FuncOp"> {
  let summary = "group linalg ops into kernels: tiled loops over output tiles";
  let description = [{
    Runs on linalg on tensors. Visiting ops from last to first, each op not
    yet in a kernel becomes the consumer of a new kernel: it is tiled along
    its first parallel dimension into an `scf.forall` (tiles are independent,
    so the loop later runs across threads), and its producers are fused into
    the loop body when they are fills, or single-use contractions,
    convolutions, pooling ops or elementwise ops. A matmul followed by its
    bias and activation thus becomes one kernel. Ops with scalar results
    stay whole.
  }];
  let options = [
    Option<"rowsPerTile", "rows-per-tile", "int64_t", /*default=*/"16",
           "rows of a 2-D output per tile">,
  ];
  let dependentDialects = ["::mlir::scf::SCFDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::linalg::LinalgDialect"];
}

def ReuseTileBuffersPass : Pass<"nnc-reuse-tile-buffers", "mlir::func::FuncOp"> {
  let summary = "let fused producers write the kernel's output tile";
  let description = [{
    Runs on bufferized kernels. A temporary inside a loop whose last reader
    is an elementwise linalg.generic reading it with the identity map, and
    whose producers write nothing else, is replaced by that generic's output
    buffer when shapes match: the epilogue then runs in place and the tile
    needs no allocation. Likewise a top-level buffer whose last use copies
    it into a result out-parameter becomes that out-parameter.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def StackTileBuffersPass : Pass<"nnc-stack-tile-buffers", "mlir::func::FuncOp"> {
  let summary = "put bounded per-tile buffers inside loops on the stack";
  let description = [{
    Runs on bufferized functions after the memory plan. A `memref.alloc`
    nested in a loop (a kernel tile's temporary: `min(16, N - i)` rows) is
    a heap allocation per tile and per call. When every dynamic size has a
    constant upper bound and the bounded buffer is small (`max-bytes`), it
    becomes a `memref.alloca` of the bound, viewed at the real sizes
    (`memref.view`): stack memory, released per iteration by the loop's
    alloca scope. Larger or unbounded buffers are left to deallocation.
  }];
  let options = [
    Option<"maxBytes", "max-bytes", "int64_t", /*default=*/"262144",
           "largest buffer moved to the stack, in bytes (the worker threads' "
           "stacks are 4 MiB by default)">,
  ];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def MaterializeAssignmentsPass
    : Pass<"nnc-materialize-assignments", "mlir::func::FuncOp"> {
  let summary = "lower nn.assign to writes into the argument's buffer";
  let description = [{
    Runs on linalg on tensors, right before one-shot bufferization with
    function boundaries. Each `nn.assign %arg, %v` moves to the end of the
    function, after every read of the argument's old value, and becomes
    `bufferization.materialize_in_destination %v in %arg`, which
    bufferization must honour in place: the caller's buffer receives `%v`.
    When `%v` comes from a kernel (or linalg op) whose destination is a
    `tensor.empty`, the argument becomes that destination, so the kernel
    writes the new value straight into the caller's buffer and no copy is
    left; if the old value were still read after the kernel, bufferization
    would compute into a temporary and copy instead. Arguments of public
    functions that are not assigned are marked `bufferization.writable =
    false`: an entry never writes its caller's inputs.
  }];
  let dependentDialects = ["::mlir::bufferization::BufferizationDialect"];
}

#endif // NNC_COMPILER_TRANSFORMS_PASSES_TD
