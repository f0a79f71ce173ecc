using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.MultiheadAttention(embed_dim, num_heads, dropout=0.0, bias=True, add_bias_kv=False,
/// add_zero_attn=False, kdim=None, vdim=None, batch_first=False)</c> as self-attention, <c>forward(x, x, x)[0]</c> with
/// no mask: how <see cref="TransformerEncoderLayer"/> calls it (the only way a one-input module graph can). The packed
/// in-projection (<c>in_proj_weight</c> [3E, E]) in one MatMul, q/k/v sliced from it, heads by Reshape [0, 0, H, E/H],
/// softmax(q·kᵀ/√(E/H))·v, heads merged, then <c>out_proj</c>. A sequence-first input is transposed to batch-first and
/// back. Separate k/v dims, bias_k/bias_v and add_zero_attn are MBLD2004.
/// </summary>
internal static class MultiheadAttention
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        module.RequireRank(input, 3);
        long embed = module.Int("embed_dim"), heads = module.Int("num_heads");
        if (heads <= 0 || embed % heads != 0) throw module.Invalid("num_heads", $"{heads} does not divide embed_dim {embed}");
        if (!module.Bool("_qkv_same_embed_dim")) throw module.Unsupported("kdim", "separate key/value dims (q_proj_weight, k_proj_weight, v_proj_weight) are not converted");
        if (!module.IsNone("bias_k") || !module.IsNone("bias_v")) throw module.Unsupported("bias_k", "add_bias_kv=True is not converted");
        if (module.Bool("add_zero_attn")) throw module.Unsupported("add_zero_attn", "add_zero_attn=True is not converted");
        module.RequireDim(input, 2, embed, "embed_dim");
        bool batchFirst = module.Bool("batch_first");
        long headDim = embed / heads;
        var type = input.ElementType;

        var x = batchFirst ? input : Swap(module, input);   // [B, L, E]
        Dim batch = x.Dims[0], length = x.Dims[1];
        var weight = module.RequiredParameter("in_proj_weight", type, 3 * embed, embed);
        var bias = module.Parameter("in_proj_bias", type, 3 * embed);
        var transposed = module.Op("Transpose", [weight], type, TensorShape.Of(embed, 3 * embed), NodeAttribute.Of("perm", new long[] { 1, 0 }));
        var packedShape = new TensorShape([batch, length, Dim.Fixed(3 * embed)]);
        var packed = module.Op("MatMul", [x.Name, transposed.Name], type, packedShape);
        if (bias is not null) packed = module.Op("Add", [packed.Name, bias], type, packedShape);

        var axes = module.Int64Constant("axes", [2]);
        ModuleValue Heads(int part, long[] perm)
        {
            var start = module.Int64Constant($"start_{part}", [part * embed]);
            var end = module.Int64Constant($"end_{part}", [(part + 1) * embed]);
            var slice = module.Op("Slice", [packed.Name, start, end, axes], type, new TensorShape([batch, length, Dim.Fixed(embed)]));
            Dim[] split = [batch, length, Dim.Fixed(heads), Dim.Fixed(headDim)];
            var reshaped = module.Op("Reshape", [slice.Name, module.Int64Constant($"heads_{part}", [0, 0, heads, headDim])], type, new TensorShape(split));
            return module.Op("Transpose", [reshaped.Name], type, new TensorShape(perm.Select(p => split[p])), NodeAttribute.Of("perm", perm));
        }
        var q = Heads(0, [0, 2, 1, 3]);   // [B, H, L, d]
        var k = Heads(1, [0, 2, 3, 1]);   // [B, H, d, L]
        var v = Heads(2, [0, 2, 1, 3]);   // [B, H, L, d]
        var scoresShape = new TensorShape([batch, Dim.Fixed(heads), length, length]);
        var scores = module.Op("MatMul", [q.Name, k.Name], type, scoresShape);
        var scaled = module.Op("Mul", [scores.Name, module.Scalar("scale", type, 1.0 / Math.Sqrt(headDim))], type, scoresShape);
        var probabilities = module.Op("Softmax", [scaled.Name], type, scoresShape, NodeAttribute.Of("axis", -1L));
        var context = module.Op("MatMul", [probabilities.Name, v.Name], type, new TensorShape([batch, Dim.Fixed(heads), length, Dim.Fixed(headDim)]));
        var merged = module.Op("Transpose", [context.Name], type, new TensorShape([batch, length, Dim.Fixed(heads), Dim.Fixed(headDim)]), NodeAttribute.Of("perm", new long[] { 0, 2, 1, 3 }));
        var joined = module.Op("Reshape", [merged.Name, module.Int64Constant("merge", [0, 0, embed])], type, new TensorShape([batch, length, Dim.Fixed(embed)]));
        var (outName, outProj) = module.Children().FirstOrDefault(c => c.Name == "out_proj");
        if (outProj is null) throw module.Invalid("_modules.out_proj", "the output projection is missing");
        var output = module.Call(outName, outProj, joined);
        return batchFirst ? output : Swap(module, output);
    }

    /// <summary>[A, B, E] ↔ [B, A, E]: sequence-first to batch-first and back.</summary>
    private static ModuleValue Swap(ModuleContext module, ModuleValue x) =>
        module.Op("Transpose", [x.Name], x.ElementType, new TensorShape([x.Dims[1], x.Dims[0], x.Dims[2]]), NodeAttribute.Of("perm", new long[] { 1, 0, 2 }));
}
