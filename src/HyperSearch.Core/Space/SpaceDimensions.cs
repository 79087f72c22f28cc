namespace HyperSearch.Core.Space;

/// <summary>Flattens a space into the ordered dimensions of one decay branch.</summary>
internal static class SpaceDimensions
{
    public static IReadOnlyList<SpaceDimension> Common(SearchSpace space)
    {
        var dims = new List<SpaceDimension> { new("initialLr", "initialLr", null, space.InitialLr, null) };
        AddSection(dims, "warmup", space.Warmup);
        AddSection(dims, "optimizer", space.Optimizer);
        if (space.BatchSize is { } batch)
        {
            dims.Add(new("batchSize", "batchSize", null, batch, null));
        }
        AddSection(dims, "params", space.Params);
        return dims;
    }

    public static IReadOnlyList<SpaceDimension> Of(SearchSpace space, string decayType)
    {
        var branch = space.Branch(decayType);
        var dims = new List<SpaceDimension>(Common(space));
        dims.AddRange(branch.Params.Select(p =>
            new SpaceDimension($"decay.{branch.Type}.{p.Name}", "decay", p.Name, p.Distribution, branch.Type)));
        return dims;
    }

    private static void AddSection(List<SpaceDimension> dims, string section, IReadOnlyList<SpaceParam>? ps)
    {
        if (ps is null)
        {
            return;
        }
        dims.AddRange(ps.Select(p => new SpaceDimension($"{section}.{p.Name}", section, p.Name, p.Distribution, null, p.When)));
    }
}
