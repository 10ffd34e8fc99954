// AlexNet-small: AlexNet (Krizhevsky et al., 2012) scaled down to 3x64x64
// images and 10 classes.
//
// The original's shape is kept: a large strided first convolution, local
// response normalization and overlapping 3x3/stride-2 max pooling after the
// first two convolutions, three 3x3 convolutions, then a dropout-regularized
// classifier. Widths are 16/32/48/48/32 channels instead of 96/256/384/384/256
// and the classifier is 288->256->10 instead of 9216->4096->4096->1000.
//
//   x [N, 3, 64, 64]
//     conv 5x5/2, 16, pad 2 + bias -> relu -> lrn     [N, 16, 32, 32]
//     max pool 3x3/2                                  [N, 16, 15, 15]
//     conv 5x5, 32, pad 2 + bias -> relu -> lrn       [N, 32, 15, 15]
//     max pool 3x3/2                                  [N, 32, 7, 7]
//     conv 3x3, 48, pad 1 + bias -> relu              [N, 48, 7, 7]
//     conv 3x3, 48, pad 1 + bias -> relu              [N, 48, 7, 7]
//     conv 3x3, 32, pad 1 + bias -> relu              [N, 32, 7, 7]
//     max pool 3x3/2                                  [N, 32, 3, 3]
//     flatten                                         [N, 288]
//     linear 288->256 + bias -> relu -> dropout 0.5   [N, 256]
//     linear 256->10 + bias                           logits [N, 10]
//
// LRN uses the paper's constants (size 5, alpha 1e-4, beta 0.75, k 2).
// @features is the convolutional trunk shared by the two heads below.
// @forward is inference: dropout is the identity (training = false; its seed
// is an unused constant). @training_forward applies dropout with the mask
// chosen by %seed, and @loss (input, labels, seed, params) is its mean
// softmax cross-entropy; pass a fresh seed every step. Weights use He
// (he_uniform) initialization, the output layer Glorot (xavier_uniform);
// biases start at 0. 139,114 parameters.

func.func @features(
    %x: tensor<?x3x64x64xf32>,
    %c1w: tensor<16x3x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c1b: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %c2w: tensor<32x16x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c2b: tensor<32xf32> {nn.param, nn.init = "zeros"},
    %c3w: tensor<48x32x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c3b: tensor<48xf32> {nn.param, nn.init = "zeros"},
    %c4w: tensor<48x48x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c4b: tensor<48xf32> {nn.param, nn.init = "zeros"},
    %c5w: tensor<32x48x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c5b: tensor<32xf32> {nn.param, nn.init = "zeros"}) -> tensor<?x288xf32> {
  // conv1: 3x64x64 -> 16x32x32 -> 16x15x15.
  %c1 = nn.conv2d %x, %c1w
      {strides = array<i64: 2, 2>, padding = array<i64: 2, 2, 2, 2>}
      : tensor<?x3x64x64xf32>, tensor<16x3x5x5xf32>
  %c1a = nn.bias_add %c1, %c1b : tensor<?x16x32x32xf32>, tensor<16xf32>
  %c1r = nn.relu %c1a : tensor<?x16x32x32xf32>
  %n1 = nn.lrn %c1r {size = 5 : i64, bias = 2.0 : f32} : tensor<?x16x32x32xf32>
  %p1 = nn.max_pool2d %n1 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>}
      : tensor<?x16x32x32xf32>

  // conv2: 16x15x15 -> 32x15x15 -> 32x7x7.
  %c2 = nn.conv2d %p1, %c2w {padding = array<i64: 2, 2, 2, 2>}
      : tensor<?x16x15x15xf32>, tensor<32x16x5x5xf32>
  %c2a = nn.bias_add %c2, %c2b : tensor<?x32x15x15xf32>, tensor<32xf32>
  %c2r = nn.relu %c2a : tensor<?x32x15x15xf32>
  %n2 = nn.lrn %c2r {size = 5 : i64, bias = 2.0 : f32} : tensor<?x32x15x15xf32>
  %p2 = nn.max_pool2d %n2 {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>}
      : tensor<?x32x15x15xf32>

  // conv3-5 at 7x7, then 32x7x7 -> 32x3x3.
  %c3 = nn.conv2d %p2, %c3w {padding = array<i64: 1, 1, 1, 1>}
      : tensor<?x32x7x7xf32>, tensor<48x32x3x3xf32>
  %c3a = nn.bias_add %c3, %c3b : tensor<?x48x7x7xf32>, tensor<48xf32>
  %c3r = nn.relu %c3a : tensor<?x48x7x7xf32>
  %c4 = nn.conv2d %c3r, %c4w {padding = array<i64: 1, 1, 1, 1>}
      : tensor<?x48x7x7xf32>, tensor<48x48x3x3xf32>
  %c4a = nn.bias_add %c4, %c4b : tensor<?x48x7x7xf32>, tensor<48xf32>
  %c4r = nn.relu %c4a : tensor<?x48x7x7xf32>
  %c5 = nn.conv2d %c4r, %c5w {padding = array<i64: 1, 1, 1, 1>}
      : tensor<?x48x7x7xf32>, tensor<32x48x3x3xf32>
  %c5a = nn.bias_add %c5, %c5b : tensor<?x32x7x7xf32>, tensor<32xf32>
  %c5r = nn.relu %c5a : tensor<?x32x7x7xf32>
  %p5 = nn.max_pool2d %c5r {kernel = array<i64: 3, 3>, strides = array<i64: 2, 2>}
      : tensor<?x32x7x7xf32>

  %flat = nn.reshape %p5 : tensor<?x32x3x3xf32> -> tensor<?x288xf32>
  return %flat : tensor<?x288xf32>
}

