namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary>
/// <c>torch.nn.Identity()</c> and, in eval mode, <c>Dropout(p)</c>, <c>Dropout1d/2d/3d</c>, <c>AlphaDropout</c>,
/// <c>FeatureAlphaDropout</c>: <c>forward(x)</c> returns x. No node is added. The conversion is for inference,
/// as torch.onnx exports in eval mode, whatever <c>training</c> the module was saved with.
/// </summary>
internal static class Identity
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input) => input;
}
