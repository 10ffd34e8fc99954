//===- Layer.cpp - VJP rules of matmul, linear, conv2d and pooling --------===//
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
// Convolution and pooling scatter their cotangent back over windows, which
// no forward op expresses: their gradients are the backward ops of
// LayerOps.td (nn.conv2d_grad_input, nn.conv2d_grad_filter,
// nn.max_pool2d_grad, nn.avg_pool2d_grad), given the forward op's window
// attributes and the input size the floor rule of the output loses.
//
// Those backward ops are linear, so they have rules too (a backward graph
// can be differentiated again): the adjoint of conv2d's input gradient is
// conv2d itself, and so on around the triangle. max_pool2d_grad has none:
// its cotangent would be gathered at each window's maximum, which no op
// expresses.
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

/// The (H, W) of the NCHW input `x` of `op`, or failure after an error at
/// `op` when they are not static: the backward ops take them as attributes.
FailureOr<SmallVector<int64_t, 2>> inputSize(Operation *op, Value x) {
  auto type = cast<RankedTensorType>(x.getType());
  if (type.isDynamicDim(2) || type.isDynamicDim(3))
    return op->emitOpError()
           << "cannot be differentiated with a dynamic input height or "
              "width, got "
           << type;
  return SmallVector<int64_t, 2>{type.getDimSize(2), type.getDimSize(3)};
}

// y = conv2d(x, w):  dx = conv2d_grad_input(g, w),  dw = conv2d_grad_filter(x,
// g)
Grads conv2dVjp(nn::Conv2DOp op, GradBuilder &b, Value g) {
  Value x = op.getX(), w = op.getFilter();
  FailureOr<SmallVector<int64_t, 2>> size = inputSize(op, x);
  if (failed(size))
    return failure();
  ArrayRef<int64_t> kernel = op.getFilter().getType().getShape().drop_front(2);
  Value dx = b.build<nn::Conv2DGradInputOp>(g, w, *size, op.getStrides(),
                                            op.getPadding(), op.getDilations(),
                                            op.getGroups());
  Value dw = b.build<nn::Conv2DGradFilterOp>(x, g, kernel, op.getStrides(),
                                             op.getPadding(), op.getDilations(),
                                             op.getGroups());
  return grads({b.castTo(dx, x.getType()), b.castTo(dw, w.getType())});
}

// d/dx max_pool2d(x) = g routed to the first maximum of each window
Grads maxPool2dVjp(nn::MaxPool2DOp op, GradBuilder &b, Value g) {
  Value x = op.getX();
  if (failed(inputSize(op, x)))
    return failure();
  Value dx = b.build<nn::MaxPool2DGradOp>(x, g, op.getKernel(),
                                          op.getStridesAttr(), op.getPadding());
  return grads({b.castTo(dx, x.getType())});
}

// d/dx avg_pool2d(x) = g / count spread over each window
Grads avgPool2dVjp(nn::AvgPool2DOp op, GradBuilder &b, Value g) {
  Value x = op.getX();
  FailureOr<SmallVector<int64_t, 2>> size = inputSize(op, x);
  if (failed(size))
    return failure();
  Value dx = b.build<nn::AvgPool2DGradOp>(g, *size, op.getKernel(),
                                          op.getStridesAttr(), op.getPadding(),
                                          op.getCountIncludePad());
  return grads({b.castTo(dx, x.getType())});
}

/// |x|^e · sign(x), with sign(0) = 0 (so 0 at x = 0 whatever e).
Value signedPower(GradBuilder &b, Value x, double e) {
  if (e == 1.0)
    return x;
  Value zero = b.zero(x);
  Value magnitude = e == 0.0 ? b.one(x) : b.pow(b.abs(x), b.scalar(e, x));
  Value negative = b.select(b.compare("lt", x, zero), b.neg(magnitude), zero);
  return b.select(b.compare("gt", x, zero), magnitude, negative);
}

