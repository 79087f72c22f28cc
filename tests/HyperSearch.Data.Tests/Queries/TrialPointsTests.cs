using System.Data.Common;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Data.Entities;
using HyperSearch.Data.Store;
using HyperSearch.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace HyperSearch.Data.Tests.Queries;

/// <summary>The whole-search charts' read: every trial, ranked, as a few numbers — never epochs or config documents.</summary>
public sealed class TrialPointsTests
{
    private const int Trials = 1500; // more than a table page can hold (1,000)

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetTrialPoints_ManyTrialsWithEpochs_AllRankedAndTheSqlReadsNoEpochsOrConfigs(string provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        var id = await db.Store.CreateSearchAsync(Specs.Search(budget: Trials));
        await SeedAsync(db, id);
        var sql = new SqlRecorder();
        var options = new DbContextOptionsBuilder<HyperSearchDbContext>(DbContextOptionsFactory.Create(db.Settings)).AddInterceptors(sql).Options;
        var store = new TrialStore(new PooledDbContextFactory<HyperSearchDbContext>(options), db.Queue, db.Time);

        var points = await store.GetTrialPointsAsync(new TrialQuery { SearchId = id, Take = 25 });
        var completed = await store.GetTrialPointsAsync(new TrialQuery { SearchId = id, States = [TrialState.Completed] });

        Assert.Equal(Trials, points.Count);
        // Trial n has value 1/n: the last trial is the best; the running one (no value) ranks last.
        Assert.Equal(Trials - 1, points[0].Number);
        Assert.Equal(1.0 / (Trials - 1), points[0].BestValue);
        Assert.Equal((Trials, TrialState.Running, (double?)null), (points[^1].Number, points[^1].State, points[^1].BestValue));
        Assert.Equal(Trials - 1, completed.Count);
        Assert.NotEmpty(sql.Commands);
        Assert.All(sql.Commands, c => Assert.DoesNotContain("EpochMetrics", c, StringComparison.Ordinal));
        Assert.All(sql.Commands, c => Assert.DoesNotContain("ConfigJson", c, StringComparison.Ordinal));
    }

    /// <summary>Trials 1..n-1 Completed with value 1/n and five epoch rows each; trial n Running without a value.</summary>
    private static async Task SeedAsync(TestDatabase db, long searchId)
    {
        await using var context = await db.Factory.CreateDbContextAsync();
        var now = db.Time.GetUtcNow();
        var trials = new List<TrialEntity>();
        for (var n = 1; n <= Trials; n++)
        {
            var trial = EntityMapper.NewTrial(searchId, TrialKind.Search, n, Specs.Config(0.001 * n), now);
            trial.State = n < Trials ? TrialState.Completed : TrialState.Running;
            trial.BestValue = n < Trials ? 1.0 / n : null;
            trial.FinalValue = trial.BestValue;
            trial.EpochsDone = 5;
            trials.Add(trial);
        }
        context.Trials.AddRange(trials);
        await context.SaveChangesAsync();
        context.EpochMetrics.AddRange(trials.SelectMany(t => Enumerable.Range(1, 5).Select(e => new EpochMetricEntity
        {
            TrialId = t.Id, Epoch = e, TrainLoss = 1, ValLoss = 1, ValAccuracy = 0.5, Lr = 0.01, ElapsedSeconds = e, Attempt = 1, RecordedAt = now,
        })));
        await context.SaveChangesAsync();
    }

    private sealed class SqlRecorder : DbCommandInterceptor
    {
        public List<string> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Commands.Add(command.CommandText);
            return base.ReaderExecuting(command, eventData, result);
        }
    }
}
