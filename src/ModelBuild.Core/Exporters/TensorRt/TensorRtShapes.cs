using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TensorRt;

/// <summary>The min/opt/max shape of one dynamic input, as trtexec's <c>--minShapes</c> etc. take it (<c>x:1x3x16x16</c>).</summary>
public sealed record TensorRtShapes(string Input, IReadOnlyList<long> Min, IReadOnlyList<long> Opt, IReadOnlyList<long> Max)
{
    /// <summary>Profiles for every graph input with a symbolic dim; empty when all inputs are static (no flags needed).</summary>
    public static IReadOnlyList<TensorRtShapes> For(Model model, TensorRtProfile profile, string source)
    {
        var initializers = model.Graph.Initializers.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        var result = new List<TensorRtShapes>();
        foreach (var input in model.Graph.Inputs.Where(i => !initializers.Contains(i.Name)))
        {
            if (input.Shape is null || input.Shape.IsStatic) continue;
            var min = new long[input.Shape.Rank];
            var opt = new long[input.Shape.Rank];
            var max = new long[input.Shape.Rank];
            for (int axis = 0; axis < input.Shape.Rank; axis++)
            {
                var dim = input.Shape.Dims[axis];
                if (dim.Value is { } fixedSize)
                {
                    min[axis] = opt[axis] = max[axis] = fixedSize;
                    continue;
                }
                if (dim.Symbol is null) throw TensorRtThrowHelper.UnknownInputDim(source, input.Name, axis);
                (min[axis], opt[axis], max[axis]) = profile.For(dim.Symbol);
            }
            result.Add(new TensorRtShapes(input.Name, min, opt, max));
        }
        return result;
    }

    public static string Spec(string input, IReadOnlyList<long> dims) =>
        input + ":" + string.Join("x", dims.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
