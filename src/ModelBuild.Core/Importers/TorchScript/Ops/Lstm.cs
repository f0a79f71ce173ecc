namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::lstm.input(Tensor input, Tensor[] hx, Tensor[] params, bool has_biases, int num_layers, float dropout,
/// bool train, bool bidirectional, bool batch_first) -&gt; (Tensor, Tensor, Tensor)</c> → one ONNX <c>LSTM</c> per
/// layer (see <see cref="Recurrent"/>). PyTorch's gate blocks are input, forget, cell, output (i, f, g, o); ONNX's are
/// input, output, forget, cell (i, o, f, c). The default activations (sigmoid, tanh, tanh) are PyTorch's.
/// </summary>
public static class Lstm
{
    private static readonly Recurrent.Cell Cell = new("LSTM", 4, [0, 3, 1, 2], HasCellState: true, _ => []);

    public static object? Lower(LoweringContext ctx, BoundCall call) => Recurrent.Lower(ctx, call, Cell);
}
