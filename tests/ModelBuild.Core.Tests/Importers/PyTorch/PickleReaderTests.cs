using ModelBuild.Core.Diagnostics;
using ModelBuild.Core.Importers.PyTorch;

namespace ModelBuild.Core.Tests.Importers.PyTorch;

public sealed class PickleReaderTests
{
    private static object? Read(byte[] pickle, PyTorchLimits? limits = null)
    {
        var reader = new PickleReader("test.pkl", "data.pkl", limits ?? PyTorchLimits.Default, (pid, _) => throw new InvalidOperationException("no storages here"));
        using var stream = new MemoryStream(pickle);
        return reader.Read(stream);
    }

    private static ModelBuildException Refused(byte[] pickle, PyTorchLimits? limits = null) => Assert.Throws<ModelBuildException>(() => Read(pickle, limits));

    public static TheoryData<string, string> DangerousGlobals() => new()
    {
        { "os", "system" }, { "posix", "system" }, { "nt", "system" }, { "builtins", "eval" }, { "builtins", "exec" },
        { "__builtin__", "getattr" }, { "subprocess", "Popen" }, { "subprocess", "check_output" }, { "sys", "modules" },
        { "socket", "socket" }, { "shutil", "rmtree" }, { "importlib", "import_module" }, { "functools", "partial" },
        { "operator", "attrgetter" }, { "torch.serialization", "load" }, { "pickle", "loads" }, { "runpy", "run_path" },
        { "numpy.testing._private.utils", "runstring" }, { "torch", "load" }, { "mypackage", "helper" },
    };

    [Theory]
    [MemberData(nameof(DangerousGlobals))]
    public void Read_WhenGlobalIsNotAllowed_RefusesAtTheGlobalNamingIt(string module, string name)
    {
        // GLOBAL + args + REDUCE: the refusal must come at the GLOBAL, before the REDUCE is reached.
        var pickle = new PickleBytes().Proto().Global(module, name).Mark().Str("echo pwned").Tuple().Reduce().Stop().ToArray();

        var error = Refused(pickle);

        Assert.Equal(DiagnosticCode.PickleGlobalRefused, error.Code);
        Assert.Contains($"'{module}.{name}'", error.Message);
        Assert.Contains("byte 2", error.Message);
    }

    [Fact]
    public void Read_WhenGlobalIsAnActivationFunction_KeepsAnInertReference()
    {
        // TransformerEncoderLayer pickles its activation as the function F.relu: a name to compare, not a call.
        var pickle = new PickleBytes().Proto().Global("torch.nn.functional", "relu").Stop().ToArray();

        var value = Assert.IsType<PickleGlobal>(Read(pickle));

        Assert.Equal(PickleGlobalKind.FunctionReference, value.Kind);
        Assert.Equal("torch.nn.functional.relu", value.QualifiedName);
    }

    [Fact]
    public void Read_WhenAnActivationFunctionIsCalled_RefusesTheReduce()
    {
        var pickle = new PickleBytes().Proto().Global("torch.nn.functional", "gelu").Mark().Str("x").Tuple().Reduce().Stop().ToArray();

        var error = Refused(pickle);

        Assert.Equal(DiagnosticCode.PickleGlobalRefused, error.Code);
        Assert.Contains("REDUCE calls 'torch.nn.functional.gelu'", error.Message);
    }

    [Fact]
    public void Read_WhenOtherFunctionalNameIsNamed_Refuses()
    {
        var pickle = new PickleBytes().Proto().Global("torch.nn.functional", "softmax").Stop().ToArray();
        var builtin = new PickleBytes().Proto().Global("torch._C._nn", "linear").Stop().ToArray();

        Assert.Equal(DiagnosticCode.PickleGlobalRefused, Refused(pickle).Code);
        Assert.Equal(DiagnosticCode.PickleGlobalRefused, Refused(builtin).Code);
    }

    [Fact]
    public void Read_WhenStackGlobalNamesOsSystem_Refuses()
    {
        var pickle = new PickleBytes().Proto().Op(0x8C).Byte(2).Raw("os"u8.ToArray()).Op(0x8C).Byte(6).Raw("system"u8.ToArray()).Op(0x93)
            .Op(0x8C).Byte(2).Raw("id"u8.ToArray()).Op(0x85).Reduce().Stop().ToArray();

        var error = Refused(pickle);

        Assert.Equal(DiagnosticCode.PickleGlobalRefused, error.Code);
        Assert.Contains("'os.system'", error.Message);
    }

    [Fact]
    public void Read_WhenStackGlobalNamesComeFromTheMemo_StillRefuses()
    {
        var pickle = new PickleBytes().Proto().Str("builtins").Op('q').Byte(0).Op('0').Str("eval").Op('q').Byte(1).Op('0')
            .Op('h').Byte(0).Op('h').Byte(1).Op(0x93).Mark().Str("1+1").Tuple().Reduce().Stop().ToArray();

        Assert.Equal(DiagnosticCode.PickleGlobalRefused, Refused(pickle).Code);
    }

