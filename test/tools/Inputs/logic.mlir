// The course's logic gates as sigmoid neurons, saturated by large weights:
//   AND = sigmoid(-30 + 20 x1 + 20 x2)
//   OR  = sigmoid(-10 + 20 x1 + 20 x2)
//   NOR = sigmoid( 10 - 20 x1 - 20 x2)
// and XNOR = OR(AND, NOR), a 2-2-1 network.

// One layer of three gates: w [3, 2], b [3] -> [N, 3].
func.func @gates(%x: tensor<?x2xf32>, %w: tensor<3x2xf32>,
                 %b: tensor<3xf32>) -> tensor<?x3xf32> {
  %z = nn.linear %x, %w : tensor<?x2xf32>, tensor<3x2xf32>
  %a = nn.bias_add %z, %b : tensor<?x3xf32>, tensor<3xf32>
  %y = nn.sigmoid %a : tensor<?x3xf32>
  return %y : tensor<?x3xf32>
}

// XNOR: returns the hidden layer (AND, NOR) [N, 2] and the output [N, 1].
func.func @xnor(%x: tensor<?x2xf32>, %w1: tensor<2x2xf32> {nn.param},
                %b1: tensor<2xf32> {nn.param}, %w2: tensor<1x2xf32> {nn.param},
                %b2: tensor<1xf32> {nn.param})
    -> (tensor<?x2xf32>, tensor<?x1xf32>) {
  %z1 = nn.linear %x, %w1 : tensor<?x2xf32>, tensor<2x2xf32>
  %a1 = nn.bias_add %z1, %b1 : tensor<?x2xf32>, tensor<2xf32>
  %h = nn.sigmoid %a1 : tensor<?x2xf32>
  %z2 = nn.linear %h, %w2 : tensor<?x2xf32>, tensor<1x2xf32>
  %a2 = nn.bias_add %z2, %b2 : tensor<?x1xf32>, tensor<1xf32>
  %y = nn.sigmoid %a2 : tensor<?x1xf32>
  return %h, %y : tensor<?x2xf32>, tensor<?x1xf32>
}
