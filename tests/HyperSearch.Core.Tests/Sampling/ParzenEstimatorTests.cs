using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Tests.Sampling;

public class ParzenEstimatorTests
{
    private static TpeDimension Unit(string name) =>
        new(new SpaceDimension(name, "params", name, new FloatDistribution(0, 1), null), 0, 0, 1, null);

    [Theory]
    [InlineData(0.1, 0.1)]
    [InlineData(0.9, 0.9)]
    public void Given_LeadingValue_DrawsTheRestFromComponentsNearIt(double lr, double expected)
    {
        // Two clusters on a ridge (x, y) ≈ (0.1, 0.1) and (0.9, 0.9): given x, y should follow it.
        double[][] rows = [[0.1, 0.1], [0.12, 0.11], [0.9, 0.9], [0.88, 0.91]];
        var estimator = new ParzenEstimator([Unit("x"), Unit("y")], rows, TpeOptions.Default).Given([lr]);
        var rng = new SeededRandom(1, 1);

        var draws = Enumerable.Range(0, 400).Select(_ => estimator.Sample(rng)).ToList();

        Assert.All(draws, d => Assert.Equal(lr, d[0]));
        // Wide neighbour kernels and the prior keep it from the cluster itself, but on its side of the middle.
        Assert.InRange(draws.Select(d => d[1]).Order().ElementAt(200), expected - 0.25, expected + 0.25);
        // Scoring concerns y alone: the fixed x adds nothing.
        Assert.Equal(estimator.LogPdf([lr, 0.5]), estimator.LogPdf([1 - lr, 0.5]), 12);
    }
}