// Inference: dropout is the identity.
func.func @forward(
    %x: tensor<?x3x64x64xf32>,
    %c1w: tensor<16x3x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c1b: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %c2w: tensor<32x16x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c2b: tensor<32xf32> {nn.param, nn.init = "zeros"},
    %c3w: tensor<48x32x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c3b: tensor<48xf32> {nn.param, nn.init = "zeros"},
    %c4w: tensor<48x48x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c4b: tensor<48xf32> {nn.param, nn.init = "zeros"},
    %c5w: tensor<32x48x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c5b: tensor<32xf32> {nn.param, nn.init = "zeros"},
    %f6w: tensor<256x288xf32> {nn.param, nn.init = "he_uniform"},
    %f6b: tensor<256xf32> {nn.param, nn.init = "zeros"},
    %f7w: tensor<10x256xf32> {nn.param, nn.init = "xavier_uniform"},
    %f7b: tensor<10xf32> {nn.param, nn.init = "zeros"}) -> tensor<?x10xf32> {
  %flat = call @features(%x, %c1w, %c1b, %c2w, %c2b, %c3w, %c3b, %c4w, %c4b,
                         %c5w, %c5b)
      : (tensor<?x3x64x64xf32>, tensor<16x3x5x5xf32>, tensor<16xf32>,
         tensor<32x16x5x5xf32>, tensor<32xf32>, tensor<48x32x3x3xf32>,
         tensor<48xf32>, tensor<48x48x3x3xf32>, tensor<48xf32>,
         tensor<32x48x3x3xf32>, tensor<32xf32>) -> tensor<?x288xf32>
  %z6 = nn.linear %flat, %f6w : tensor<?x288xf32>, tensor<256x288xf32>
  %a6 = nn.bias_add %z6, %f6b : tensor<?x256xf32>, tensor<256xf32>
  %h6 = nn.relu %a6 : tensor<?x256xf32>
  %seed = arith.constant dense<0> : tensor<i64>
  %d6 = nn.dropout %h6, %seed {rate = 0.5 : f32, training = false}
      : tensor<?x256xf32>, tensor<i64>
  %z7 = nn.linear %d6, %f7w : tensor<?x256xf32>, tensor<10x256xf32>
  %logits = nn.bias_add %z7, %f7b : tensor<?x10xf32>, tensor<10xf32>
  return %logits : tensor<?x10xf32>
}

