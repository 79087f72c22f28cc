using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queries;

/// <summary>
/// Every search used to default to seed 0, so identical specs launched by three teams sampled and
/// trained identical trials. A search stored without a seed now draws one; a given seed is kept.
/// </summary>
public sealed class SearchSeedTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateSearch_NoSeed_StoresARandomSeedShownWithTheSearch(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await db.Store.CreateSearchAsync(Specs.Search() with { Seed = null }));

        var seeds = new List<int>();
        foreach (var id in ids) seeds.Add((await db.Store.GetSearchAsync(id))!.Spec.Seed!.Value);
        Assert.Equal(3, seeds.Distinct().Count()); // equal by chance: 3 in 2^31
        Assert.All(seeds, s => Assert.True(s >= 0));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateSearch_GivenSeed_Kept(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);

        var id = await db.Store.CreateSearchAsync(Specs.Search() with { Seed = 0 });

        Assert.Equal(0, (await db.Store.GetSearchAsync(id))!.Spec.Seed);
    }
}
