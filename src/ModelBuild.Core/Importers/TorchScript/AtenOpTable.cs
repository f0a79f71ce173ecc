using ModelBuild.Core.Importers.TorchScript.Ops;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// The TorchScript op table: every lowering, registered once, keyed (domain, op, since-version). In-place
/// variants (<c>relu_</c>, <c>add_</c>) share their functional op's lowering: the converter treats them as
/// functional, which is what a trace's aliasing allows (the input has no later reader).
/// </summary>
public static class AtenOpTable
{
    public static void RegisterAll(OpRegistry registry)
    {
        registry.Add("aten", ["_convolution", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d"], Convolution.Lower);
        registry.Add("aten", ["linear"], Linear.Lower);
        registry.Add("aten", ["addmm"], Addmm.Lower);
        registry.Add("aten", ["matmul", "bmm", "mm"], Matmul.Lower);
        registry.Add("aten", ["relu", "relu_"], Relu.Lower);
        registry.Add("aten", ["add", "add_"], Add.Lower);
        registry.Add("aten", ["sub", "sub_"], Sub.Lower);
        registry.Add("aten", ["mul", "mul_"], Mul.Lower);
        registry.Add("aten", ["div", "div_"], Div.Lower);
        registry.Add("aten", ["neg"], Neg.Lower);
        registry.Add("aten", ["batch_norm"], BatchNorm.Lower);
        registry.Add("aten", ["max_pool2d"], MaxPool2d.Lower);
        registry.Add("aten", ["avg_pool2d"], AvgPool2d.Lower);
        registry.Add("aten", ["adaptive_avg_pool2d"], AdaptiveAvgPool2d.Lower);
        registry.Add("aten", ["flatten"], Flatten.Lower);
        registry.Add("aten", ["view", "reshape"], View.Lower);
        registry.Add("aten", ["size"], Size.Lower);
        registry.Add("aten", ["dim"], Dim.Lower);
        registry.Add("aten", ["t"], T.Lower);
        registry.Add("aten", ["transpose"], Transpose.Lower);
        registry.Add("aten", ["permute"], Permute.Lower);
        registry.Add("aten", ["cat"], Cat.Lower);
        registry.Add("aten", ["dropout", "dropout_", "feature_dropout"], Dropout.Lower);
        registry.Add("aten", ["sigmoid", "sigmoid_"], Sigmoid.Lower);
        registry.Add("aten", ["tanh", "tanh_"], Tanh.Lower);
        registry.Add("aten", ["softmax"], Softmax.Lower);
        registry.Add("aten", ["gelu"], Gelu.Lower);
        registry.Add("aten", ["hardtanh", "hardtanh_"], Hardtanh.Lower);
        registry.Add("aten", ["layer_norm"], LayerNorm.Lower);
        registry.Add("aten", ["mean"], Mean.Lower);
        registry.Add("aten", ["contiguous", "detach"], Contiguous.Lower);
        registry.Add("aten", ["hardswish", "hardswish_"], Hardswish.Lower);
        registry.Add("aten", ["hardsigmoid", "hardsigmoid_"], Hardsigmoid.Lower);
        registry.Add("aten", ["silu", "silu_"], Silu.Lower);
        registry.Add("aten", ["floor_divide", "floor_divide_"], FloorDivide.Lower);
        registry.Add("aten", ["chunk"], Chunk.Lower);
        registry.Add("aten", ["expand"], Expand.Lower);
        registry.Add("aten", ["slice"], Slice.Lower);
        registry.Add("aten", ["select"], Select.Lower);
        registry.Add("aten", ["_native_multi_head_attention"], NativeMultiHeadAttention.Lower);
        registry.Add("aten", ["unsqueeze"], Unsqueeze.Lower);
        registry.Add("aten", ["rsub"], Rsub.Lower);
        registry.Add("aten", ["remainder", "remainder_"], Remainder.Lower);
        registry.Add("aten", ["pow", "pow_"], Pow.Lower);
        registry.Add("aten", ["eq"], Eq.Lower);
        registry.Add("aten", ["ne"], Ne.Lower);
        registry.Add("aten", ["masked_fill", "masked_fill_"], MaskedFill.Lower);
        registry.Add("aten", ["roll"], Roll.Lower);
        registry.Add("aten", ["pad", "constant_pad_nd"], Pad.Lower);
        registry.Add("aten", ["index"], IndexTensor.Lower);
        registry.Add("aten", ["new_zeros"], NewZeros.Lower);
        registry.Add("aten", ["fill_"], Fill.Lower);
        registry.Add("aten", ["gt"], Gt.Lower);
        registry.Add("aten", ["lt"], Lt.Lower);
        registry.Add("aten", ["ge"], Ge.Lower);
        registry.Add("aten", ["le"], Le.Lower);
        registry.Add("aten", ["exp", "exp_"], Exp.Lower);
        registry.Add("aten", ["log", "log_"], Log.Lower);
        registry.Add("aten", ["sqrt", "sqrt_"], Sqrt.Lower);
        registry.Add("aten", ["leaky_relu", "leaky_relu_"], LeakyRelu.Lower);
        registry.Add("aten", ["clamp", "clamp_"], Clamp.Lower);
        registry.Add("aten", ["embedding"], Embedding.Lower);
        registry.Add("aten", ["group_norm"], GroupNorm.Lower);
        registry.Add("aten", ["upsample_nearest2d"], UpsampleNearest2d.Lower);
        registry.Add("aten", ["upsample_bilinear2d"], UpsampleBilinear2d.Lower);
        // Operator coverage (issue 4, point 3): casts, where, reductions, splitting, indexing, norms, activations, logic.
        registry.Add("aten", ["where"], Where.Lower);
        registry.Add("aten", ["to"], To.Lower);
        registry.Add("aten", ["type_as"], TypeAs.Lower);
        registry.Add("aten", CastTo.Names, CastTo.Lower);
        registry.Add("aten", ["sum"], Sum.Lower);
        registry.Add("aten", ["prod"], Prod.Lower);
        registry.Add("aten", ["amax"], Amax.Lower);
        registry.Add("aten", ["amin"], Amin.Lower);
        registry.Add("aten", ["max"], Max.Lower);
        registry.Add("aten", ["min"], Min.Lower);
        registry.Add("aten", ["maximum"], Maximum.Lower);
        registry.Add("aten", ["minimum"], Minimum.Lower);
        registry.Add("aten", ["argmax"], Argmax.Lower);
        registry.Add("aten", ["argmin"], Argmin.Lower);
        registry.Add("aten", ["var"], Var.Lower);
        registry.Add("aten", ["std"], Std.Lower);
        registry.Add("aten", ["norm"], Norm.Lower);
        registry.Add("aten", ["frobenius_norm"], FrobeniusNorm.Lower);
        registry.Add("aten", ["linalg_vector_norm"], LinalgVectorNorm.Lower);
        registry.Add("aten", ["logsumexp"], Logsumexp.Lower);
        registry.Add("aten", ["cumsum", "cumsum_"], Cumsum.Lower);
        registry.Add("aten", ["any"], Any.Lower);
        registry.Add("aten", ["all"], All.Lower);
        registry.Add("aten", ["split"], Split.Lower);
        registry.Add("aten", ["split_with_sizes"], SplitWithSizes.Lower);
        registry.Add("aten", ["unbind"], Unbind.Lower);
        registry.Add("aten", ["narrow"], Narrow.Lower);
        registry.Add("aten", ["stack"], Stack.Lower);
        registry.Add("aten", ["index_select"], IndexSelect.Lower);
        registry.Add("aten", ["gather"], Gather.Lower);
        registry.Add("aten", ["clone"], Clone.Lower);
        registry.Add("aten", ["copy_"], Copy.Lower);
        registry.Add("aten", ["instance_norm"], InstanceNorm.Lower);
        registry.Add("aten", ["clamp_min", "clamp_min_"], ClampMin.Lower);
        registry.Add("aten", ["clamp_max", "clamp_max_"], ClampMax.Lower);
        registry.Add("aten", ["expand_as"], ExpandAs.Lower);
        registry.Add("aten", ["elu", "elu_"], Elu.Lower);
        registry.Add("aten", ["selu", "selu_"], Selu.Lower);
        registry.Add("aten", ["celu", "celu_"], Celu.Lower);
        registry.Add("aten", ["softplus"], Softplus.Lower);
        registry.Add("aten", ["mish", "mish_"], Mish.Lower);
        registry.Add("aten", ["relu6", "relu6_"], Relu6.Lower);
        registry.Add("aten", ["prelu"], Prelu.Lower);
        registry.Add("aten", ["log_softmax"], LogSoftmax.Lower);
        registry.Add("aten", ["log_sigmoid"], LogSigmoid.Lower);
        registry.Add("aten", ["hardshrink"], Hardshrink.Lower);
        registry.Add("aten", ["softshrink"], Softshrink.Lower);
        registry.Add("aten", ["threshold", "threshold_"], Threshold.Lower);
        registry.Add("aten", ["glu"], Glu.Lower);
        registry.Add("aten", ["erf", "erf_"], Erf.Lower);
        registry.Add("aten", ["abs", "abs_"], Abs.Lower);
        registry.Add("aten", ["sign", "sign_"], Sign.Lower);
        registry.Add("aten", ["reciprocal", "reciprocal_"], Reciprocal.Lower);
        registry.Add("aten", ["floor", "floor_"], Floor.Lower);
        registry.Add("aten", ["ceil", "ceil_"], Ceil.Lower);
        registry.Add("aten", ["round", "round_"], Round.Lower);
        registry.Add("aten", ["sin", "sin_"], Sin.Lower);
        registry.Add("aten", ["cos", "cos_"], Cos.Lower);
        registry.Add("aten", ["isnan"], IsNan.Lower);
        registry.Add("aten", ["logical_and", "logical_and_"], LogicalAnd.Lower);
        registry.Add("aten", ["logical_or", "logical_or_"], LogicalOr.Lower);
        registry.Add("aten", ["logical_xor", "logical_xor_"], LogicalXor.Lower);
        registry.Add("aten", ["logical_not", "logical_not_"], LogicalNot.Lower);
        registry.Add("aten", ["bitwise_and", "bitwise_and_", "__and__", "__iand__"], BitwiseAnd.Lower);
        registry.Add("aten", ["bitwise_or", "bitwise_or_", "__or__", "__ior__"], BitwiseOr.Lower);
        registry.Add("aten", ["bitwise_xor", "bitwise_xor_", "__xor__", "__ixor__"], BitwiseXor.Lower);
        registry.Add("aten", ["bitwise_not", "bitwise_not_"], BitwiseNot.Lower);
        registry.Add("prim", ["NumToTensor"], NumToTensor.Lower);
    }
}
