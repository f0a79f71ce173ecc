namespace ModelBuild.Core.Importers.PyTorch.Modules;

/// <summary>
/// Lowers one <c>torch.nn</c> module's <c>forward(input)</c> in eval mode: reads the module's hyperparameters and
/// weights through <paramref name="module"/>, adds ONNX nodes, and returns the value <c>forward</c> returns.
/// </summary>
public delegate ModuleValue ModuleConverter(ModuleContext module, ModuleValue input);
