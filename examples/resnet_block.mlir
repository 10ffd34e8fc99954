// ResNet block: a residual network in miniature, with two heads, on 3x32x32
// (CIFAR-sized) images and 10 classes.
//
// The graph is a DAG, not a chain: the stem's output %s feeds the residual
// branch, the identity skip connection and an auxiliary classifier.
//
//   x [N, 3, 32, 32]
//     stem: conv 3x3, 16, pad 1 -> batch norm -> relu        s [N, 16, 32, 32]
//     block: conv 3x3, 16, pad 1 -> batch norm -> relu
//            conv 3x3, 16, pad 1 -> batch norm -> + s -> relu r [N, 16, 32, 32]
//     main head: mean over H, W -> linear 16->10 + bias        logits [N, 10]
//     aux head:  mean over H, W of s -> linear 16->10 + bias   aux [N, 10]
//
// As in ResNet (He et al., 2016) the convolutions have no bias: the batch
// norm that follows absorbs it. The auxiliary head on the stem, as in
// GoogLeNet, gives the early layers a shorter gradient path; @loss is
// cross_entropy(logits) + 0.3 * cross_entropy(aux) against the same labels.
//
// Batch norm takes its running mean and variance as `nn.state` arguments,
// which come after the parameters. @forward (inference, training = false)
// normalizes with them; @training_forward (training = true) normalizes with
// batch statistics and computes updated running statistics, which a train
// step writes back to the state arguments. Convolution weights use He
// (he_uniform) initialization, classifiers Glorot (xavier_uniform); batch-norm
// scales start at 1 and shifts at 0. 5,476 parameters and 96 state values.

func.func @forward(
    %x: tensor<?x3x32x32xf32>,
    %w0: tensor<16x3x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %g0: tensor<16xf32> {nn.param, nn.init = "ones"},
    %b0: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %w1: tensor<16x16x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %g1: tensor<16xf32> {nn.param, nn.init = "ones"},
    %b1: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %w2: tensor<16x16x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %g2: tensor<16xf32> {nn.param, nn.init = "ones"},
    %b2: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %fcw: tensor<10x16xf32> {nn.param, nn.init = "xavier_uniform"},
    %fcb: tensor<10xf32> {nn.param, nn.init = "zeros"},
    %auxw: tensor<10x16xf32> {nn.param, nn.init = "xavier_uniform"},
    %auxb: tensor<10xf32> {nn.param, nn.init = "zeros"},
    %m0: tensor<16xf32> {nn.state, nn.init = "zeros"},
    %v0: tensor<16xf32> {nn.state, nn.init = "ones"},
    %m1: tensor<16xf32> {nn.state, nn.init = "zeros"},
    %v1: tensor<16xf32> {nn.state, nn.init = "ones"},
    %m2: tensor<16xf32> {nn.state, nn.init = "zeros"},
    %v2: tensor<16xf32> {nn.state, nn.init = "ones"})
    -> (tensor<?x10xf32>, tensor<?x10xf32>) {
  // Stem.
  %c0 = nn.conv2d %x, %w0 {padding = array<i64: 1, 1, 1, 1>}
      : tensor<?x3x32x32xf32>, tensor<16x3x3x3xf32>
  %n0, %m0_new, %v0_new = nn.batch_norm %c0, %g0, %b0, %m0, %v0
      : tensor<?x16x32x32xf32>, tensor<16xf32>, tensor<16xf32>,
        tensor<16xf32>, tensor<16xf32>
  %s = nn.relu %n0 : tensor<?x16x32x32xf32>

  // Residual block: r = relu(bn(conv(relu(bn(conv(s))))) + s).
  %c1 = nn.conv2d %s, %w1 {padding = array<i64: 1, 1, 1, 1>}
      : tensor<?x16x32x32xf32>, tensor<16x16x3x3xf32>
  %n1, %m1_new, %v1_new = nn.batch_norm %c1, %g1, %b1, %m1, %v1
      : tensor<?x16x32x32xf32>, tensor<16xf32>, tensor<16xf32>,
        tensor<16xf32>, tensor<16xf32>
  %h1 = nn.relu %n1 : tensor<?x16x32x32xf32>
  %c2 = nn.conv2d %h1, %w2 {padding = array<i64: 1, 1, 1, 1>}
      : tensor<?x16x32x32xf32>, tensor<16x16x3x3xf32>
  %n2, %m2_new, %v2_new = nn.batch_norm %c2, %g2, %b2, %m2, %v2
      : tensor<?x16x32x32xf32>, tensor<16xf32>, tensor<16xf32>,
        tensor<16xf32>, tensor<16xf32>
  %sum = nn.add %n2, %s : tensor<?x16x32x32xf32>, tensor<?x16x32x32xf32>
  %r = nn.relu %sum : tensor<?x16x32x32xf32>

  // Main head: global average pooling, then a linear classifier.
  %gap = nn.reduce_mean %r {axes = array<i64: 2, 3>} : tensor<?x16x32x32xf32>
  %fc = nn.linear %gap, %fcw : tensor<?x16xf32>, tensor<10x16xf32>
  %logits = nn.bias_add %fc, %fcb : tensor<?x10xf32>, tensor<10xf32>

  // Auxiliary head on the stem.
  %sgap = nn.reduce_mean %s {axes = array<i64: 2, 3>} : tensor<?x16x32x32xf32>
  %afc = nn.linear %sgap, %auxw : tensor<?x16xf32>, tensor<10x16xf32>
  %aux = nn.bias_add %afc, %auxb : tensor<?x10xf32>, tensor<10xf32>
  return %logits, %aux : tensor<?x10xf32>, tensor<?x10xf32>
}

