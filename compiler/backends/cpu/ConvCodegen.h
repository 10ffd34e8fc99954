//===- ConvCodegen.h - direct convolutions on memrefs -----------*- C++ -*-===//
//
// linalg.conv_2d_nchw_fchw (and the grouped conv_2d_ngchw_gfchw, one group
// at a time) become a direct convolution with the GEMM micro-kernel:
//
//   rows    = output channels f           (A = filter, one broadcast per k)
//   vectors = output columns ow (x 2 rows of oh when OW fits one vector)
//   k       = (c, kh, kw)                 (B = input rows, read in place)
//
// Why not im2col + GEMM: with stride 1 a row of the (padded) input already
// is the B row im2col would build, so the vectors are loaded straight from
// the image and nothing is copied; im2col would write and re-read
// C·KH·KW·OH·OW floats per image, as many as the FMAs they feed for
// LeNet's 6-filter layer. Its best case is the GEMM kernel's rate on an
// F-row matrix (~185 GFLOP/s here, less for F = 6); the direct kernel
// measured, batch 64, 1 thread, padding copy and fill included:
//
//   LeNet 1→6 5x5 28x28 pad 2        142 GFLOP/s
//   LeNet 6→16 5x5 14x14             118
//   AlexNet-small 3→16 5x5/2 pad 2   115
//   AlexNet-small 16→32 5x5 pad 2    163
//   AlexNet-small 32→48 3x3 on 7x7    77  (7 of 16 lanes: OW = 7)
//
// So im2col was not worth its copy here, except for tiny images like the
// last one, where flattening (oh, ow) into the vectors would fill the lanes.
// Strided convolutions read 2·lanes (stride 2) contiguous floats and keep
// every other one with a shuffle.
//
//===----------------------------------------------------------------------===//

#ifndef NNC_COMPILER_BACKENDS_CPU_CONVCODEGEN_H
#define NNC_COMPILER_BACKENDS_CPU_CONVCODEGEN_H

#include "compiler/backends/cpu/KernelCodegen.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/PatternMatch.h"

namespace nnc {

/// Replaces `op` by generated code; fails without changing anything when
/// the op is not a supported f32 NCHW convolution on memrefs.
mlir::LogicalResult rewriteConvolution(mlir::RewriterBase &rewriter,
                                       mlir::linalg::LinalgOp op,
                                       const CpuVectorTarget &target);

} // namespace nnc

#endif // NNC_COMPILER_BACKENDS_CPU_CONVCODEGEN_H