    [Fact]
    public void Read_WhenReduceCallsAClassReference_RefusesTheCall()
    {
        var pickle = new PickleBytes().Proto().Global("__main__", "Net").Op(')').Reduce().Stop().ToArray();

        var error = Refused(pickle);

        Assert.Equal(DiagnosticCode.PickleGlobalRefused, error.Code);
        Assert.Contains("__main__.Net", error.Message);
    }

    [Fact]
    public void Read_WhenNewObjOnAClass_KeepsAnInertRecordAndListsTheClass()
    {
        var pickle = new PickleBytes().Proto().Global("__main__", "Net").Op(')').Op(0x81).Op('}').Op('b').Stop().ToArray();
        var reader = new PickleReader("t", "data.pkl", PyTorchLimits.Default, (_, _) => null);

        var value = reader.Read(new MemoryStream(pickle));

        Assert.Equal("__main__.Net", Assert.IsType<PickleObject>(value).Type.QualifiedName);
        Assert.Equal(["__main__.Net"], reader.ClassReferences.Select(c => c.QualifiedName));
    }

    [Fact]
    public void Read_WhenMemoIndexWasNeverStored_IsMalformed()
    {
        var error = Refused(new PickleBytes().Proto().Op('h').Byte(7).Stop().ToArray());

        Assert.Equal(DiagnosticCode.PickleInvalid, error.Code);
        Assert.Contains("memo index 7", error.Message);
    }

    [Fact]
    public void Read_WhenMarksNestTooDeep_HitsTheLimit()
    {
        var pickle = new PickleBytes().Proto();
        for (int i = 0; i < 5000; i++) pickle.Mark();

        Assert.Equal(DiagnosticCode.PickleLimitExceeded, Refused(pickle.Stop().ToArray()).Code);
    }

    [Fact]
    public void Read_WhenBinBytesDeclaresMoreThanRemains_RefusesBeforeAllocating()
    {
        var pickle = new PickleBytes().Proto().Op('B').Raw([0xFF, 0xFF, 0xFF, 0x7F]).Raw([1, 2, 3]).ToArray();

        var error = Refused(pickle);

        Assert.Equal(DiagnosticCode.PickleLimitExceeded, error.Code);
        Assert.Contains("2147483647 bytes", error.Message);
    }

    [Fact]
    public void Read_WhenBinUnicode8DeclaresHugeLength_Refuses()
    {
        var pickle = new PickleBytes().Proto().Op(0x8D).Raw(BitConverter.GetBytes(ulong.MaxValue)).Stop().ToArray();

        Assert.Equal(DiagnosticCode.PickleLimitExceeded, Refused(pickle).Code);
    }

    [Theory]
    [InlineData(0x96)]
    [InlineData(0x97)]
    [InlineData(0xFF)]
    [InlineData('i')]
    public void Read_WhenOpcodeIsRefusedOrUnknown_IsMalformed(int opcode)
    {
        Assert.Equal(DiagnosticCode.PickleInvalid, Refused(new PickleBytes().Proto().Op((byte)opcode).Stop().ToArray()).Code);
    }

    [Fact]
    public void Read_WhenSetItemTargetsAList_IsMalformed()
    {
        var pickle = new PickleBytes().Proto().Op(']').Str("k").Str("v").Op('s').Stop().ToArray();

        Assert.Contains("not a dict", Refused(pickle).Message);
    }

    [Fact]
    public void Read_WhenTruncated_IsMalformed()
    {
        var pickle = new PickleBytes().Proto().Str("hello").ToArray();

        Assert.Equal(DiagnosticCode.PickleInvalid, Refused(pickle).Code);
    }

    [Fact]
    public void Read_WhenListsNestThroughTheMemo_WalkerStopsAtTheDepthLimit()
    {
        // A list holding itself: the pickle is fine, but walking it must stop, not recurse forever.
        var pickle = new PickleBytes().Proto().Op(']').Op('q').Byte(0).Op('h').Byte(0).Op('a').Stop().ToArray();

        var list = Assert.IsType<List<object?>>(Read(pickle));

        Assert.Same(list, list[0]);
    }

    [Fact]
    public void Read_WhenBinFloat_ReadsBigEndian()
    {
        var pickle = new PickleBytes().Proto().Op('G').Raw([0x3F, 0xF8, 0, 0, 0, 0, 0, 0]).Stop().ToArray();

        Assert.Equal(1.5, Read(pickle));
    }

    [Fact]
    public void Read_WhenLegacyMagicLong1_ReadsABigInteger()
    {
        var value = Read([.. ModelBuild.Core.Importers.PyTorch.PyTorchLayout.LegacyMagicPickle, (byte)'.']);

        Assert.Equal(System.Numerics.BigInteger.Parse("1950a86a20f9469cfc6c", System.Globalization.NumberStyles.HexNumber), value);
    }
}
