using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::einsum(str equation, Tensor[] tensors, *, int[]? path=None) -&gt; Tensor</c> → ONNX <c>Einsum</c> with the
/// same equation (the contraction path is only an optimization hint), operands promoted to one type. The result
/// shape is left to ONNX (unknown here) unless the equation names each output letter's size through an input.
/// </summary>
public static class Einsum
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var equation = call.OptionalString("equation") ?? throw call.Unsupported("the equation must be a string.");
        var tensors = call.Tensors("tensors");
        var type = LoweringContext.ResultType(tensors);
        var operands = tensors.Select(t => ctx.Cast(t, type)).ToList();
        return ctx.Emit("Einsum", operands.Select(ctx.In), type, Shape(equation, operands), NodeAttribute.Of("equation", equation));
    }

    /// <summary>The output's static shape for explicit equations without ellipses (<c>bij,bjk-&gt;bik</c>), else null.</summary>
    private static long[]? Shape(string equation, IReadOnlyList<TensorValue> operands)
    {
        var text = equation.Replace(" ", "", StringComparison.Ordinal);
        int arrow = text.IndexOf("->", StringComparison.Ordinal);
        if (arrow < 0 || text.Contains("...", StringComparison.Ordinal)) return null;
        var inputs = text[..arrow].Split(',');
        if (inputs.Length != operands.Count) return null;
        var sizes = new Dictionary<char, long>();
        for (int i = 0; i < inputs.Length; i++)
        {
            if (operands[i].Shape is not { } s || s.Length != inputs[i].Length) return null;
            for (int j = 0; j < s.Length; j++)
                if (!sizes.TryGetValue(inputs[i][j], out var known) || known < 0 || known == 1) sizes[inputs[i][j]] = s[j];
        }
        var output = text[(arrow + 2)..];
        return output.All(sizes.ContainsKey) ? output.Select(c => sizes[c]).ToArray() : null;
    }
}
