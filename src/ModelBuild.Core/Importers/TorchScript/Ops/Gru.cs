using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::gru.input(Tensor input, Tensor hx, Tensor[] params, bool has_biases, int num_layers, float dropout,
/// bool train, bool bidirectional, bool batch_first) -&gt; (Tensor, Tensor)</c> → one ONNX <c>GRU</c> per layer (see
/// <see cref="Recurrent"/>). PyTorch's gate blocks are reset, update, new (r, z, n); ONNX's are update, reset, hidden
/// (z, r, h). PyTorch applies the reset gate after the recurrent product, r ⊙ (W_hn·h + b_hn): ONNX's
/// <c>linear_before_reset=1</c>.
/// </summary>
public static class Gru
{
    private static readonly Recurrent.Cell Cell = new("GRU", 3, [1, 0, 2], HasCellState: false, _ => [NodeAttribute.Of("linear_before_reset", 1L)]);

    public static object? Lower(LoweringContext ctx, BoundCall call) => Recurrent.Lower(ctx, call, Cell);
}