// The same network with batch norm in training mode.
func.func @training_forward(
    %x: tensor<?x3x32x32xf32>,
    %w0: tensor<16x3x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %g0: tensor<16xf32> {nn.param, nn.init = "ones"},
    %b0: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %w1: tensor<16x16x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %g1: tensor<16xf32> {nn.param, nn.init = "ones"},
    %b1: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %w2: tensor<16x16x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %g2: tensor<16xf32> {nn.param, nn.init = "ones"},
    %b2: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %fcw: tensor<10x16xf32> {nn.param, nn.init = "xavier_uniform"},
    %fcb: tensor<10xf32> {nn.param, nn.init = "zeros"},
    %auxw: tensor<10x16xf32> {nn.param, nn.init = "xavier_uniform"},
    %auxb: tensor<10xf32> {nn.param, nn.init = "zeros"},
    %m0: tensor<16xf32> {nn.state, nn.init = "zeros"},
    %v0: tensor<16xf32> {nn.state, nn.init = "ones"},
    %m1: tensor<16xf32> {nn.state, nn.init = "zeros"},
    %v1: tensor<16xf32> {nn.state, nn.init = "ones"},
    %m2: tensor<16xf32> {nn.state, nn.init = "zeros"},
    %v2: tensor<16xf32> {nn.state, nn.init = "ones"})
    -> (tensor<?x10xf32>, tensor<?x10xf32>) {
  %c0 = nn.conv2d %x, %w0 {padding = array<i64: 1, 1, 1, 1>}
      : tensor<?x3x32x32xf32>, tensor<16x3x3x3xf32>
  %n0, %m0_new, %v0_new = nn.batch_norm %c0, %g0, %b0, %m0, %v0 {training = true}
      : tensor<?x16x32x32xf32>, tensor<16xf32>, tensor<16xf32>,
        tensor<16xf32>, tensor<16xf32>
  %s = nn.relu %n0 : tensor<?x16x32x32xf32>

  %c1 = nn.conv2d %s, %w1 {padding = array<i64: 1, 1, 1, 1>}
      : tensor<?x16x32x32xf32>, tensor<16x16x3x3xf32>
  %n1, %m1_new, %v1_new = nn.batch_norm %c1, %g1, %b1, %m1, %v1 {training = true}
      : tensor<?x16x32x32xf32>, tensor<16xf32>, tensor<16xf32>,
        tensor<16xf32>, tensor<16xf32>
  %h1 = nn.relu %n1 : tensor<?x16x32x32xf32>
  %c2 = nn.conv2d %h1, %w2 {padding = array<i64: 1, 1, 1, 1>}
      : tensor<?x16x32x32xf32>, tensor<16x16x3x3xf32>
  %n2, %m2_new, %v2_new = nn.batch_norm %c2, %g2, %b2, %m2, %v2 {training = true}
      : tensor<?x16x32x32xf32>, tensor<16xf32>, tensor<16xf32>,
        tensor<16xf32>, tensor<16xf32>
  %sum = nn.add %n2, %s : tensor<?x16x32x32xf32>, tensor<?x16x32x32xf32>
  %r = nn.relu %sum : tensor<?x16x32x32xf32>

  %gap = nn.reduce_mean %r {axes = array<i64: 2, 3>} : tensor<?x16x32x32xf32>
  %fc = nn.linear %gap, %fcw : tensor<?x16xf32>, tensor<10x16xf32>
  %logits = nn.bias_add %fc, %fcb : tensor<?x10xf32>, tensor<10xf32>

  %sgap = nn.reduce_mean %s {axes = array<i64: 2, 3>} : tensor<?x16x32x32xf32>
  %afc = nn.linear %sgap, %auxw : tensor<?x16xf32>, tensor<10x16xf32>
  %aux = nn.bias_add %afc, %auxb : tensor<?x10xf32>, tensor<10xf32>
  return %logits, %aux : tensor<?x10xf32>, tensor<?x10xf32>
}

