using ModelBuild.Core.Tensors;
using ModelBuild.Core.Verification;

namespace ModelBuild.Core.Tests.Verification;

public class OutputComparerTests
{
    private static readonly Tolerance Fp32 = Tolerance.DefaultFor(Precision.Fp32);

    [Fact]
    public void Compare_WhenEqual_PassesWithZeroStatistics()
    {
        var e = TestTensors.F32([1f, -2f, 3f, 0f], 2, 2);
        var c = OutputComparer.Compare("y", e, e, Fp32);
        Assert.True(c.Passed);
        Assert.Equal(MismatchReason.None, c.Reason);
        Assert.Equal(0, c.MaxAbs);
        Assert.Equal(1, c.Cosine, 12);
        Assert.Equal(0, c.ToleranceUsage);
        Assert.Equal(0, c.MinPassingAtol);
        Assert.Equal(4, c.ElementCount);
        Assert.False(c.NearMiss);
        Assert.Null(c.Worst);
    }

    [Fact]
    public void Compare_WhenOneElementOff_ReportsWorstIndexValuesAndMinimumTolerances()
    {
        var e = TestTensors.F64([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], 2, 3);
        var a = TestTensors.F64([0.1, 0.2, 0.3, 0.4, 0.51, 0.6], 2, 3);
        var c = OutputComparer.Compare("y", e, a, new Tolerance(1e-5, 1e-4));
        Assert.False(c.Passed);
        Assert.Equal(MismatchReason.Values, c.Reason);
        Assert.Equal(1, c.MismatchCount);
        Assert.Equal(0.01, c.MaxAbs, 12);
        Assert.Equal(0.01 / (0.5 + 1e-7), c.MaxRel, 9);
        Assert.Equal(0.01 / 6, c.MeanAbs, 12);
        Assert.Equal(4, c.Worst!.FlatIndex);
        Assert.Equal([1L, 1], c.Worst.Index);
        Assert.Equal(0.5, c.Worst.Expected);
        Assert.Equal(0.51, c.Worst.Actual);
        // atol that passes at rtol 1e-4: 0.01 − 1e-4·0.5; rtol that passes at atol 1e-5: (0.01 − 1e-5)/0.5.
        Assert.Equal(0.01 - 0.5e-4, c.MinPassingAtol!.Value, 9);
        Assert.Equal((0.01 - 1e-5) / 0.5, c.MinPassingRtol!.Value, 9);
        Assert.Equal(0.01 / (1e-5 + 0.5e-4), c.ToleranceUsage, 6);
        Assert.Contains("[1,1]", c.Message);
    }

    [Fact]
    public void Compare_WhenMinPassingAtolUsed_Passes()
    {
        var e = TestTensors.F32([1f, 2f, -3f, 0f]);
        var a = TestTensors.F32([1.001f, 1.99f, -3.02f, 0.004f]);
        var first = OutputComparer.Compare("y", e, a, Fp32);
        Assert.False(first.Passed);
        var second = OutputComparer.Compare("y", e, a, new Tolerance(first.MinPassingAtol!.Value * (1 + 1e-12), Fp32.Rtol));
        Assert.True(second.Passed);
        Assert.True(second.NearMiss);
    }

    [Fact]
    public void Compare_WhenUsageAtLeastHalf_IsNearMiss()
    {
        var e = TestTensors.F64([1.0]);
        var c = OutputComparer.Compare("y", e, TestTensors.F64([1.0 + 0.6e-4]), new Tolerance(0, 1e-4));
        Assert.True(c.Passed);
        Assert.True(c.NearMiss);
        Assert.Equal(0.6, c.ToleranceUsage, 6);
        var below = OutputComparer.Compare("y", e, TestTensors.F64([1.0 + 0.4e-4]), new Tolerance(0, 1e-4));
        Assert.False(below.NearMiss);
    }

    [Fact]
    public void Compare_WhenNaNMeetsNaNAndInfMeetsSameInf_Passes()
    {
        var e = TestTensors.F32([float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1f]);
        var c = OutputComparer.Compare("y", e, TestTensors.F32([float.NaN, float.PositiveInfinity, float.NegativeInfinity, 1f]), Fp32);
        Assert.True(c.Passed);
        Assert.Equal(0, c.MaxAbs);
    }

