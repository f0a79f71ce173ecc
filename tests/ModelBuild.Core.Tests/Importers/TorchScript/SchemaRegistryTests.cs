using ModelBuild.Core.Importers.TorchScript;

namespace ModelBuild.Core.Tests.Importers.TorchScript;

public sealed class SchemaRegistryTests
{
    [Fact]
    public void Default_WhenLoadedFromTheEmbeddedTable_ParsesEveryAtenAndPrimSchema()
    {
        var registry = SchemaRegistry.Default;

        Assert.Equal(3742, registry.Count);
        Assert.NotNull(registry.Find("aten::_convolution"));
        Assert.NotNull(registry.Find("prim::NumToTensor.Scalar"));
        Assert.Contains(registry.Overloads("aten::add"), s => s.Overload == "int");
    }

    [Fact]
    public void Default_WhenEveryNameIsLookedUp_EveryLineParsesUnderTheNameItWasFiledUnder()
    {
        // Lines are parsed on a name's first lookup; this parses the whole table, as loading it once did.
        var registry = SchemaRegistry.Default;

        var parsed = registry.Names.SelectMany(name => registry.Overloads(name).Select(schema => (name, schema))).ToList();

        Assert.Equal(registry.Count, parsed.Count);
        Assert.All(parsed, p => Assert.Equal(p.name, p.schema.QualifiedName));
    }

    [Fact]
    public void Parse_WhenALineIsMalformed_FailsOnlyWhenItsNameIsLookedUp()
    {
        var registry = SchemaRegistry.Parse(new StringReader("# header\naten::relu(Tensor self) -> Tensor\naten::broken.x(Tensor self\n"));

        Assert.Equal(2, registry.Count);
        Assert.Single(registry.Overloads("aten::relu"));
        Assert.Throws<FormatException>(() => registry.Overloads("aten::broken"));
    }

    [Fact]
    public void Default_WhenAsked_GivesDefaultsTheSerializerDrops()
    {
        var flatten = SchemaRegistry.Default.Find("aten::flatten.using_ints")!;

        Assert.Equal(-1L, flatten.Arguments.Single(a => a.Name == "end_dim").Default);
    }

    [Fact]
    public void Schemas_WhenRegeneratedByDumpScript_AreCommitted()
    {
        var script = Path.Combine(RepositoryRoot.Path, "tests", "fixtures", "torchscript", "dump_schemas.py");
        var table = Path.Combine(RepositoryRoot.Path, "src", "ModelBuild.Core", "Importers", "TorchScript", "aten_schemas.txt.gz");

        Assert.True(File.Exists(script));
        Assert.InRange(new FileInfo(table).Length, 1, 300_000);
    }
}