// Training: dropout zeroes half of the fc6 activations, chosen by %seed.
func.func @training_forward(
    %x: tensor<?x3x64x64xf32>,
    %seed: tensor<i64>,
    %c1w: tensor<16x3x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c1b: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %c2w: tensor<32x16x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c2b: tensor<32xf32> {nn.param, nn.init = "zeros"},
    %c3w: tensor<48x32x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c3b: tensor<48xf32> {nn.param, nn.init = "zeros"},
    %c4w: tensor<48x48x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c4b: tensor<48xf32> {nn.param, nn.init = "zeros"},
    %c5w: tensor<32x48x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c5b: tensor<32xf32> {nn.param, nn.init = "zeros"},
    %f6w: tensor<256x288xf32> {nn.param, nn.init = "he_uniform"},
    %f6b: tensor<256xf32> {nn.param, nn.init = "zeros"},
    %f7w: tensor<10x256xf32> {nn.param, nn.init = "xavier_uniform"},
    %f7b: tensor<10xf32> {nn.param, nn.init = "zeros"}) -> tensor<?x10xf32> {
  %flat = call @features(%x, %c1w, %c1b, %c2w, %c2b, %c3w, %c3b, %c4w, %c4b,
                         %c5w, %c5b)
      : (tensor<?x3x64x64xf32>, tensor<16x3x5x5xf32>, tensor<16xf32>,
         tensor<32x16x5x5xf32>, tensor<32xf32>, tensor<48x32x3x3xf32>,
         tensor<48xf32>, tensor<48x48x3x3xf32>, tensor<48xf32>,
         tensor<32x48x3x3xf32>, tensor<32xf32>) -> tensor<?x288xf32>
  %z6 = nn.linear %flat, %f6w : tensor<?x288xf32>, tensor<256x288xf32>
  %a6 = nn.bias_add %z6, %f6b : tensor<?x256xf32>, tensor<256xf32>
  %h6 = nn.relu %a6 : tensor<?x256xf32>
  %d6 = nn.dropout %h6, %seed {rate = 0.5 : f32, training = true}
      : tensor<?x256xf32>, tensor<i64>
  %z7 = nn.linear %d6, %f7w : tensor<?x256xf32>, tensor<10x256xf32>
  %logits = nn.bias_add %z7, %f7b : tensor<?x10xf32>, tensor<10xf32>
  return %logits : tensor<?x10xf32>
}

func.func @loss(
    %x: tensor<?x3x64x64xf32>,
    %labels: tensor<?xi64>,
    %seed: tensor<i64>,
    %c1w: tensor<16x3x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c1b: tensor<16xf32> {nn.param, nn.init = "zeros"},
    %c2w: tensor<32x16x5x5xf32> {nn.param, nn.init = "he_uniform"},
    %c2b: tensor<32xf32> {nn.param, nn.init = "zeros"},
    %c3w: tensor<48x32x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c3b: tensor<48xf32> {nn.param, nn.init = "zeros"},
    %c4w: tensor<48x48x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c4b: tensor<48xf32> {nn.param, nn.init = "zeros"},
    %c5w: tensor<32x48x3x3xf32> {nn.param, nn.init = "he_uniform"},
    %c5b: tensor<32xf32> {nn.param, nn.init = "zeros"},
    %f6w: tensor<256x288xf32> {nn.param, nn.init = "he_uniform"},
    %f6b: tensor<256xf32> {nn.param, nn.init = "zeros"},
    %f7w: tensor<10x256xf32> {nn.param, nn.init = "xavier_uniform"},
    %f7b: tensor<10xf32> {nn.param, nn.init = "zeros"}) -> tensor<f32> {
  %logits = call @training_forward(%x, %seed, %c1w, %c1b, %c2w, %c2b, %c3w,
                                   %c3b, %c4w, %c4b, %c5w, %c5b, %f6w, %f6b,
                                   %f7w, %f7b)
      : (tensor<?x3x64x64xf32>, tensor<i64>, tensor<16x3x5x5xf32>,
         tensor<16xf32>, tensor<32x16x5x5xf32>, tensor<32xf32>,
         tensor<48x32x3x3xf32>, tensor<48xf32>, tensor<48x48x3x3xf32>,
         tensor<48xf32>, tensor<32x48x3x3xf32>, tensor<32xf32>,
         tensor<256x288xf32>, tensor<256xf32>, tensor<10x256xf32>,
         tensor<10xf32>) -> tensor<?x10xf32>
  %l = nn.softmax_cross_entropy %logits, %labels
      : tensor<?x10xf32>, tensor<?xi64>
  return %l : tensor<f32>
}
