using ModelBuild.Core.Graph;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript.Ops;

/// <summary>
/// <c>aten::dropout(Tensor input, float p, bool train) -&gt; Tensor</c> (and <c>dropout_(Tensor(a!) self, …)</c>, <c>feature_dropout</c>):
/// identity in eval mode (<c>train=False</c>, what a trace in eval records); training mode is MBLD2015.
/// </summary>
public static class Dropout
{
    public static object? Lower(LoweringContext ctx, BoundCall call)
    {
        if (call.Bool("train") && call.Double("p") > 0) throw call.Unsupported("dropout in training mode is random; convert a model in eval mode.");
        return call.Tensor(call.Has("input") ? "input" : "self");
    }
}
