using HyperSearch.Core.Configuration;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Space;
using HyperSearch.Core.Trials;

namespace HyperSearch.Core.Pbt;

/// <summary>
/// Asynchronous population-based training (Ray Tune's scheme) as a sampler: each proposed trial is
/// one segment of one member. The first <see cref="PbtSettings.Population"/> trials start the
/// members from random points. After that, a member whose segment ended continues: from its own
/// checkpoint with the same config when it ranks above the bottom fraction, else from a random top
/// member's checkpoint with that member's config perturbed (<see cref="PbtExplorer"/>). Ranking uses
/// each member's latest finished segment; a diverged or failed segment ranks last.
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

        var donors = Donors(segments, settings, context.Direction);
        foreach (var (member, last) in latest.OrderBy(p => p.Key))
        {
            if (IsActive(last.State) || last.Config.Pbt!.EndEpoch >= epochs) continue;
            var completed = last.State == TrialState.Completed && last.Value is { } v && double.IsFinite(v);
            var bottom = !completed || donors.Bottom.Contains(member);
            var candidates = donors.Top.Where(d => d.Config.Pbt!.Member != member).ToList();
            if (bottom && candidates.Count > 0)
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
            throw new SamplerWaitingException("every PBT member that can continue is still training");
        }
        return null;
    }

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

    /// <summary>Each member's latest finished segment, ranked: the top fraction (that can still train) and the bottom fraction's members.</summary>
    private (IReadOnlyList<TrialSnapshot> Top, IReadOnlySet<int> Bottom) Donors(List<TrialSnapshot> segments, PbtSettings settings, ObjectiveDirection direction)
    {
        var scored = segments.Where(t => !IsActive(t.State))
            .GroupBy(t => t.Config.Pbt!.Member)
            .Select(g => g.MaxBy(t => t.Config.Pbt!.Generation)!)
            .OrderBy(t => Rank(t, direction))
            .ThenBy(t => t.Config.Pbt!.Member)
            .ToList();
        var quantile = Math.Max(1, (int)Math.Floor(settings.Fraction * scored.Count));
        var top = scored.Take(quantile)
            .Where(t => t.State == TrialState.Completed && t.Value is { } v && double.IsFinite(v) && t.Config.Pbt!.EndEpoch < epochs)
            .ToList();
        var bottom = scored.Count > quantile ? scored.TakeLast(quantile).Select(t => t.Config.Pbt!.Member).ToHashSet() : [];
        return (top, bottom);
    }

    private static double Rank(TrialSnapshot t, ObjectiveDirection direction) =>
        t.State == TrialState.Completed && t.Value is { } v && double.IsFinite(v)
            ? (direction == ObjectiveDirection.Minimize ? v : -v)
            : double.PositiveInfinity;

    private static bool IsActive(TrialState state) => state is TrialState.Queued or TrialState.Running;
}
