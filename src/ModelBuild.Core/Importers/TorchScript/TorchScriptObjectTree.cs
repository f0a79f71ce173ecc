using ModelBuild.Core.Importers.TorchScript.Syntax;
using ModelBuild.Core.Tensors;

namespace ModelBuild.Core.Importers.TorchScript;

/// <summary>
/// Builds a <see cref="TorchScriptObject"/> tree without <c>data.pkl</c>: from the class declarations and a
/// <c>state_dict</c> (tensors keyed <c>fc1.weight</c>, <c>layers.0.bias</c>). Submodule attributes (declared with a
/// <c>__torch__</c> class type) become child objects; tensor attributes take the state_dict entry of their dotted
/// path; <c>bool</c> attributes (<c>training</c>) are false, in eval mode. This is how a fine-tuned checkpoint
/// runs through the traced graph of the same architecture, and how tests feed parameters saved beside a fixture.
/// </summary>
public static class TorchScriptObjectTree
{
    public static TorchScriptObject FromStateDict(TorchScriptProgram program, string rootType, IEnumerable<NamedTensor> stateDict)
    {
        var tensors = stateDict.ToDictionary(t => t.Name, t => t.Data, StringComparer.Ordinal);
        return Build(program, rootType, "", tensors, depth: 0);
    }

    private static TorchScriptObject Build(TorchScriptProgram program, string type, string prefix, Dictionary<string, TensorData> tensors, int depth)
    {
        if (depth > TorchScriptLayout.MaxCallDepth) throw new InvalidOperationException($"module tree deeper than {TorchScriptLayout.MaxCallDepth} at {prefix}.");
        var obj = new TorchScriptObject(type);
        var cls = program.Class(type, new SourceLocation("code/", 0));
        foreach (var decl in cls.Attributes)
        {
            if (decl.IsFinal) continue;
            var path = prefix + decl.Name;
            var typeName = TypeText(decl.Type);
            if (tensors.TryGetValue(path, out var data)) obj.Attributes[decl.Name] = data;
            else if (typeName.StartsWith("__torch__.", StringComparison.Ordinal) && program.Classes.ContainsKey(typeName))
                obj.Attributes[decl.Name] = Build(program, typeName, path + ".", tensors, depth + 1);
            else if (typeName == "bool") obj.Attributes[decl.Name] = false;
            else if (typeName is "Optional[bool]" or "NoneType") obj.Attributes[decl.Name] = null;
            // Tensors absent from the state_dict stay absent: using one is MBLD2011 naming it.
        }
        return obj;
    }

    /// <summary>A type annotation as text: <c>__torch__.a.B</c>, <c>Optional[bool]</c>.</summary>
    public static string TypeText(Expr type) => type switch
    {
        NameExpr n => n.Name,
        AttributeExpr a => TypeText(a.Target) + "." + a.Name,
        SubscriptExpr s => TypeText(s.Target) + "[" + TypeText(s.Index) + "]",
        TupleExpr t => string.Join(", ", t.Items.Select(TypeText)),
        ConstantExpr { Value: null } => "None",
        ConstantExpr c => c.Value?.ToString() ?? "None",
        _ => type.ToString(),
    };
}
