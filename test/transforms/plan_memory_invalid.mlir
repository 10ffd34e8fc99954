// RUN: nnc-opt %s -nnc-plan-memory -verify-diagnostics

// Tests that a planned function with callers is an error: it gains an arena
// argument its callers would not pass.
// expected-error @+1 {{cannot plan the memory of @callee: it has callers (inline calls first)}}
func.func @callee(%x: memref<4xf32>) {
  return
}
func.func @caller(%x: memref<4xf32>) {
  call @callee(%x) : (memref<4xf32>) -> ()
  return
}
