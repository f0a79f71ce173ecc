using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// What <see cref="Lstm"/>, <see cref="Gru"/> and <see cref="Rnn"/> share: PyTorch's multi-layer recurrent op
/// (<c>input, hx, params, has_biases, num_layers, dropout, train, bidirectional, batch_first</c>) as one ONNX
/// <c>LSTM</c>/<c>GRU</c>/<c>RNN</c> node per layer (opset 17, <c>layout=0</c>), stacked.
/// <list type="bullet">
/// <item>Weights: PyTorch's flat list holds, per layer and direction, <c>w_ih [G·H, in]</c>, <c>w_hh [G·H, H]</c> and,
/// with biases, <c>b_ih</c>, <c>b_hh</c> [G·H], gate blocks in PyTorch's order. ONNX wants per layer
/// <c>W [dirs, G·H, in]</c>, <c>R [dirs, G·H, H]</c>, <c>B [dirs, 2·G·H]</c> (input bias then recurrent bias, not
/// summed) with the gate blocks in its own order. A parameter's blocks are rows of its region, so the new
/// initializers are lazy concatenations of row ranges (<see cref="TensorData.Concat"/>): nothing is read at
/// conversion time and the weights stream from the source file as before.</item>
/// <item>Outputs: ONNX <c>Y</c> is [seq, dirs, batch, H]; PyTorch's output (and the next layer's input) is
/// [seq, batch, dirs·H], so one direction squeezes axis 1 and two transpose then reshape. <c>h_n</c> (and LSTM's
/// <c>c_n</c>) are [layers·dirs, batch, H], layer-major: each layer's <c>Y_h</c> concatenated on axis 0, and the
/// initial state a layer gets is its slice of <c>h0</c>.</item>
/// <item><c>batch_first</c>: transposes around the stack (ONNX's <c>layout=1</c> would also move the batch of the
/// states, which PyTorch keeps second, and fewer runtimes and writers know it).</item>
/// </list>
/// Dropout between layers only acts in training; a trace in training mode with dropout is MBLD2015, and so is an
/// LSTM with <c>proj_size</c> (ONNX's LSTM has no projection).
/// </summary>
public static class Recurrent
{
    /// <summary>One recurrent op: the ONNX type, its gate count, which PyTorch gate block each ONNX block takes, and extra attributes.</summary>
    public sealed record Cell(string OpType, int Gates, int[] OnnxFromTorch, bool HasCellState, Func<int, NodeAttribute[]> Attributes);

    public static object? Lower(LoweringContext ctx, BoundCall call, Cell cell)
    {
        if (call.Schema.Overload == "data")
            throw call.Unsupported("packed sequences (nn.utils.rnn.pack_padded_sequence) are not supported; pass a padded [seq, batch, features] tensor.");
        var x = call.Tensor("input");
        if (x.Rank != 3) throw call.Unsupported($"the input must be 3-D ([seq, batch, features] or batch first), not {x}.");
        var states = cell.HasCellState ? call.Tensors("hx") : [call.Tensor("hx")];
        if (states.Count != (cell.HasCellState ? 2 : 1)) throw call.Unsupported($"hx must hold {(cell.HasCellState ? 2 : 1)} tensors, not {states.Count}.");
        var parameters = call.Tensors("params");
        bool hasBiases = call.Bool("has_biases");
        long layers = call.Int("num_layers");
        bool bidirectional = call.Bool("bidirectional");
        bool batchFirst = call.Bool("batch_first");
        if (call.Bool("train") && call.Double("dropout") != 0 && layers > 1)
            throw call.Unsupported("dropout between layers in training mode is random; trace the model in eval mode (model.eval()).");
        if (layers < 1) throw call.Unsupported($"num_layers must be at least 1, not {layers}.");
        int dirs = bidirectional ? 2 : 1;
        int perDirection = hasBiases ? 4 : 2;
        if (cell.HasCellState && parameters.Count == layers * dirs * (perDirection + 1))
            throw call.Unsupported("an LSTM with proj_size (a weight_hr per layer) has no ONNX LSTM equivalent.");
        if (parameters.Count != layers * dirs * perDirection)
            throw call.Unsupported($"params holds {parameters.Count} tensors, but {layers} layer(s) × {dirs} direction(s) × {perDirection} (has_biases={hasBiases}) were expected.");
        if (parameters[1].Shape is not [var gateRows, var hidden] || hidden <= 0 || gateRows != cell.Gates * hidden)
            throw call.Unsupported($"weight_hh_l0 must be [{cell.Gates}·hidden, hidden], not {parameters[1]}.");

