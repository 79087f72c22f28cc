using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Store;
using HyperSearch.Data.Tests.Infrastructure;

namespace HyperSearch.Data.Tests.Queries;

/// <summary>
/// The ranked table is read in two parts (trials with a value in index order, then those without by
/// number); every page must be the slice of the one ranking: best first, ties by number, no value last.
/// </summary>
public sealed class RankedPageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetTrials_RankSortAnyPage_IsTheSliceOfTheWholeRanking(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: 23));
        // Values with ties (0.3 three times), a failed trial and running ones without a value.
        double?[] values = [0.5, null, 0.3, 0.1, 0.3, null, 0.9, 0.2, 0.3, null, 0.7, 0.05, 0.4, 0.6, null, 0.8, 0.15, 0.25, 0.35, null, 0.45, 0.55, 0.65];
        await using (var context = await db.Factory.CreateDbContextAsync())
        {
            context.Trials.AddRange(values.Select((value, i) =>
            {
                var trial = EntityMapper.NewTrial(id, TrialKind.Search, i + 1, Specs.Config(0.001 * (i + 1)), db.Time.GetUtcNow());
                trial.State = value is null ? TrialState.Running : TrialState.Completed;
                trial.BestValue = value;
                return trial;
            }));
            await context.SaveChangesAsync();
        }

        foreach (var descending in new[] { false, true })
        {
            var numbered = values.Select((value, i) => (Number: i + 1, Value: value)).ToList();
            var valued = numbered.Where(t => t.Value is not null);
            var expected = (descending ? valued.OrderByDescending(t => t.Value) : valued.OrderBy(t => t.Value)).ThenBy(t => t.Number)
                .Concat(numbered.Where(t => t.Value is null)).Select(t => t.Number).ToList();
            foreach (var take in new[] { 1, 5, 18, 30 })
            {
                for (var skip = 0; skip <= values.Length; skip += 3)
                {
                    var page = await db.Store.GetTrialsAsync(new TrialQuery { SearchId = id, Sort = TrialSort.Rank, Descending = descending, Skip = skip, Take = take });

                    Assert.Equal(expected.Skip(skip).Take(take), page.Items.Select(r => r.Number));
                    Assert.Equal(values.Length, page.Total);
                }
            }

            // The whole ranking in one read (exports, importance) is the same order, paging ignored.
            var all = await db.Store.GetAllTrialsAsync(new TrialQuery { SearchId = id, Sort = TrialSort.Rank, Descending = descending, Skip = 7, Take = 2 });
            Assert.Equal(expected, all.Select(r => r.Number));
        }

        var completed = await db.Store.GetAllTrialsAsync(new TrialQuery { SearchId = id, States = [TrialState.Completed], Sort = TrialSort.Number });
        Assert.Equal(Enumerable.Range(1, values.Length).Where(n => values[n - 1] is not null), completed.Select(r => r.Number));
    }
}
