// XOR: the course's first network, a sigmoid multi-layer perceptron.
//
// XOR is not linearly separable, so a single neuron cannot learn it; one
// hidden layer can. The course draws it as 2-2-1; this model widens the
// hidden layer to 4 units, which escapes the 2-2-1 net's local minima from
// almost every random start while keeping the same structure:
//
//   x [N, 2] -> linear 2->4 + bias -> sigmoid      h [N, 4]
//            -> linear 4->1 + bias -> sigmoid      p [N, 1] = P(x1 xor x2)
//
// @loss is the binary cross-entropy of p against targets t in {0, 1}. The
// four training points are (0,0)->0, (0,1)->1, (1,0)->1, (1,1)->0.
//
// Sigmoid layers use Glorot (xavier_uniform) weights and zero biases.

func.func @forward(
    %x: tensor<?x2xf32>,
    %w1: tensor<4x2xf32> {nn.param, nn.init = "xavier_uniform"},
    %b1: tensor<4xf32> {nn.param, nn.init = "zeros"},
    %w2: tensor<1x4xf32> {nn.param, nn.init = "xavier_uniform"},
    %b2: tensor<1xf32> {nn.param, nn.init = "zeros"}) -> tensor<?x1xf32> {
  %z1 = nn.linear %x, %w1 : tensor<?x2xf32>, tensor<4x2xf32>
  %a1 = nn.bias_add %z1, %b1 : tensor<?x4xf32>, tensor<4xf32>
  %h = nn.sigmoid %a1 : tensor<?x4xf32>
  %z2 = nn.linear %h, %w2 : tensor<?x4xf32>, tensor<1x4xf32>
  %a2 = nn.bias_add %z2, %b2 : tensor<?x1xf32>, tensor<1xf32>
  %p = nn.sigmoid %a2 : tensor<?x1xf32>
  return %p : tensor<?x1xf32>
}

func.func @loss(
    %x: tensor<?x2xf32>,
    %t: tensor<?x1xf32>,
    %w1: tensor<4x2xf32> {nn.param, nn.init = "xavier_uniform"},
    %b1: tensor<4xf32> {nn.param, nn.init = "zeros"},
    %w2: tensor<1x4xf32> {nn.param, nn.init = "xavier_uniform"},
    %b2: tensor<1xf32> {nn.param, nn.init = "zeros"}) -> tensor<f32> {
  %p = call @forward(%x, %w1, %b1, %w2, %b2)
      : (tensor<?x2xf32>, tensor<4x2xf32>, tensor<4xf32>, tensor<1x4xf32>,
         tensor<1xf32>) -> tensor<?x1xf32>
  %l = nn.binary_cross_entropy %p, %t : tensor<?x1xf32>, tensor<?x1xf32>
  return %l : tensor<f32>
}
