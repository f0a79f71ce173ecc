using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// The parameter-free and scalar-parameter activations of <c>torch.nn.modules.activation</c> beyond the original
/// set, each one ONNX op or a short fixed chain (opset 17: Mish is spelled out, as ONNX's arrives in opset 18):
/// SELU, CELU(alpha), Softplus(beta, threshold), Mish, Hardtanh(min_val, max_val), LogSigmoid, Softsign,
/// Tanhshrink, Hardshrink(lambd), Softshrink(lambd), Threshold(threshold, value).
/// </summary>
internal static class Activations
{
    public static ModuleValue Selu(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("Selu", input);
    }

    public static ModuleValue Celu(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("Celu", input, NodeAttribute.Of("alpha", (float)module.Float("alpha")));
    }

    /// <summary>softplus(βx)/β, and x itself where βx &gt; threshold, as torch switches to the linear part.</summary>
    public static ModuleValue Softplus(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        double beta = module.Float("beta"), threshold = module.Float("threshold");
        var type = input.ElementType;
        var scaled = beta == 1 ? input : module.Op("Mul", [input.Name, module.Scalar("beta", type, beta)], type, input.Shape);
        var soft = module.Same("Softplus", scaled);
        if (beta != 1) soft = module.Op("Div", [soft.Name, module.Scalar("beta", type, beta)], type, input.Shape);
        var linear = module.Op("Greater", [scaled.Name, module.Scalar("threshold", type, threshold)], Tensors.DataType.Bool, input.Shape);
        return module.Op("Where", [linear.Name, input.Name, soft.Name], type, input.Shape);
    }

    public static ModuleValue Mish(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        var tanh = module.Same("Tanh", module.Same("Softplus", input));
        return module.Op("Mul", [input.Name, tanh.Name], input.ElementType, input.Shape);
    }

    public static ModuleValue Hardtanh(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        var type = input.ElementType;
        return module.Op("Clip", [input.Name, module.Scalar("min", type, module.Float("min_val")), module.Scalar("max", type, module.Float("max_val"))], type, input.Shape);
    }

    /// <summary>−softplus(−x), finite where log(sigmoid(x)) would underflow.</summary>
    public static ModuleValue LogSigmoid(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("Neg", module.Same("Softplus", module.Same("Neg", input)));
    }

    public static ModuleValue Softsign(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("Softsign", input);
    }

    /// <summary>x − tanh(x).</summary>
    public static ModuleValue Tanhshrink(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Op("Sub", [input.Name, module.Same("Tanh", input).Name], input.ElementType, input.Shape);
    }

    public static ModuleValue Hardshrink(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        return module.Same("Shrink", input, NodeAttribute.Of("lambd", (float)module.Float("lambd")), NodeAttribute.Of("bias", 0f));
    }

    public static ModuleValue Softshrink(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        float lambd = (float)module.Float("lambd");
        return module.Same("Shrink", input, NodeAttribute.Of("lambd", lambd), NodeAttribute.Of("bias", lambd));
    }

    public static ModuleValue Threshold(ModuleContext module, ModuleValue input)
    {
        module.RequireFloat(input);
        var type = input.ElementType;
        var above = module.Op("Greater", [input.Name, module.Scalar("threshold", type, module.Float("threshold"))], Tensors.DataType.Bool, input.Shape);
        return module.Op("Where", [above.Name, input.Name, module.Scalar("value", type, module.Float("value"))], type, input.Shape);
    }
}
