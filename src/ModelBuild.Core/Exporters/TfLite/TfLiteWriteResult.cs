namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// What <see cref="TfLiteWriter.Write"/> produced: the file, its size, the operators in execution order (builtin
/// names such as <c>CONV_2D</c>), the distinct operator codes, and the subgraph's inputs and outputs in order.
/// </summary>
public sealed record TfLiteWriteResult(
    string Path,
    long SizeBytes,
    IReadOnlyList<string> Operators,
    IReadOnlyList<string> OperatorCodes,
    IReadOnlyList<TfLiteTensorBinding> Inputs,
    IReadOnlyList<TfLiteTensorBinding> Outputs);
