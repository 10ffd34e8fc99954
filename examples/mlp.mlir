// MLP: a 784-512-256-10 multi-layer perceptron for MNIST digits.
//
// Each 28x28 image is flattened to 784 pixels in [0, 1]; two hidden layers
// with relu feed a 10-way linear classifier:
//
//   x [N, 784] -> linear 784->512 + bias -> relu     [N, 512]
//              -> linear 512->256 + bias -> relu     [N, 256]
//              -> linear 256->10  + bias             logits [N, 10]
//
// @loss is the mean softmax cross-entropy of the logits against integer
// class labels [N]. Hidden weights use He (he_uniform) initialization, suited
// to relu; the output layer uses Glorot (xavier_uniform); biases start at 0.
// 535,818 parameters.

func.func @forward(
    %x: tensor<?x784xf32>,
    %w1: tensor<512x784xf32> {nn.param, nn.init = "he_uniform"},
    %b1: tensor<512xf32> {nn.param, nn.init = "zeros"},
    %w2: tensor<256x512xf32> {nn.param, nn.init = "he_uniform"},
    %b2: tensor<256xf32> {nn.param, nn.init = "zeros"},
    %w3: tensor<10x256xf32> {nn.param, nn.init = "xavier_uniform"},
    %b3: tensor<10xf32> {nn.param, nn.init = "zeros"}) -> tensor<?x10xf32> {
  %z1 = nn.linear %x, %w1 : tensor<?x784xf32>, tensor<512x784xf32>
  %a1 = nn.bias_add %z1, %b1 : tensor<?x512xf32>, tensor<512xf32>
  %h1 = nn.relu %a1 : tensor<?x512xf32>
  %z2 = nn.linear %h1, %w2 : tensor<?x512xf32>, tensor<256x512xf32>
  %a2 = nn.bias_add %z2, %b2 : tensor<?x256xf32>, tensor<256xf32>
  %h2 = nn.relu %a2 : tensor<?x256xf32>
  %z3 = nn.linear %h2, %w3 : tensor<?x256xf32>, tensor<10x256xf32>
  %logits = nn.bias_add %z3, %b3 : tensor<?x10xf32>, tensor<10xf32>
  return %logits : tensor<?x10xf32>
}

func.func @loss(
    %x: tensor<?x784xf32>,
    %labels: tensor<?xi64>,
    %w1: tensor<512x784xf32> {nn.param, nn.init = "he_uniform"},
    %b1: tensor<512xf32> {nn.param, nn.init = "zeros"},
    %w2: tensor<256x512xf32> {nn.param, nn.init = "he_uniform"},
    %b2: tensor<256xf32> {nn.param, nn.init = "zeros"},
    %w3: tensor<10x256xf32> {nn.param, nn.init = "xavier_uniform"},
    %b3: tensor<10xf32> {nn.param, nn.init = "zeros"}) -> tensor<f32> {
  %logits = call @forward(%x, %w1, %b1, %w2, %b2, %w3, %b3)
      : (tensor<?x784xf32>, tensor<512x784xf32>, tensor<512xf32>,
         tensor<256x512xf32>, tensor<256xf32>, tensor<10x256xf32>,
         tensor<10xf32>) -> tensor<?x10xf32>
  %l = nn.softmax_cross_entropy %logits, %labels
      : tensor<?x10xf32>, tensor<?xi64>
  return %l : tensor<f32>
}
