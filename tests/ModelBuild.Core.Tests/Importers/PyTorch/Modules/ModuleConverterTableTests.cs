using ModelBuild.Core.Importers.PyTorch;
using ModelBuild.Core.Importers.PyTorch.Modules;

namespace ModelBuild.Core.Tests.Importers.PyTorch.Modules;

public sealed class ModuleConverterTableTests
{
    /// <summary>Classes in the table with no fixture of their own, and why that is acceptable.</summary>
    private static readonly Dictionary<string, string> Untested = new(StringComparer.Ordinal)
    {
        ["torch.nn.modules.dropout.Dropout1d"] = "same converter as Dropout and Dropout2d (identity)",
        ["torch.nn.modules.dropout.Dropout3d"] = "same converter as Dropout2d (identity)",
        ["torch.nn.modules.dropout.AlphaDropout"] = "same converter as Dropout (identity)",
        ["torch.nn.modules.dropout.FeatureAlphaDropout"] = "same converter as Dropout (identity)",
        ["torch.nn.modules.upsampling.UpsamplingNearest2d"] = "an Upsample subclass with the same state; covered by ops/upsample_nearest",
        ["torch.nn.modules.upsampling.UpsamplingBilinear2d"] = "an Upsample subclass with the same state; covered by ops/upsample_bilinear_align",
        ["torch.nn.modules.padding.ConstantPad2d"] = "ZeroPad2d is its subclass with the same state and converter; covered by ops/zeropad2d",
    };

    [Fact]
    public void ClassNames_WhenListed_AreQualifiedTorchNnNames()
    {
        Assert.NotEmpty(ModuleConverterTable.ClassNames);
        Assert.All(ModuleConverterTable.ClassNames, name => Assert.Matches(@"^torch\.nn\.modules\.[a-z_]+\.[A-Z][A-Za-z0-9]*$", name));
        Assert.True(ModuleConverterTable.TryGet("torch.nn.modules.linear.Linear", out _));
        Assert.False(ModuleConverterTable.TryGet("__main__.Net", out _));
    }

    [Fact]
    public void ClassNames_WhenCheckedAgainstFixtures_EachHasAFixtureOrAReasonWhyNot()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "fixtures", "modules");
        var covered = Directory.GetFiles(folder, "*.pt", SearchOption.AllDirectories)
            .SelectMany(path => PyTorchReader.Read(path).Classes).ToHashSet(StringComparer.Ordinal);

        var missing = ModuleConverterTable.ClassNames.Where(c => !covered.Contains(c) && !Untested.ContainsKey(c)).ToArray();
        var stale = Untested.Keys.Where(covered.Contains).ToArray();

        Assert.True(missing.Length == 0, "converters without a fixture: " + string.Join(", ", missing));
        Assert.True(stale.Length == 0, "listed as untested but covered: " + string.Join(", ", stale));
    }
}