        foreach (var state in states)
            if (state.Shape is not [var n, _, var h] || (n >= 0 && n != layers * dirs) || (h >= 0 && h != hidden))
                throw call.Unsupported($"an initial state must be [{layers * dirs} (layers·directions), batch, {hidden}], not {state}.");

        var sequence = batchFirst ? Transpose(ctx, x, [1, 0, 2]) : x;
        var finalStates = new List<string>[states.Count];
        for (int s = 0; s < states.Count; s++) finalStates[s] = [];
        for (int layer = 0; layer < layers; layer++)
        {
            TensorValue P(int direction, int k) => parameters[(layer * dirs + direction) * perDirection + k];
            var directions = Enumerable.Range(0, dirs).ToArray();
            var w = Pack(ctx, call, directions.Select(d => P(d, 0)).ToArray(), cell, hidden, $"W_l{layer}");
            var r = Pack(ctx, call, directions.Select(d => P(d, 1)).ToArray(), cell, hidden, $"R_l{layer}");
            var b = hasBiases ? Pack(ctx, call, directions.SelectMany(d => new[] { P(d, 2), P(d, 3) }).ToArray(), cell, hidden, $"B_l{layer}", pairs: true) : null;
            var inputs = new List<string> { ctx.In(sequence), ctx.In(w), ctx.In(r), b is null ? "" : ctx.In(b), "" };
            foreach (var state in states) inputs.Add(ctx.In(LayerSlice(ctx, state, layer, dirs, hidden)));
            var attributes = new List<NodeAttribute>
            {
                NodeAttribute.Of("hidden_size", hidden),
                NodeAttribute.Of("direction", bidirectional ? "bidirectional" : "forward"),
            };
            attributes.AddRange(cell.Attributes(dirs));
            var outputs = ctx.EmitMany(cell.OpType, inputs, 1 + states.Count, [.. attributes]);
            for (int s = 0; s < states.Count; s++) finalStates[s].Add(outputs[1 + s]);
            long[]? yShape = sequence.Shape is [var seq, var batch, _] ? [seq, dirs, batch, hidden] : null;
            sequence = Merge(ctx, new TensorValue(outputs[0], x.DataType, yShape), dirs, hidden);
        }
        var output = batchFirst ? Transpose(ctx, sequence, [1, 0, 2]) : sequence;
        var results = new List<object?> { output };
        for (int s = 0; s < states.Count; s++)
        {
            long[]? shape = states[s].Shape is [_, var batch, _] ? [layers * dirs, batch, hidden] : null;
            results.Add(finalStates[s].Count == 1
                ? new TensorValue(finalStates[s][0], x.DataType, shape)
                : ctx.Emit("Concat", finalStates[s], x.DataType, shape, NodeAttribute.Of("axis", 0L)));
        }
        return new TupleValue([.. results]);
    }