    [Theory]
    [InlineData(1f, float.NaN)]
    [InlineData(float.NaN, 1f)]
    [InlineData(float.PositiveInfinity, float.NegativeInfinity)]
    [InlineData(1f, float.PositiveInfinity)]
    [InlineData(float.PositiveInfinity, 1e30f)]
    public void Compare_WhenNonFiniteDiffers_FailsWhateverTolerance(float expected, float actual)
    {
        var c = OutputComparer.Compare("y", TestTensors.F32([0f, expected], 2), TestTensors.F32([0f, actual], 2), new Tolerance(1e9, 1e9));
        Assert.False(c.Passed);
        Assert.Equal(MismatchReason.NonFinite, c.Reason);
        Assert.Equal(1, c.Worst!.FlatIndex);
        Assert.Null(c.MinPassingAtol);
        Assert.True(double.IsPositiveInfinity(c.ToleranceUsage));
    }

    [Fact]
    public void Compare_WhenIntegersDifferByOne_FailsEvenWithHugeTolerance()
    {
        var c = OutputComparer.Compare("ids", TestTensors.I64([1, 2, 3]), TestTensors.I64([1, 2, 4]), new Tolerance(100, 100));
        Assert.False(c.Passed);
        Assert.True(c.Exact);
        Assert.Equal(1, c.MismatchCount);
        Assert.Equal(2, c.Worst!.FlatIndex);
        Assert.Null(c.MinPassingAtol);
    }

    [Fact]
    public void Compare_WhenInt64BeyondDoublePrecision_StillExact()
    {
        long big = (1L << 53) + 1;
        var c = OutputComparer.Compare("ids", TestTensors.I64([big]), TestTensors.I64([big - 1]), Fp32);
        Assert.False(c.Passed);
    }

    [Fact]
    public void Compare_WhenBoolsDiffer_Fails()
    {
        var c = OutputComparer.Compare("mask", TestTensors.Bool([true, false]), TestTensors.Bool([true, true]), Fp32);
        Assert.False(c.Passed);
        Assert.Equal(1, c.Worst!.FlatIndex);
        Assert.True(OutputComparer.Compare("mask", TestTensors.Bool([true, false]), TestTensors.Bool([true, false]), Fp32).Passed);
    }

    [Fact]
    public void Compare_WhenDtypeDiffers_FailsWithDataTypeReason()
    {
        var c = OutputComparer.Compare("y", TestTensors.F32([1f]), TestTensors.F64([1.0]), Fp32);
        Assert.False(c.Passed);
        Assert.Equal(MismatchReason.DataType, c.Reason);
        Assert.Contains("float64", c.Message);
    }

    [Fact]
    public void Compare_WhenShapeDiffers_FailsWithShapeReason()
    {
        var c = OutputComparer.Compare("y", TestTensors.F32([1f, 2f], 2, 1), TestTensors.F32([1f, 2f], 1, 2), Fp32);
        Assert.False(c.Passed);
        Assert.Equal(MismatchReason.Shape, c.Reason);
        Assert.Contains("[1,2]", c.Message);
    }

    [Fact]
    public void Compare_WhenHalfPrecisionTypes_DecodesThem()
    {
        Assert.True(OutputComparer.Compare("h", TestTensors.F16([0.5f, -2f], 2), TestTensors.F16([0.5f, -2f], 2), Fp32).Passed);
        var f16 = OutputComparer.Compare("h", TestTensors.F16([0.5f], 1), TestTensors.F16([0.75f], 1), Fp32);
        Assert.Equal(0.25, f16.MaxAbs);
        var bf16 = OutputComparer.Compare("b", TestTensors.BF16([1.5f], 1), TestTensors.BF16([-1.5f], 1), Fp32);
        Assert.Equal(1.5, bf16.Worst!.Expected);
        Assert.Equal(-1.5, bf16.Worst.Actual);
        Assert.Equal(-1, bf16.Cosine, 12);
    }

    [Fact]
    public void Compare_WhenExpectedZeroBeyondAtol_HasNoMinPassingRtol()
    {
        var c = OutputComparer.Compare("y", TestTensors.F32([0f]), TestTensors.F32([0.1f]), Fp32);
        Assert.Null(c.MinPassingRtol);
        Assert.NotNull(c.MinPassingAtol);
    }
}
