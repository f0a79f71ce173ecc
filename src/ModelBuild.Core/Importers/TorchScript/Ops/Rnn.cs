using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::rnn_tanh.input</c> and <c>aten::rnn_relu.input(Tensor input, Tensor hx, Tensor[] params, bool has_biases,
/// int num_layers, float dropout, bool train, bool bidirectional, bool batch_first) -&gt; (Tensor, Tensor)</c> → one
/// ONNX <c>RNN</c> per layer (see <see cref="Recurrent"/>), one gate block. ONNX wants one activation per direction
/// when it is not the default tanh.
/// </summary>
public static class Rnn
{
    private static readonly Recurrent.Cell TanhCell = new("RNN", 1, [0], HasCellState: false, _ => []);
    private static readonly Recurrent.Cell ReluCell = new("RNN", 1, [0], HasCellState: false,
        dirs => [NodeAttribute.Of("activations", Enumerable.Repeat("Relu", dirs))]);

    public static object? Lower(LoweringContext ctx, BoundCall call) =>
        Recurrent.Lower(ctx, call, call.Schema.Name == "rnn_relu" ? ReluCell : TanhCell);
}
