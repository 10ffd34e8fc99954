// relu(x · wᵀ + b): x [N, 2], w [3, 2], b [3] -> [N, 3].
func.func @forward(%x: tensor<?x2xf32>, %w: tensor<3x2xf32> {nn.param},
                   %b: tensor<3xf32> {nn.param}) -> tensor<?x3xf32> {
  %z = nn.linear %x, %w : tensor<?x2xf32>, tensor<3x2xf32>
  %a = nn.bias_add %z, %b : tensor<?x3xf32>, tensor<3xf32>
  %y = nn.relu %a : tensor<?x3xf32>
  return %y : tensor<?x3xf32>
}
