// Softmax cross-entropy of logits [N, 3] against integer class labels [N].
func.func @loss(%logits: tensor<?x3xf32>, %labels: tensor<?xi64>)
    -> tensor<f32> {
  %l = nn.softmax_cross_entropy %logits, %labels
      : tensor<?x3xf32>, tensor<?xi64>
  return %l : tensor<f32>
}

func.func @loss_i32(%logits: tensor<?x3xf32>, %labels: tensor<?xi32>)
    -> tensor<f32> {
  %l = nn.softmax_cross_entropy %logits, %labels
      : tensor<?x3xf32>, tensor<?xi32>
  return %l : tensor<f32>
}

// One loss per row.
func.func @loss_none(%logits: tensor<?x3xf32>, %labels: tensor<?xi64>)
    -> tensor<?xf32> {
  %l = nn.softmax_cross_entropy %logits, %labels {reduction = "none"}
      : tensor<?x3xf32>, tensor<?xi64>
  return %l : tensor<?xf32>
}
