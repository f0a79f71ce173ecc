using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::movedim.int(Tensor(a) self, int source, int destination)</c> and <c>movedim.intlist</c> → ONNX
/// <c>Transpose</c>: the moved dims land at their destinations, the others keep their order in the remaining places.
/// </summary>
public static class Movedim
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        var x = call.Tensor("self");
        if (x.Shape is not { } s) throw call.Unsupported("the input rank must be known.");
        var source = call.Ints("source").Select(d => (long)LoweringContext.Axis(d, s.Length)).ToArray();
        var destination = call.Ints("destination").Select(d => (long)LoweringContext.Axis(d, s.Length)).ToArray();
        if (source.Length != destination.Length || source.Distinct().Count() != source.Length || destination.Distinct().Count() != destination.Length
            || source.Concat(destination).Any(d => d < 0 || d >= s.Length))
            throw call.Unsupported("source and destination must be distinct in-range dims of equal count.");
        var perm = new long[s.Length];
        Array.Fill(perm, -1);
        for (int i = 0; i < source.Length; i++) perm[destination[i]] = source[i];
        var rest = Enumerable.Range(0, s.Length).Select(i => (long)i).Where(d => !source.Contains(d)).GetEnumerator();
        for (int i = 0; i < perm.Length; i++)
            if (perm[i] < 0 && rest.MoveNext()) perm[i] = rest.Current;
        return ctx.Emit("Transpose", [ctx.In(x)], x.DataType, perm.Select(p => s[p]).ToArray(), NodeAttribute.Of("perm", perm));
    }
}
