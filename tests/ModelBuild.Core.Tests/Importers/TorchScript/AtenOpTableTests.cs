using ModelBuild.Core.Importers.TorchScript;

namespace ModelBuild.Core.Tests.Importers.TorchScript;

/// <summary>The op table's coverage contract: every key is a real PyTorch op, registered once, and tested.</summary>
public sealed class AtenOpTableTests
{
    [Fact]
    public void RegisterAll_WhenRun_RegistersOnlyOpsThePyTorchSchemaTableKnows()
    {
        var registry = new OpRegistry();
        AtenOpTable.RegisterAll(registry);

        var unknown = registry.Names.Where(n => SchemaRegistry.Default.Overloads(n).Count == 0).ToArray();
        Assert.True(unknown.Length == 0, "not PyTorch ops: " + string.Join(", ", unknown));
        Assert.Contains("aten::_convolution", registry.Names);
        Assert.Contains("prim::NumToTensor", registry.Names);
    }

    [Fact]
    public void Add_WhenKeyIsRegisteredTwice_Throws()
    {
        var registry = new OpRegistry();
        AtenOpTable.RegisterAll(registry);

        Assert.Throws<InvalidOperationException>(() => AtenOpTable.RegisterAll(registry));
    }

    [Fact]
    public void Find_WhenSeveralSinceVersions_TakesTheHighestAtOrBelowTheFileVersion()
    {
        var registry = new OpRegistry();
        OpLowering old = (_, _) => "old", current = (_, _) => "new";
        registry.Add("aten", "div", 0, old);
        registry.Add("aten", "div", 4, current);

        Assert.Same(old, registry.Find("aten", "div", 3));
        Assert.Same(current, registry.Find("aten", "div", 10));
        Assert.Null(registry.Find("aten", "erfinv", 10));
    }

    [Fact]
    public void Lowerings_WhenListed_EachHasItsOwnTestClass()
    {
        var lowerings = typeof(AtenOpTable).Assembly.GetTypes()
            .Where(t => t.Namespace == "ModelBuild.Core.Importers.TorchScript.Ops" && t.IsPublic && t.GetMethod("Lower") is not null)
            .Select(t => t.Name);
        var tests = typeof(AtenOpTableTests).Assembly.GetTypes()
            .Where(t => t.Namespace == "ModelBuild.Core.Tests.Importers.TorchScript.Ops")
            .Select(t => t.Name).ToHashSet();

        var untested = lowerings.Where(l => !tests.Contains(l + "Tests")).ToArray();
        Assert.True(untested.Length == 0, "lowerings without a test class: " + string.Join(", ", untested));
    }

    [Fact]
    public void OperatorList_InDocs_IsExactlyTheRegisteredOps()
    {
        var registry = new OpRegistry();
        AtenOpTable.RegisterAll(registry);
        var docs = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "docs", "pytorch.md"));
        var start = docs.IndexOf("<!-- operator-list", StringComparison.Ordinal);
        var end = docs.IndexOf("<!-- /operator-list -->", StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/pytorch.md has no operator-list block");

        var documented = new HashSet<string>(StringComparer.Ordinal);
        string? domain = null;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(docs[start..end], "`([^`]+)`"))
        {
            var token = m.Groups[1].Value;
            if (token.EndsWith("::", StringComparison.Ordinal)) domain = token[..^2];
            else if (domain is not null) documented.Add($"{domain}::{token}");
        }

        var undocumented = registry.Names.Except(documented).ToArray();
        var stale = documented.Except(registry.Names).ToArray();
        Assert.True(undocumented.Length == 0, "registered but not in docs/pytorch.md: " + string.Join(", ", undocumented));
        Assert.True(stale.Length == 0, "in docs/pytorch.md but not registered: " + string.Join(", ", stale));
    }
}
