//===- Layer.cpp - VJP rules of matmul and linear -------------------------===//
//
// The gradients of a matrix product are matrix products with the cotangent,
// transposed as the forward product was; each becomes one nn.matmul with
// transpose flags, so nothing is materialized transposed. With op(X) = X or
// Xᵀ (last two dimensions, batched alike) and C = op(A) · op(B):
//
//   A, B        dA = g · Bᵀ          dB = Aᵀ · g
//   Aᵀ, B       dA = B · gᵀ          dB = A · g
//   A, Bᵀ       dA = g · B           dB = gᵀ · A
//   Aᵀ, Bᵀ      dA = Bᵀ · gᵀ         dB = gᵀ · Aᵀ
//
// Conv and pooling rules (phase 2) will live here too.
//
//===----------------------------------------------------------------------===//

#include "compiler/autodiff/rules/RuleModel.h"

using namespace mlir;
using namespace nnc::autodiff;

namespace {

// d/dA (op(A) · op(B)), d/dB (op(A) · op(B)): the table above
Grads matmulVjp(nn::MatmulOp op, GradBuilder &b, Value g) {
  Value lhs = op.getLhs(), rhs = op.getRhs();
  bool ta = op.getTransposeA(), tb = op.getTransposeB();
  Value dlhs = ta ? b.matmul(rhs, g, tb, /*transposeY=*/true)
                  : b.matmul(g, rhs, /*transposeX=*/false, !tb);
  Value drhs = tb ? b.matmul(g, lhs, /*transposeX=*/true, ta)
                  : b.matmul(lhs, g, !ta, /*transposeY=*/false);
  return grads({b.castTo(dlhs, lhs.getType()), b.castTo(drhs, rhs.getType())});
}

// y = x · wᵀ:  dx = g · w,  dw = gᵀ · x
Grads linearVjp(nn::LinearOp op, GradBuilder &b, Value g) {
  Value x = op.getX(), w = op.getWeight();
  Value dx = b.matmul(g, w, /*transposeX=*/false, /*transposeY=*/false);
  Value dw = b.matmul(g, x, /*transposeX=*/true, /*transposeY=*/false);
  return grads({b.castTo(dx, x.getType()), b.castTo(dw, w.getType())});
}

} // namespace

void nnc::autodiff::attachLayerRules(MLIRContext *context) {
  attachRule<nn::MatmulOp, matmulVjp>(context);
  attachRule<nn::LinearOp, linearVjp>(context);
}
