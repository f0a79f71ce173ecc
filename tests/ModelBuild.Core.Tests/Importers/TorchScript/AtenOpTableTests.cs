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
}
