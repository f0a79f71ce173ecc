using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// Writes a <see cref="Model"/> (ONNX semantics) as a TensorFlow Lite flatbuffer (schema v3, identifier TFL3),
/// float32 with optional float16 weights. Convolutions and pools run in NHWC with weights permuted at export
/// time; transposes appear only at layout boundaries (graph entry/exit in the default ONNX-layout interface,
/// before Flatten/Reshape of an NHWC value, see <see cref="TfLiteLowering"/>). Operators come from
/// <see cref="TfLiteOpTable"/>; one it cannot express fails with MBLD2201/MBLD2202 naming the operator and the
/// target. Output is deterministic and appears atomically (temp file + rename).
/// </summary>
public static class TfLiteWriter
{
    public static TfLiteWriteResult Write(Model model, string path, TfLiteWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= new TfLiteWriterOptions();
        var fullPath = Path.GetFullPath(path);
        GraphValidator.Validate(model, fullPath, DiagnosticCode.OutputGraphInvalid);

        var (builder, inputs, outputs) = Lower(model, options, fullPath);
        // Checked before serialising: FlatBufferBuilder's int offsets would overflow on the way past 2 GB.
        if (builder.ConstantBytes > TfLiteLayout.MaxFileBytes) throw TfLiteThrowHelper.TooLarge(fullPath, builder.ConstantBytes);
        var bytes = TfLiteSerializer.Serialize(builder, options.Description, out var codes);
        if (bytes.LongLength > TfLiteLayout.MaxFileBytes) throw TfLiteThrowHelper.TooLarge(fullPath, bytes.LongLength);

        try
        {
            AtomicFile.Write(fullPath, stream => stream.Write(bytes));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw TfLiteThrowHelper.NotWritable(fullPath, e);
        }
        return new TfLiteWriteResult(fullPath, bytes.LongLength,
            builder.Operators.Select(o => o.Code.ToString()).ToArray(), codes.Select(c => c.ToString()).ToArray(), inputs, outputs);
    }

    /// <summary>The ONNX operators this writer can lower (for documentation and coverage tables).</summary>
    public static IReadOnlyCollection<string> SupportedOperators => TfLiteOpTable.Operators;

    private static (TfLiteModelBuilder, List<TfLiteTensorBinding>, List<TfLiteTensorBinding>) Lower(Model model, TfLiteWriterOptions options, string file)
    {
        var graph = model.Graph;
        var l = new TfLiteLowering(model, options, file);
        l.CountUses(graph.Nodes);
        var inputs = new List<TfLiteTensorBinding>();
        var outputs = new List<TfLiteTensorBinding>();

        foreach (var input in graph.Inputs)
        {
            if (input.ElementType != DataType.Float32)
                throw TfLiteThrowHelper.UnsupportedDataType(file, input.Name, DataTypes.Name(input.ElementType));
            var shape = StaticShape(input, options, file);
            var layout = IoLayout(shape.Length, options);
            int tensor = l.Define(input.Name, shape, layout);
            l.Builder.Inputs.Add(tensor);
            inputs.Add(new TfLiteTensorBinding(input.Name, l.Builder.Tensors[tensor].Shape, layout));
        }

        // Constant-only nodes first (weights' transposes and splits), so that the fusions see constants.
        foreach (var node in TfLiteFusions.Apply(l, TfLiteConstantFolder.FoldAhead(l, graph.Nodes)))
        {
            if (TfLiteConstantFolder.TryFold(l, node)) continue;
            long opset = node.Domain is "" or "ai.onnx" ? l.Opset : node.Domain == TfLiteFusions.Domain ? long.MaxValue : -1;
            if (opset < 0 || !TfLiteOpTable.TryResolve(node.Domain, node.OpType, opset, out var converter))
                throw TfLiteThrowHelper.UnsupportedOperator(file, node, node.Domain is "" or "ai.onnx" ? null : $"domain '{node.Domain}' is not lowered");
            converter(l, node);
            l.NoteSign(node);
        }

        var exit = new Node("Output", [], [], "graph output");
        var used = new HashSet<int>(l.Builder.Inputs);
        foreach (var output in graph.Outputs)
        {
            if (output.ElementType != DataType.Float32)
                throw TfLiteThrowHelper.UnsupportedDataType(file, output.Name, DataTypes.Name(output.ElementType));
            var shape = l.Shape(output.Name);
            var layout = IoLayout(shape.Length, options);
            int tensor = l.Tensor(exit, output.Name, layout);
            if (!used.Add(tensor) || l.Builder.Tensors[tensor].IsConstant)
            {
                // An output that is an input, a constant or another output gets its own tensor.
                var tflite = TfLitePermutation.Apply(shape, layout);
                int copy = l.Temporary(output.Name, tflite);
                l.Reshape(output.Name, tensor, copy, tflite);
                tensor = copy;
                used.Add(tensor);
            }
            l.RenameTensor(tensor, output.Name);
            l.Builder.Outputs.Add(tensor);
            outputs.Add(new TfLiteTensorBinding(output.Name, l.Builder.Tensors[tensor].Shape, layout));
        }
        return (l.Builder, inputs, outputs);
    }

    private static int[] IoLayout(int rank, TfLiteWriterOptions options) =>
        options.NhwcInputsOutputs && rank == 4 ? TfLitePermutation.Nhwc : TfLitePermutation.Identity(rank);

    private static long[] StaticShape(ValueInfo input, TfLiteWriterOptions options, string file)
    {
        if (input.Shape is null) throw TfLiteThrowHelper.DynamicShape(file, input.Name, "the graph input has no shape (unknown rank)");
        return input.Shape.Dims.Select(d =>
        {
            if (d.Value is { } v) return v;
            if (d.Symbol is { } s && options.DimensionSizes.TryGetValue(s, out var size)) return size;
            return options.DefaultDimensionSize;
        }).ToArray();
    }
}
