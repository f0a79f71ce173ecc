namespace ModelBuild.Core.Importers.PyTorch.Modules.Ops;

/// <summary><c>torch.nn.Sequential(*modules)</c>: <c>forward(x)</c> applies each child in order; children may be Sequentials.</summary>
internal static class Sequential
{
    public static ModuleValue Convert(ModuleContext module, ModuleValue input)
    {
        var value = input;
        foreach (var (name, child) in module.Children()) value = module.Call(name, child, value);
        return value;
    }
}
