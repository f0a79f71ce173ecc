using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.Upsample(size=None, scale_factor=None, mode='nearest', align_corners=None,
/// recompute_scale_factor=None)</c>, and <c>UpsamplingNearest2d</c> / <c>UpsamplingBilinear2d</c> (the same state)
/// → ONNX Resize. <c>nearest</c>: asymmetric coordinates, floor; <c>linear/bilinear/trilinear</c>: linear with
/// <c>align_corners</c> or <c>pytorch_half_pixel</c> coordinates. A <c>size</c> becomes Resize's <c>sizes</c>
/// (batch and channels taken from Shape, so the batch stays symbolic); a <c>scale_factor</c> its <c>scales</c>,
/// which torch also uses for the coordinate mapping. Other modes (<c>bicubic</c>, <c>area</c>,
/// <c>nearest-exact</c>) are MBLD2051.
/// </summary>
internal static class Upsample
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        var mode = module.OneOf("mode", "nearest", "linear", "bilinear", "trilinear");
        int expectedRank = mode switch { "linear" => 3, "bilinear" => 4, "trilinear" => 5, _ => input.Rank };
        module.RequireRank(input, mode == "nearest" ? [3, 4, 5] : [expectedRank]);
        int spatial = input.Rank - 2;
        var alignCorners = module.Attribute("align_corners") switch
        {
            null => false,
            bool b => b,
            var other => throw module.Invalid("align_corners", $"expected True, False or None, found {PickleReader.Describe(other)}"),
        };
        if (mode == "nearest" && alignCorners) throw module.Invalid("align_corners", "True with mode 'nearest' (torch refuses it too)");
        var recompute = module.Attribute("recompute_scale_factor") is true;

        var attributes = new List<NodeAttribute>();
        if (mode == "nearest")
        {
            attributes.Add(NodeAttribute.Of("mode", "nearest"));
            attributes.Add(NodeAttribute.Of("coordinate_transformation_mode", "asymmetric"));
            attributes.Add(NodeAttribute.Of("nearest_mode", "floor"));
        }
        else
        {
            attributes.Add(NodeAttribute.Of("mode", "linear"));
            attributes.Add(NodeAttribute.Of("coordinate_transformation_mode", alignCorners ? "align_corners" : "pytorch_half_pixel"));
        }

        var type = input.ElementType;
        long[]? sizes = module.IsNone("size") ? null : module.Ints("size", spatial);
        double[]? scales = module.IsNone("scale_factor") ? null : Floats(module, "scale_factor", spatial);
        if ((sizes is null) == (scales is null)) throw module.Invalid("size", "exactly one of size and scale_factor must be set");
        if (scales is not null && recompute)
        {
            // torch computes the output size and then maps coordinates by it, as if size had been given.
            sizes = new long[spatial];
            for (int i = 0; i < spatial; i++)
            {
                var dim = input.Dims[2 + i];
                if (!dim.IsFixed) throw module.Unsupported("recompute_scale_factor", $"True needs the size of dim {2 + i} of {input}; declare it in --input");
                sizes[i] = (long)Math.Floor(dim.Value!.Value * scales[i]);
            }
            scales = null;
        }

        if (sizes is not null)
        {
            var leading = module.Op("Shape", [input.Name], DataType.Int64, TensorShape.Of(2), NodeAttribute.Of("start", 0L), NodeAttribute.Of("end", 2L));
            var full = module.Op("Concat", [leading.Name, module.Int64Constant("sizes", sizes)], DataType.Int64, TensorShape.Of(input.Rank), NodeAttribute.Of("axis", 0L));
            var shape = new TensorShape([input.Dims[0], input.Dims[1], .. sizes.Select(Dim.Fixed)]);
            return module.Op("Resize", [input.Name, "", "", full.Name], type, shape, [.. attributes]);
        }
        var scaleConstant = module.Constant("scales", DataType.Float32, [1, 1, .. scales!], input.Rank);
        var scaled = new TensorShape([input.Dims[0], input.Dims[1], .. input.Dims.Skip(2).Select((d, i) => ModuleContext.Map(d, l => (long)Math.Floor(l * scales![i])))]);
        return module.Op("Resize", [input.Name, "", scaleConstant], type, scaled, [.. attributes]);
    }

    private static double[] Floats(ModuleContext module, string name, int count)
    {
        var value = module.Attribute(name);
        if (value is double or long) return Enumerable.Repeat(module.Float(name), count).ToArray();
        IReadOnlyList<object?>? items = value switch { object?[] t => t, List<object?> l => l, _ => null };
        if (items is null || items.Count != count)
            throw module.Invalid(name, $"expected a number or a tuple of {count} numbers, found {PickleReader.Describe(value)}");
        return items.Select(v => v switch
        {
            double d => d,
            long l => (double)l,
            _ => throw module.Invalid(name, $"expected numbers, found {PickleReader.Describe(v)}"),
        }).ToArray();
    }
}