// y = (Σ_window |x|^p)^(1/p):
//   dx = Σ_{windows ∋ x} g · y^(1−p) · |x|^(p−1) · sign(x)
// The window sum is avg_pool2d_grad with count_include_pad (1 / (KH·KW) per
// window) of g · y^(1−p) · KH·KW. Where y = 0 every |x| of the window is 0:
// that window contributes 0, the subgradient that also keeps y^(1−p) = inf
// out of the sum.
Grads lpPool2dVjp(nn::LpPool2DOp op, GradBuilder &b, Value g) {
  Value x = op.getX(), y = op.getY();
  FailureOr<SmallVector<int64_t, 2>> size = inputSize(op, x);
  if (failed(size))
    return failure();
  double p = op.getP().convertToDouble();
  ArrayRef<int64_t> kernel = op.getKernel();
  double area = static_cast<double>(kernel[0] * kernel[1]);
  Value weight = b.mul(g, b.scalar(area, g));
  if (p != 1.0)
    weight = b.mul(weight, b.pow(y, b.scalar(1.0 - p, y)));
  weight = b.select(b.compare("gt", y, b.zero(y)), weight, b.zero(g));
  Value spread = b.build<nn::AvgPool2DGradOp>(
      weight, *size, kernel, op.getStridesAttr(), op.getPadding(),
      /*count_include_pad=*/true);
  Value dx = b.mul(spread, signedPower(b, x, p - 1.0));
  return grads({b.castTo(dx, x.getType())});
}

//===----------------------------------------------------------------------===//
// The backward ops
//===----------------------------------------------------------------------===//

// dx = conv2d_grad_input(dy, w):  d dy = conv2d(g, w),
//                                 dw = conv2d_grad_filter(g, dy)
Grads conv2dGradInputVjp(nn::Conv2DGradInputOp op, GradBuilder &b, Value g) {
  Value dy = op.getDy(), w = op.getFilter();
  ArrayRef<int64_t> kernel = op.getFilter().getType().getShape().drop_front(2);
  Value ddy = b.build<nn::Conv2DOp>(g, w, op.getStrides(), op.getPadding(),
                                    op.getDilations(), op.getGroups());
  Value dw = b.build<nn::Conv2DGradFilterOp>(g, dy, kernel, op.getStrides(),
                                             op.getPadding(), op.getDilations(),
                                             op.getGroups());
  return grads({b.castTo(ddy, dy.getType()), b.castTo(dw, w.getType())});
}

// dw = conv2d_grad_filter(x, dy):  dx = conv2d_grad_input(dy, g),
//                                  d dy = conv2d(x, g)
Grads conv2dGradFilterVjp(nn::Conv2DGradFilterOp op, GradBuilder &b, Value g) {
  Value x = op.getX(), dy = op.getDy();
  FailureOr<SmallVector<int64_t, 2>> size = inputSize(op, x);
  if (failed(size))
    return failure();
  Value dx = b.build<nn::Conv2DGradInputOp>(dy, g, *size, op.getStrides(),
                                            op.getPadding(), op.getDilations(),
                                            op.getGroups());
  Value ddy = b.build<nn::Conv2DOp>(x, g, op.getStrides(), op.getPadding(),
                                    op.getDilations(), op.getGroups());
  return grads({b.castTo(dx, x.getType()), b.castTo(ddy, dy.getType())});
}

// dx = avg_pool2d_grad(dy), the adjoint of avg_pool2d:  d dy = avg_pool2d(g)
Grads avgPool2dGradVjp(nn::AvgPool2DGradOp op, GradBuilder &b, Value g) {
  Value ddy =
      b.build<nn::AvgPool2DOp>(g, op.getKernel(), op.getStridesAttr(),
                               op.getPadding(), op.getCountIncludePad());
  return grads({b.castTo(ddy, op.getDy().getType())});
}

} // namespace

void nnc::autodiff::attachLayerRules(MLIRContext *context) {
  attachRule<nn::MatmulOp, matmulVjp>(context);
  attachRule<nn::LinearOp, linearVjp>(context);
  attachRule<nn::Conv2DOp, conv2dVjp>(context);
  attachRule<nn::MaxPool2DOp, maxPool2dVjp>(context);
  attachRule<nn::AvgPool2DOp, avgPool2dVjp>(context);
  attachRule<nn::LpPool2DOp, lpPool2dVjp>(context);
  attachRule<nn::Conv2DGradInputOp, conv2dGradInputVjp>(context);
  attachRule<nn::Conv2DGradFilterOp, conv2dGradFilterVjp>(context);
  attachRule<nn::AvgPool2DGradOp, avgPool2dGradVjp>(context);
}