func.func @loss(
    %x: tensor<?x3x32x32xf32>,
    %labels: tensor<?xi64>,
    %w0: tensor<16x3x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %g0: tensor<16xf32> {nn.param, nn.init = "ones"},
    %b0: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %w1: tensor<16x16x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %g1: tensor<16xf32> {nn.param, nn.init = "ones"},
    %b1: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %w2: tensor<16x16x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %g2: tensor<16xf32> {nn.param, nn.init = "ones"},
    %b2: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %fcw: tensor<10x16xf32> {nn.param, nn.init = "xavier_uniform"},
    %fcb: tensor<10xf32> {nn.param, nn.init = "zeros"},
    %auxw: tensor<10x16xf32> {nn.param, nn.init = "xavier_uniform"},
    %auxb: tensor<10xf32> {nn.param, nn.init = "zeros"},
    %m0: tensor<16xf32> {nn.state, nn.init = "zeros"},
    %v0: tensor<16xf32> {nn.state, nn.init = "ones"},
    %m1: tensor<16xf32> {nn.state, nn.init = "zeros"},
    %v1: tensor<16xf32> {nn.state, nn.init = "ones"},
    %m2: tensor<16xf32> {nn.state, nn.init = "zeros"},
    %v2: tensor<16xf32> {nn.state, nn.init = "ones"}) -> tensor<f32> {
  %heads:2 = call @training_forward(%x, %w0, %g0, %b0, %w1, %g1, %b1, %w2, %g2,
                                    %b2, %fcw, %fcb, %auxw, %auxb, %m0, %v0,
                                    %m1, %v1, %m2, %v2)
      : (tensor<?x3x32x32xf32>, tensor<16x3x3x3xf32>, tensor<16xf32>,
         tensor<16xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<16xf32>,
         tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<16xf32>,
         tensor<10x16xf32>, tensor<10xf32>, tensor<10x16xf32>, tensor<10xf32>,
         tensor<16xf32>, tensor<16xf32>, tensor<16xf32>, tensor<16xf32>,
         tensor<16xf32>, tensor<16xf32>)
      -> (tensor<?x10xf32>, tensor<?x10xf32>)
  %main = nn.softmax_cross_entropy %heads#0, %labels
      : tensor<?x10xf32>, tensor<?xi64>
  %aux = nn.softmax_cross_entropy %heads#1, %labels
      : tensor<?x10xf32>, tensor<?xi64>
  %weight = arith.constant dense<3.000000e-01> : tensor<f32>
  %weighted = nn.mul %weight, %aux : tensor<f32>, tensor<f32>
  %l = nn.add %main, %weighted : tensor<f32>, tensor<f32>
  return %l : tensor<f32>
}
