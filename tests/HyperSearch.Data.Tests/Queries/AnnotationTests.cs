using HyperSearch.Core.Searches;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queries;

/// <summary>Notes and tags on searches and trials: stored, read back, filtered by one tag, followed by the live feed.</summary>
public sealed class AnnotationTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnnotateSearch_TagsAndNotes_ReadBackAndTheTagFiltersTheList(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var tagged = await db.Store.CreateSearchAsync(Specs.Search(name: "tagged"));
        var other = await db.Store.CreateSearchAsync(Specs.Search(name: "other"));
        // "base" must not match "baseline": a tag matches whole.
        await db.Store.AnnotateSearchAsync(other, new Annotation("", ["baseline"]));

        Assert.True(await db.Store.AnnotateSearchAsync(tagged, new Annotation("the paper's run\nsecond line", ["base", "paper:fig3"])));

        var summary = (await db.Store.GetSearchAsync(tagged))!.Summary;
        Assert.Equal("the paper's run\nsecond line", summary.Notes);
        Assert.Equal(["base", "paper:fig3"], summary.Tags);
        Assert.Equal([tagged], (await db.Store.ListSearchesAsync("base")).Select(s => s.Id));
        Assert.Equal([other], (await db.Store.ListSearchesAsync("baseline")).Select(s => s.Id));
        Assert.Empty(await db.Store.ListSearchesAsync("paper"));
        Assert.False(await db.Store.AnnotateSearchAsync(999_999, Annotation.None));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AnnotateTrial_Tag_FiltersTheTrialsAndReachesTheLiveFeed(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await db.Store.CreateSearchAsync(Specs.Search());
        var first = await db.Store.AddTrialAsync(id, Specs.Config(0.01));
        var second = await db.Store.AddTrialAsync(id, Specs.Config(0.02));
        var cursor = (await db.Store.GetChangesAsync(ChangeCursor.Start)).Next;

        Assert.True(await db.Store.AnnotateTrialAsync(second.TrialId!.Value, new Annotation("keeps the LR low", ["winner"])));

        var page = await db.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Tag = "winner" });
        var row = Assert.Single(page.Items);
        Assert.Equal((second.TrialId, "keeps the LR low", "winner"), ((long?)row.Id, row.Notes, row.Tags.Single()));
        Assert.Empty((await db.Store.GetAllTrialsAsync(new TrialQuery { SearchId = id, Tag = "win" })));
        Assert.Equal(2, (await db.Store.GetTrialsAsync(new TrialQuery { SearchId = id })).Total);
        Assert.Contains((await db.Store.GetChangesAsync(cursor)).Trials, t => t.Id == second.TrialId && t.Tags.Contains("winner"));
        Assert.Empty((await db.Store.GetTrialAsync(first.TrialId!.Value))!.Tags);
    }
}
