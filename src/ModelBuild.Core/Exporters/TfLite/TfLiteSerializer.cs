using Google.FlatBuffers;
using L = ModelBuild.Core.Exporters.TfLite.TfLiteLayout;

namespace ModelBuild.Core.Exporters.TfLite;

/// <summary>
/// Turns a <see cref="TfLiteModelBuilder"/> into TFLite flatbuffer bytes with Google.FlatBuffers, table by table
/// against the public schema (slots in <see cref="TfLiteLayout"/>). Construction order is fixed (buffers, tensors,
/// operators, codes, subgraph, model), so equal inputs give equal bytes.
/// </summary>
internal static class TfLiteSerializer
{
    public static byte[] Serialize(TfLiteModelBuilder model, string description, out IReadOnlyList<TfLiteBuiltinOperator> operatorCodes)
    {
        long estimate = model.ConstantBytes + model.Buffers.Count * 32L + model.Tensors.Count * 128L + model.Operators.Count * 96L + 4096;
        var b = new FlatBufferBuilder((int)Math.Min(estimate, int.MaxValue / 2));

        // Weights first, at the end of the buffer, so that the alignment padding between them stays small.
        var bufferOffsets = new int[model.Buffers.Count];
        for (int i = 0; i < model.Buffers.Count; i++)
        {
            var data = model.Buffers[i];
            VectorOffset? dataOffset = null;
            if (data.Length > 0)
            {
                // force_align: 16 on Buffer.data; generated CreateDataVector would align to 1.
                b.StartVector(1, data.Length, L.BufferAlignment);
                b.Add(data);
                dataOffset = b.EndVector();
            }
            b.StartTable(L.Buffer.FieldCount);
            if (dataOffset is { } d) b.AddOffset(L.Buffer.Data, d.Value, 0);
            bufferOffsets[i] = b.EndTable();
        }

        var tensorOffsets = new int[model.Tensors.Count];
        for (int i = 0; i < model.Tensors.Count; i++)
        {
            var t = model.Tensors[i];
            var name = b.CreateString(t.Name);
            var shape = IntVector(b, t.Shape);
            b.StartTable(L.Tensor.FieldCount);
            b.AddOffset(L.Tensor.Shape, shape.Value, 0);
            b.AddSbyte(L.Tensor.Type, (sbyte)t.Type, 0);
            b.AddUint(L.Tensor.Buffer, (uint)t.Buffer, 0);
            b.AddOffset(L.Tensor.Name, name.Value, 0);
            b.AddBool(L.Tensor.HasRank, true, false);
            tensorOffsets[i] = b.EndTable();
        }

        var codes = new List<TfLiteBuiltinOperator>();
        var codeIndex = new Dictionary<TfLiteBuiltinOperator, int>();
        foreach (var op in model.Operators)
        {
            if (codeIndex.ContainsKey(op.Code)) continue;
            codeIndex[op.Code] = codes.Count;
            codes.Add(op.Code);
        }

        var operatorOffsets = new int[model.Operators.Count];
        for (int i = 0; i < model.Operators.Count; i++)
        {
            var op = model.Operators[i];
            var inputs = IntVector(b, op.Inputs);
            var outputs = IntVector(b, op.Outputs);
            int options = op.Options.Write?.Invoke(b) ?? 0;
            b.StartTable(L.Operator.FieldCount);
            b.AddUint(L.Operator.OpcodeIndex, (uint)codeIndex[op.Code], 0);
            b.AddOffset(L.Operator.Inputs, inputs.Value, 0);
            b.AddOffset(L.Operator.Outputs, outputs.Value, 0);
            if (op.Options.Type != TfLiteBuiltinOptions.None)
            {
                b.AddByte(L.Operator.BuiltinOptionsType, (byte)op.Options.Type, 0);
                b.AddOffset(L.Operator.BuiltinOptions, options, 0);
            }
            operatorOffsets[i] = b.EndTable();
        }

        var codeOffsets = new int[codes.Count];
        for (int i = 0; i < codes.Count; i++)
        {
            int code = (int)codes[i];
            b.StartTable(L.OperatorCode.FieldCount);
            // Both fields: old readers (Arm NN 20.08, TFLite < 2.4) only know the int8 one.
            b.AddSbyte(L.OperatorCode.DeprecatedBuiltinCode, (sbyte)Math.Min(code, L.PlaceholderForGreaterOpCodes), 0);
            b.AddInt(L.OperatorCode.Version, 1, 1);
            b.AddInt(L.OperatorCode.BuiltinCode, code, 0);
            codeOffsets[i] = b.EndTable();
        }

        var tensors = OffsetVector(b, tensorOffsets);
        var subInputs = IntVector(b, model.Inputs.ToArray());
        var subOutputs = IntVector(b, model.Outputs.ToArray());
        var operators = OffsetVector(b, operatorOffsets);
        var subName = b.CreateString("main");
        b.StartTable(L.SubGraph.FieldCount);
        b.AddOffset(L.SubGraph.Tensors, tensors.Value, 0);
        b.AddOffset(L.SubGraph.Inputs, subInputs.Value, 0);
        b.AddOffset(L.SubGraph.Outputs, subOutputs.Value, 0);
        b.AddOffset(L.SubGraph.Operators, operators.Value, 0);
        b.AddOffset(L.SubGraph.Name, subName.Value, 0);
        int subgraph = b.EndTable();

        var operatorCodeVector = OffsetVector(b, codeOffsets);
        var subgraphs = OffsetVector(b, [subgraph]);
        var descriptionOffset = b.CreateString(description);
        var buffers = OffsetVector(b, bufferOffsets);
        b.StartTable(L.Model.FieldCount);
        b.AddUint(L.Model.Version, L.SchemaVersion, 0);
        b.AddOffset(L.Model.OperatorCodes, operatorCodeVector.Value, 0);
        b.AddOffset(L.Model.Subgraphs, subgraphs.Value, 0);
        b.AddOffset(L.Model.Description, descriptionOffset.Value, 0);
        b.AddOffset(L.Model.Buffers, buffers.Value, 0);
        int root = b.EndTable();
        b.Finish(root, L.FileIdentifier);

        operatorCodes = codes;
        return b.SizedByteArray();
    }

    public static VectorOffset IntVector(FlatBufferBuilder b, int[] values)
    {
        b.StartVector(sizeof(int), values.Length, sizeof(int));
        for (int i = values.Length - 1; i >= 0; i--) b.AddInt(values[i]);
        return b.EndVector();
    }

    private static VectorOffset OffsetVector(FlatBufferBuilder b, int[] offsets)
    {
        b.StartVector(sizeof(int), offsets.Length, sizeof(int));
        for (int i = offsets.Length - 1; i >= 0; i--) b.AddOffset(offsets[i]);
        return b.EndVector();
    }
}
