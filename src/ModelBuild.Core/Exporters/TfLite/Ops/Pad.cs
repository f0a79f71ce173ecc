using System.Runtime.InteropServices;
using ModelBuild.Core.Graph;

namespace ModelBuild.Core.Exporters.TfLite.Ops;

/// <summary>
/// ONNX <c>Pad</c> in constant mode (pads and value as attributes before opset 11, as constant inputs from 11;
/// opset 18's axes input) → PAD (zeros) or PADV2 (another value), with the [rank, 2] paddings permuted to the
/// input's layout: Swin pads its NHWC-ordered activations to whole windows. Negative pads (cropping) and the
/// reflect/edge modes are not lowered (MBLD2202).
/// </summary>
internal static class Pad
{
    public static void Lower(TfLiteLowering l, Node node)
    {
        var mode = TfLiteLowering.String(node, "mode", "constant");
        if (mode != "constant") throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"mode '{mode}'");
        var value = l.Value(node, node.Inputs[0]);
        int rank = value.Rank;
        bool Has(int i) => node.Inputs.Count > i && node.Inputs[i].Length > 0;
        long[] pads;
        float fill;
        if (l.Opset < 11)
        {
            pads = TfLiteLowering.Ints(node, "pads", []);
            fill = TfLiteLowering.Float(node, "value", 0f);
        }
        else
        {
            var given = l.ConstantInts(node, node.Inputs[1]);
            fill = Has(2) ? l.ConstantFloats(node, node.Inputs[2])[0] : 0f;
            var axes = Has(3) ? l.ConstantInts(node, node.Inputs[3]).Select(a => TfLiteLowering.NormalizeAxis(a, rank)).ToArray() : Enumerable.Range(0, rank).ToArray();
            pads = new long[2 * rank];
            for (int i = 0; i < axes.Length; i++)
            {
                pads[axes[i]] = given[i];
                pads[rank + axes[i]] = given[axes.Length + i];
            }
        }
        if (pads.Length != 2 * rank) throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, $"{pads.Length} pads for rank {rank}");
        if (pads.Any(p => p < 0)) throw TfLiteThrowHelper.UnsupportedAttribute(l.File, node, "negative pads (cropping)");

        var shape = value.Shape.Select((d, i) => d + pads[i] + pads[rank + i]).ToArray();
        var paddings = new int[2 * rank];
        for (int i = 0; i < rank; i++)
        {
            int d = value.Layout[i];
            paddings[2 * i] = checked((int)pads[d]);
            paddings[2 * i + 1] = checked((int)pads[rank + d]);
        }
        var name = node.Outputs[0];
        int padTensor = l.Builder.AddConstant(l.UniqueName(name + "/paddings"), TfLiteTensorType.Int32, [rank, 2], MemoryMarshal.AsBytes(paddings.AsSpan()).ToArray());
        int output = l.Define(name, shape, value.Layout);
        if (fill == 0f && !float.IsNegative(fill))
        {
            l.Builder.AddOperator(TfLiteBuiltinOperator.PAD, [value.Tensor, padTensor], [output], TfLiteOperatorOptions.Empty(TfLiteBuiltinOptions.PadOptions));
            return;
        }
        int constant = l.Builder.AddConstant(l.UniqueName(name + "/pad_value"), TfLiteTensorType.Float32, [], BitConverter.GetBytes(fill));
        l.Builder.AddOperator(TfLiteBuiltinOperator.PADV2, [value.Tensor, padTensor, constant], [output], TfLiteOperatorOptions.Empty(TfLiteBuiltinOptions.PadV2Options));
    }
}
