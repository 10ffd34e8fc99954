// LeNet-5 (LeCun et al., 1998) for 1x28x28 MNIST digits.
//
// Two convolution + max-pooling stages extract features, three linear
// layers classify them. The first convolution pads by 2, so 28x28 inputs
// behave like the original 32x32 ones. Relu replaces the original tanh and
// max pooling the original subsampling, as in most modern re-implementations.
//
//   x [N, 1, 28, 28]
//     conv 5x5, 6 filters, pad 2 + bias -> relu      [N, 6, 28, 28]
//     max pool 2x2                                   [N, 6, 14, 14]
//     conv 5x5, 16 filters + bias -> relu            [N, 16, 10, 10]
//     max pool 2x2                                   [N, 16, 5, 5]
//     flatten                                        [N, 400]
//     linear 400->120 + bias -> relu                 [N, 120]
//     linear 120->84 + bias -> relu                  [N, 84]
//     linear 84->10 + bias                           logits [N, 10]
//
// @loss is the mean softmax cross-entropy against integer labels [N].
// Weights use He (he_uniform) initialization, the output layer Glorot
// (xavier_uniform); biases start at 0. 61,706 parameters.

func.func @forward(
    %x: tensor<?x1x28x28xf32>,
    %c1w: tensor<6x1x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c1b: tensor<6xf32> {nn.param, nn.init = "zeros"},
    %c2w: tensor<16x6x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c2b: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %f1w: tensor<120x400xf32> {nn.param, nn.init = "he_uniform"},
    %f1b: tensor<120xf32> {nn.param, nn.init = "zeros"},
    %f2w: tensor<84x120xf32> {nn.param, nn.init = "he_uniform"},
    %f2b: tensor<84xf32> {nn.param, nn.init = "zeros"},
    %f3w: tensor<10x84xf32> {nn.param, nn.init = "xavier_uniform"},
    %f3b: tensor<10xf32> {nn.param, nn.init = "zeros"}) -> tensor<?x10xf32> {
  // Stage 1: 1x28x28 -> 6x28x28 -> 6x14x14.
  %c1 = nn.conv2d %x, %c1w {padding = array<i64: 2, 2, 2, 2>}
      : tensor<?x1x28x28xf32>, tensor<6x1x5x5xf32>
  %c1a = nn.bias_add %c1, %c1b : tensor<?x6x28x28xf32>, tensor<6xf32>
  %c1r = nn.relu %c1a : tensor<?x6x28x28xf32>
  %p1 = nn.max_pool2d %c1r {kernel = array<i64: 2, 2>} : tensor<?x6x28x28xf32>

  // Stage 2: 6x14x14 -> 16x10x10 -> 16x5x5.
  %c2 = nn.conv2d %p1, %c2w : tensor<?x6x14x14xf32>, tensor<16x6x5x5xf32>
  %c2a = nn.bias_add %c2, %c2b : tensor<?x16x10x10xf32>, tensor<16xf32>
  %c2r = nn.relu %c2a : tensor<?x16x10x10xf32>
  %p2 = nn.max_pool2d %c2r {kernel = array<i64: 2, 2>} : tensor<?x16x10x10xf32>

  // Classifier: 400 -> 120 -> 84 -> 10.
  %flat = nn.reshape %p2 : tensor<?x16x5x5xf32> -> tensor<?x400xf32>
  %z1 = nn.linear %flat, %f1w : tensor<?x400xf32>, tensor<120x400xf32>
  %a1 = nn.bias_add %z1, %f1b : tensor<?x120xf32>, tensor<120xf32>
  %h1 = nn.relu %a1 : tensor<?x120xf32>
  %z2 = nn.linear %h1, %f2w : tensor<?x120xf32>, tensor<84x120xf32>
  %a2 = nn.bias_add %z2, %f2b : tensor<?x84xf32>, tensor<84xf32>
  %h2 = nn.relu %a2 : tensor<?x84xf32>
  %z3 = nn.linear %h2, %f3w : tensor<?x84xf32>, tensor<10x84xf32>
  %logits = nn.bias_add %z3, %f3b : tensor<?x10xf32>, tensor<10xf32>
  return %logits : tensor<?x10xf32>
}

func.func @loss(
    %x: tensor<?x1x28x28xf32>,
    %labels: tensor<?xi64>,
    %c1w: tensor<6x1x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c1b: tensor<6xf32> {nn.param, nn.init = "zeros"},
    %c2w: tensor<16x6x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c2b: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %f1w: tensor<120x400xf32> {nn.param, nn.init = "he_uniform"},
    %f1b: tensor<120xf32> {nn.param, nn.init = "zeros"},
    %f2w: tensor<84x120xf32> {nn.param, nn.init = "he_uniform"},
    %f2b: tensor<84xf32> {nn.param, nn.init = "zeros"},
    %f3w: tensor<10x84xf32> {nn.param, nn.init = "xavier_uniform"},
    %f3b: tensor<10xf32> {nn.param, nn.init = "zeros"}) -> tensor<f32> {
  %logits = call @forward(%x, %c1w, %c1b, %c2w, %c2b, %f1w, %f1b, %f2w, %f2b,
                          %f3w, %f3b)
      : (tensor<?x1x28x28xf32>, tensor<6x1x5x5xf32>, tensor<6xf32>,
         tensor<16x6x5x5xf32>, tensor<16xf32>, tensor<120x400xf32>,
         tensor<120xf32>, tensor<84x120xf32>, tensor<84xf32>,
         tensor<10x84xf32>, tensor<10xf32>) -> tensor<?x10xf32>
  %l = nn.softmax_cross_entropy %logits, %labels
      : tensor<?x10xf32>, tensor<?xi64>
  return %l : tensor<f32>
}
