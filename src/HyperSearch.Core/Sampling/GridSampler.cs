using System.Text.Json.Nodes;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Space;

namespace HyperSearch.Core.Sampling;

/// <summary>
/// Every combination of choices and <see cref="PointsPerRange"/> points per numeric range, per
/// decay branch (a branch only combines its own parameters; a conditional parameter only where its
/// condition holds). Trial n gets grid point n − 1 of a fixed order (branches in space order, last
/// parameter varying fastest; in a conditional space the parents of conditions vary slowest),
/// independent of history, so parallel workers never duplicate a point; null once the grid is exhausted.
/// </summary>
public sealed class GridSampler(int pointsPerRange) : ISampler
{
    /// <summary>
    /// The most points per range a grid may have (the spec validator's limit). Every grid value is
    /// enumerated, so a count must never start on an unchecked number: a million points per range
    /// used to hold a server thread for hours while the launch form counted them.
    /// </summary>
    public const int MaxPointsPerRange = 1000;

    /// <summary>
    /// The most assignments of the parents of conditions a count enumerates before it calls the grid
    /// unbounded: ten times the largest budget, so any grid a search can exhaust is counted exactly.
    /// </summary>
    public const int MaxParentAssignments = 1_000_000;

    public int PointsPerRange { get; } = CheckPoints(pointsPerRange);

    /// <summary>The number of trials the grid has, known before the search starts (saturates at long.MaxValue).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Points per range outside 1…<see cref="MaxPointsPerRange"/>.</exception>
    public static long Count(SearchSpace space, int pointsPerRange)
    {
        CheckPoints(pointsPerRange);
        long total = 0;
        foreach (var branch in space.Decay)
        {
            var blocks = 0;
            foreach (var block in Blocks(Axes(space, branch.Type, pointsPerRange)))
            {
                total = SaturatingAdd(total, block.Size);
                // Counting stops where no budget could reach (and a server thread must never enumerate billions).
                if (total == long.MaxValue || ++blocks > MaxParentAssignments) return long.MaxValue;
            }
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
            foreach (var block in Blocks(Axes(space, branch.Type, PointsPerRange)))
            {
                if (index >= block.Size)
                {
                    index -= block.Size;
                    continue;
                }
                var values = new Dictionary<string, JsonNode>(block.Parents);
                for (var a = block.Free.Count - 1; a >= 0; a--)
                {
                    var n = block.Free[a].Values.Count;
                    values[block.Free[a].Dim.Path] = block.Free[a].Values[(int)(index % n)].DeepClone();
                    index /= n;
                }
                return new SpacePoint(branch.Type, values);
            }
        }
        return null;
    }

    private sealed record Axis(SpaceDimension Dim, IReadOnlyList<JsonNode> Values);

    /// <summary>One assignment of the parents of conditions, and the axes that are free (active, no one's parent) under it.</summary>
    private sealed record Block(IReadOnlyDictionary<string, JsonNode> Parents, IReadOnlyList<Axis> Free, long Size);

    private static List<Axis> Axes(SearchSpace space, string decayType, int points) =>
        space.DimensionsOf(decayType).Select(d => new Axis(d, DistributionValues.Grid(d.Distribution, points))).ToList();

    /// <summary>
    /// A conditional space's grid is the set of distinct points its trials can have (an inactive parameter has
    /// no value, so it multiplies nothing): every assignment of the parameters that conditions read (in order,
    /// the last fastest, each only where itself active), times the product of the other axes active under it
    /// (the last fastest). Without conditions there is one block, every axis free: the plain product, in the
    /// order it always had.
    /// </summary>
    private static IEnumerable<Block> Blocks(List<Axis> axes)
    {
        var parentPaths = axes.SelectMany(a => a.Dim.When ?? []).Select(c => c.ParentPath).ToHashSet();
        var parents = axes.Where(a => parentPaths.Contains(a.Dim.Path)).ToList();
        return Assignments(parents, 0, new Dictionary<string, JsonNode>()).Select(assignment =>
        {
            var free = axes.Where(a => !parentPaths.Contains(a.Dim.Path) && a.Dim.IsActive(assignment)).ToList();
            return new Block(assignment, free, free.Aggregate(1L, (product, axis) => SaturatingMultiply(product, axis.Values.Count)));
        });
    }

    private static IEnumerable<Dictionary<string, JsonNode>> Assignments(List<Axis> parents, int i, Dictionary<string, JsonNode> sofar)
    {
        if (i == parents.Count)
        {
            yield return new Dictionary<string, JsonNode>(sofar);
            yield break;
        }
        var axis = parents[i];
        if (!axis.Dim.IsActive(sofar))
        {
            foreach (var rest in Assignments(parents, i + 1, sofar)) yield return rest;
            yield break;
        }
        foreach (var value in axis.Values)
        {
            sofar[axis.Dim.Path] = value;
            foreach (var rest in Assignments(parents, i + 1, sofar)) yield return rest;
            sofar.Remove(axis.Dim.Path);
        }
    }

    private static int CheckPoints(int points) => points is >= 1 and <= MaxPointsPerRange
        ? points
        : throw new ArgumentOutOfRangeException("pointsPerRange", points, $"a grid has 1 to {MaxPointsPerRange} points per range");

    private static long SaturatingMultiply(long a, long b) => b != 0 && a > long.MaxValue / b ? long.MaxValue : a * b;

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
