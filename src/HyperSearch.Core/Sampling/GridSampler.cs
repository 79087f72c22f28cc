using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// Every combination of choices and <see cref="PointsPerRange"/> points per numeric range, per
/// decay branch (a branch only combines its own parameters). Trial n gets grid point n − 1 of a
/// fixed order (branches in space order, last parameter varying fastest), independent of history,
/// so parallel workers never duplicate a point; null once the grid is exhausted.
/// </summary>
public sealed class GridSampler(int pointsPerRange) : ISampler
{
    /// <summary>
    /// The most points per range a grid may have (the spec validator's limit). Every grid value is
    /// enumerated, so a count must never start on an unchecked number: a million points per range
    /// used to hold a server thread for hours while the launch form counted them.
    /// </summary>
    public const int MaxPointsPerRange = 1000;

    public int PointsPerRange { get; } = CheckPoints(pointsPerRange);

    /// <summary>The number of trials the grid has, known before the search starts (saturates at long.MaxValue).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Points per range outside 1…<see cref="MaxPointsPerRange"/>.</exception>
    public static long Count(SearchSpace space, int pointsPerRange)
    {
        CheckPoints(pointsPerRange);
        long total = 0;
        foreach (var branch in space.Decay)
        {
            total = SaturatingAdd(total, Axes(space, branch.Type, pointsPerRange)
                .Aggregate(1L, (product, axis) => SaturatingMultiply(product, axis.Values.Count)));
        }
        return total;
    }

    public TrialConfig? Sample(SearchSpace space, IReadOnlyList<TrialSnapshot> history, SamplingContext context) =>
        Point(space, context.TrialNumber - 1L)?.ToConfig(space);

    /// <summary>The grid point with 0-based <paramref name="index"/>, or null past the end.</summary>
    public SpacePoint? Point(SearchSpace space, long index)
    {
        if (index < 0)
        {
            return null;
        }
        foreach (var branch in space.Decay)
        {
            var axes = Axes(space, branch.Type, PointsPerRange);
            var size = axes.Aggregate(1L, (product, axis) => SaturatingMultiply(product, axis.Values.Count));
            if (index >= size)
            {
                index -= size;
                continue;
            }
            var values = new Dictionary<string, JsonNode>();
            for (var a = axes.Count - 1; a >= 0; a--)
            {
                var n = axes[a].Values.Count;
                values[axes[a].Path] = axes[a].Values[(int)(index % n)].DeepClone();
                index /= n;
            }
            return new SpacePoint(branch.Type, values);
        }
        return null;
    }

    private static List<(string Path, IReadOnlyList<JsonNode> Values)> Axes(SearchSpace space, string decayType, int points) =>
        space.DimensionsOf(decayType).Select(d => (d.Path, DistributionValues.Grid(d.Distribution, points))).ToList();

    private static int CheckPoints(int points) => points is >= 1 and <= MaxPointsPerRange
        ? points
        : throw new ArgumentOutOfRangeException("pointsPerRange", points, $"a grid has 1 to {MaxPointsPerRange} points per range");

    private static long SaturatingMultiply(long a, long b) => b != 0 && a > long.MaxValue / b ? long.MaxValue : a * b;

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
