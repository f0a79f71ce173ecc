using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward=2048, dropout=0.1, activation=relu,
/// layer_norm_eps=1e-5, batch_first=False, norm_first=False)</c>, <c>forward(src)</c> without masks in eval:
/// <c>x = norm1(x + self_attn(x)); x = norm2(x + linear2(activation(linear1(x))))</c>, or with norm_first
/// <c>x = x + self_attn(norm1(x)); x = x + linear2(activation(linear1(norm2(x))))</c>; dropouts are the identity.
/// The children convert through the table (<see cref="MultiheadAttention"/>, Linear, LayerNorm). The activation is
/// <c>F.relu</c> or <c>F.gelu</c> (stored as a function reference) or a ReLU / GELU child module; PyTorch's own flag
/// <c>activation_relu_or_gelu</c> must agree.
/// </summary>
internal static class TransformerEncoderLayer
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        module.RequireRank(input, 3);
        var children = module.Children().ToDictionary(c => c.Name, c => c.Module, StringComparer.Ordinal);
        ModuleValue Call(string name, ModuleValue x) =>
            children.TryGetValue(name, out var child) ? module.Call(name, child, x) : throw module.Invalid($"_modules.{name}", "the child module is missing");
        var activation = Activation(module, children);
        ModuleValue FeedForward(ModuleValue x) => Call("linear2", activation(Call("linear1", x)));
        ModuleValue Add(ModuleValue a, ModuleValue b) => module.Op("Add", [a.Name, b.Name], a.ElementType, a.Shape);

        if (module.Bool("norm_first"))
        {
            var attended = Add(input, Call("self_attn", Call("norm1", input)));
            return Add(attended, FeedForward(Call("norm2", attended)));
        }
        var first = Call("norm1", Add(input, Call("self_attn", input)));
        return Call("norm2", Add(first, FeedForward(first)));
    }

    private static Func<ModuleValue, ModuleValue> Activation(ModuleContext module, IReadOnlyDictionary<string, PickleObject> children)
    {
        long flag = module.Int("activation_relu_or_gelu");
        if (children.TryGetValue("activation", out var child))
        {
            // A module activation: converted through the table, but only ReLU and exact GELU, since PyTorch's fused
            // kernel (no_grad) computes flag 2 as exact GELU whatever the module's approximate says.
            var name = child.Type.QualifiedName;
            bool supported = (flag == 1 && name == "torch.nn.modules.activation.ReLU")
                || (flag == 2 && name == "torch.nn.modules.activation.GELU" && child.State is PickleDict state && state.TryGetValue("approximate", out var a) && a is "none");
            if (!supported) throw module.Unsupported("activation", $"the activation module {name} is not converted here (ReLU and GELU(approximate='none') are)");
            return x => module.Call("activation", child, x);
        }
        var function = module.Attribute("activation") as PickleGlobal;
        return (function?.QualifiedName, flag) switch
        {
            ("torch.nn.functional.relu", 1) => x => module.Same("Relu", x),
            ("torch.nn.functional.gelu" or "torch._C._nn.gelu", 2) => x => ExactGelu(module, x),
            _ => throw module.Unsupported("activation", $"{PickleReader.Describe(module.Attribute("activation"))} is not converted (F.relu and F.gelu are)"),
        };
    }

    /// <summary>x·½(1 + erf(x/√2)), as F.gelu computes by default.</summary>
    private static ModuleValue ExactGelu(ModuleContext module, ModuleValue x)
    {
        var type = x.ElementType;
        var scaled = module.Op("Div", [x.Name, module.Scalar("sqrt2", type, Math.Sqrt(2))], type, x.Shape);
        var erf = module.Op("Erf", [scaled.Name], type, x.Shape);
        var onePlus = module.Op("Add", [erf.Name, module.Scalar("one", type, 1)], type, x.Shape);
        var half = module.Op("Mul", [x.Name, module.Scalar("half", type, 0.5)], type, x.Shape);
        return module.Op("Mul", [half.Name, onePlus.Name], type, x.Shape);
    }
}
