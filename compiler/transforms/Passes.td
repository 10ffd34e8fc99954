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

#endif // NNC_COMPILER_TRANSFORMS_PASSES_TD