    /// <summary>
    /// PyTorch parameters of one layer (one per direction, or input/recurrent bias pairs per direction with
    /// <paramref name="pairs"/>) as one ONNX initializer: gate blocks reordered, directions stacked on a new axis 0.
    /// </summary>
    private static TensorValue Pack(LoweringContext ctx, BoundCall call, TensorValue[] parameters, Cell cell, long hidden, string stem, bool pairs = false)
    {
        int dirs = pairs ? parameters.Length / 2 : parameters.Length;
        long columns = parameters[0].Rank == 2 ? parameters[0].Shape![1] : 1;
        foreach (var p in parameters)
        {
            bool fits = p.DataType == parameters[0].DataType && (pairs ? p.Shape is [var n] && n == cell.Gates * hidden : p.Shape is [var rows, var cols] && rows == cell.Gates * hidden && cols == columns);
            if (!fits) throw call.Unsupported($"parameter {p.Name ?? "(computed)"} is {p}, which does not fit {cell.Gates} gates of hidden size {hidden}.");
        }
        long[] shape = pairs ? [dirs, 2 * cell.Gates * hidden] : [dirs, cell.Gates * hidden, columns];
        long block = hidden * columns;
        var sources = parameters.Select(p => p.Name is { } name ? ctx.Graph.Initializers.FirstOrDefault(i => i.Name == name)?.Data : null).ToArray();
        if (sources.All(s => s is not null))
        {
            // Weights the module holds: a lazy initializer, the blocks as row ranges of the original regions.
            var parts = new List<TensorData>();
            foreach (var source in sources)
                foreach (int gate in cell.OnnxFromTorch)
                    parts.Add(source!.FlatSlice(gate * block, block, pairs ? [hidden] : [hidden, columns]));
            var prefix = parameters[0].Name!.Contains('.') ? parameters[0].Name![..parameters[0].Name!.LastIndexOf('.')] + "." : "";
            var name = prefix + cell.OpType.ToLowerInvariant() + "." + stem;
            if (ctx.Graph.Initializers.Any(i => i.Name == name)) name = ctx.Fresh(name);
            ctx.Graph.Initializers.Add(new Initializer(name, TensorData.Concat(parts, shape)));
            return new TensorValue(name, parameters[0].DataType, shape);
        }
        // Weights computed in the graph (or constants of the code): the same reordering as ONNX nodes.
        var slices = new List<string>();
        foreach (var p in parameters)
            foreach (int gate in cell.OnnxFromTorch)
                slices.Add(ctx.In(ctx.Emit("Slice", [ctx.In(p), ctx.In(ctx.Ints(gate * hidden)), ctx.In(ctx.Ints((gate + 1) * hidden)), ctx.In(ctx.Ints(0))],
                    p.DataType, pairs ? [hidden] : [hidden, columns])));
        var joined = ctx.Emit("Concat", slices, parameters[0].DataType, pairs ? [dirs * 2 * cell.Gates * hidden] : [dirs * cell.Gates * hidden, columns], NodeAttribute.Of("axis", 0L));
        return ctx.Emit("Reshape", [ctx.In(joined), ctx.In(ctx.Ints(shape))], parameters[0].DataType, shape);
    }

    /// <summary>The initial state of one layer: rows [layer·dirs, (layer+1)·dirs) of PyTorch's [layers·dirs, batch, H] state.</summary>
    private static TensorValue LayerSlice(LoweringContext ctx, TensorValue state, int layer, int dirs, long hidden)
    {
        if (state.Shape![0] == dirs && layer == 0) return state;
        long[] shape = [dirs, state.Shape[1], hidden];
        return ctx.Emit("Slice", [ctx.In(state), ctx.In(ctx.Ints(layer * dirs)), ctx.In(ctx.Ints((layer + 1) * dirs)), ctx.In(ctx.Ints(0))], state.DataType, shape);
    }

    /// <summary>ONNX <c>Y</c> [seq, dirs, batch, H] as PyTorch's [seq, batch, dirs·H].</summary>
    private static TensorValue Merge(LoweringContext ctx, TensorValue y, int dirs, long hidden)
    {
        long[]? shape = y.Shape is [var seq, _, var batch, _] ? [seq, batch, dirs * hidden] : null;
        if (dirs == 1) return ctx.Emit("Squeeze", [ctx.In(y), ctx.In(ctx.Ints(1))], y.DataType, shape);
        var t = Transpose(ctx, y, [0, 2, 1, 3]);
        // Reshape's 0 copies the (symbolic) sequence and batch dims.
        return ctx.Emit("Reshape", [ctx.In(t), ctx.In(ctx.Ints(0, 0, dirs * hidden))], y.DataType, shape);
    }

    private static TensorValue Transpose(LoweringContext ctx, TensorValue x, long[] perm) =>
        ctx.Emit("Transpose", [ctx.In(x)], x.DataType, x.Shape is { } s ? perm.Select(p => s[p]).ToArray() : null, NodeAttribute.Of("perm", perm));
}
