// A loss whose training batch_norm normalizes an input with constant gamma
// and beta: no param feeds it, so no VJP through batch_norm is needed, and
// its running statistics (nn.state) still update in the train step.
func.func @loss(%x: tensor<?x3x2x2xf32>, %w: tensor<3xf32> {nn.param},
                %mean: tensor<3xf32> {nn.state, nn.init = "zeros"},
                %var: tensor<3xf32> {nn.state, nn.init = "ones"}) -> tensor<f32> {
  %gamma = arith.constant dense<[1.0, 2.0, 0.5]> : tensor<3xf32>
  %beta = arith.constant dense<[0.0, 1.0, -1.0]> : tensor<3xf32>
  %y, %new_mean, %new_var = nn.batch_norm %x, %gamma, %beta, %mean, %var
      {training = true, momentum = 0.2 : f32}
      : tensor<?x3x2x2xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>, tensor<3xf32>
  %yw = nn.bias_add %y, %w : tensor<?x3x2x2xf32>, tensor<3xf32>
  %sq = nn.mul %yw, %yw : tensor<?x3x2x2xf32>, tensor<?x3x2x2xf32>
  %l = nn.reduce_mean %sq : tensor<?x3x2x2xf32>
  return %l : tensor<f32>
}
