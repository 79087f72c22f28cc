using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Pbt;

/// <summary>
/// Population-based training with synchronous generations (Ray Tune's PBT with <c>synch=True</c>) as a
/// sampler: each proposed trial is one segment of one member. The first
/// <see cref="PbtSettings.Population"/> trials start the members from random points. A member whose
/// segment of generation g ended continues once every member has finished generation g, so members
/// are ranked on segments of the same length: in the bottom fraction (or diverged/failed) it starts
/// from a random top member's checkpoint with that member's config perturbed
/// (<see cref="PbtExplorer"/>), otherwise from its own checkpoint with its own config.
/// Settings come from the space's <c>pbt</c> section; trials without lineage are ignored.
/// </summary>
public sealed class PbtSampler(int epochs) : ISampler
{
    private const ulong ExploitSalt = 0x9B7;
    private const ulong ExploreSalt = 0x9B8;

    /// <exception cref="SamplerWaitingException">No member can continue yet, but some are still training.</exception>
    public TrialConfig? Sample(SearchSpace space, IReadOnlyList<TrialSnapshot> history, SamplingContext context)
    {
        var settings = space.Pbt ?? new PbtSettings();
        var segments = history.Where(t => t.Config.Pbt is not null).ToList();
        var latest = segments.GroupBy(t => t.Config.Pbt!.Member)
            .ToDictionary(g => g.Key, g => g.MaxBy(t => t.Config.Pbt!.Generation)!);
        if (latest.Count < settings.Population)
        {
            var member = Enumerable.Range(0, settings.Population).First(m => !latest.ContainsKey(m));
            var config = new RandomSampler().Sample(space, [], context)!;
            return config with { Pbt = new PbtLineage { Member = member, Generation = 0, StartEpoch = 0, EndEpoch = Math.Min(settings.Interval, epochs) } };
        }

        foreach (var (member, last) in latest.OrderBy(p => p.Key))
        {
            var generation = last.Config.Pbt!.Generation;
            if (IsActive(last.State) || last.Config.Pbt.EndEpoch >= epochs || !GenerationFinished(latest.Values, segments, generation)) continue;
            var cohort = segments.Where(t => t.Config.Pbt!.Generation == generation).ToList();
            var (top, bottom) = Rank(cohort, settings, context.Direction);
            var candidates = top.Where(d => d.Config.Pbt!.Member != member).ToList();
            var completed = IsScored(last);
            if ((!completed || bottom.Contains(member)) && candidates.Count > 0)
            {
                var rng = new SeededRandom(context.Seed, context.TrialNumber, ExploitSalt);
                var donor = candidates[rng.NextInt(candidates.Count)];
                var explored = PbtExplorer.Perturb(space, donor.Config, settings.PerturbFactors, new SeededRandom(context.Seed, context.TrialNumber, ExploreSalt));
                return explored with { Pbt = Next(member, last, donor, settings, copied: true) };
            }

            if (completed)
            {
                return last.Config with { Pbt = Next(member, last, last, settings, copied: false) };
            }
            // A diverged or failed member with nobody to copy from stops here.
        }

        if (latest.Values.Any(t => IsActive(t.State)))
        {
            throw new SamplerWaitingException("the PBT members wait for the rest of their generation");
        }
        return null;
    }

    // Every member has ended its segment of this generation (or is already past it).
    private static bool GenerationFinished(IEnumerable<TrialSnapshot> latest, List<TrialSnapshot> segments, int generation) =>
        latest.All(l => l.Config.Pbt!.Generation > generation
            || segments.Any(t => t.Config.Pbt!.Member == l.Config.Pbt.Member && t.Config.Pbt.Generation == generation && !IsActive(t.State)));

    private PbtLineage Next(int member, TrialSnapshot last, TrialSnapshot parent, PbtSettings settings, bool copied)
    {
        var start = parent.Config.Pbt!.EndEpoch;
        return new PbtLineage
        {
            Member = member,
            Generation = last.Config.Pbt!.Generation + 1,
            StartEpoch = start,
            EndEpoch = Math.Min(start + settings.Interval, epochs),
            ParentNumber = parent.Number,
            ParentTrialId = parent.Id,
            CopiedFromMember = copied ? parent.Config.Pbt.Member : null,
        };
    }

    /// <summary>One generation's segments ranked: the top fraction (that can still train) and the bottom fraction's members.</summary>
    private (IReadOnlyList<TrialSnapshot> Top, IReadOnlySet<int> Bottom) Rank(List<TrialSnapshot> cohort, PbtSettings settings, ObjectiveDirection direction)
    {
        var ranked = cohort.Where(t => !IsActive(t.State))
            .OrderBy(t => IsScored(t) ? (direction == ObjectiveDirection.Minimize ? t.Value!.Value : -t.Value!.Value) : double.PositiveInfinity)
            .ThenBy(t => t.Config.Pbt!.Member)
            .ToList();
        var quantile = Math.Max(1, (int)Math.Floor(settings.Fraction * ranked.Count));
        var top = ranked.Take(quantile).Where(t => IsScored(t) && t.Config.Pbt!.EndEpoch < epochs).ToList();
        var bottom = ranked.Count > quantile ? ranked.TakeLast(quantile).Select(t => t.Config.Pbt!.Member).ToHashSet() : [];
        return (top, bottom);
    }

    private static bool IsScored(TrialSnapshot t) => t.State == TrialState.Completed && t.Value is { } v && double.IsFinite(v);

    private static bool IsActive(TrialState state) => state is TrialState.Queued or TrialState.Running;
}
