using HyperSearch.Core.Sampling;

namespace HyperSearch.Core.Tests.Sampling;

public class ErfTests
{
    // Python's math.erf / math.erfc (glibc's fdlibm) on Debian 12, one value from each branch.
    [Theory]
    [InlineData(-7.0, -1.0, 2.0)]
    [InlineData(-3.0, -0.9999779095030014, 1.9999779095030015)]
    [InlineData(-0.9, -0.7969082124228322, 1.7969082124228322)]
    [InlineData(1e-10, 1.1283791670955126e-10, 0.999999999887162)]
    [InlineData(0.3, 0.3286267594591274, 0.6713732405408726)]
    [InlineData(0.84375, 0.7672256612323416, 0.23277433876765835)]
    [InlineData(1.3, 0.9340079449406524, 0.06599205505934755)]
    [InlineData(2.9, 0.9999589021219005, 4.109787809945886e-05)]
    [InlineData(5.9, 0.9999999999999999, 7.190409783550478e-17)]
    [InlineData(27.0, 1.0, 5.23705e-319)]
    public void OfAndComplement_BranchesOfFdlibm_MatchLibm(double x, double erf, double erfc)
    {
        Assert.Equal(erf, Erf.Of(x), 1e-16 * Math.Max(1, Math.Abs(erf)));
        Assert.True(Math.Abs(erfc - Erf.Complement(x)) <= 4e-16 * Math.Abs(erfc), $"erfc({x}) = {Erf.Complement(x):R}, libm {erfc:R}");
    }
}
