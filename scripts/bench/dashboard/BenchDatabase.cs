using System.Diagnostics;
using System.Text.Json;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Data;
using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

/// <summary>
/// Seeds one completed search with N trials × E epochs straight into the database (no trainer): plausible
/// loss curves whose quality depends on the LR, so ranking and charts have real work to do.
/// </summary>
internal static class BenchDatabase
{
    /// <param name="provider">"sqlite" or "postgres", as HyperSearch:Database:Provider.</param>
    /// <param name="searches">Searches in the list in all (the seeded one plus small empty ones), for the Searches page.</param>
    public static async Task<long> SeedAsync(string provider, string connectionString, int trials, int epochs, int searches = 1)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HyperSearch:Database:Provider"] = provider,
            ["HyperSearch:Database:ConnectionString"] = connectionString,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddHyperSearchData(config).BuildServiceProvider();
        await services.MigrateHyperSearchDatabaseAsync();
        var store = services.GetRequiredService<ITrialStore>();
        var searchId = await store.CreateSearchAsync(new SearchSpec
        {
            Name = $"bench {trials}x{epochs}",
            Workload = "fashion-mlp",
            SpaceJson = """{ "initialLr": { "type": "float", "low": 0.0001, "high": 1, "log": true }, "decay": ["cosine", "step", "exponential", "constant"] }""",
            Budget = trials,
            Parallelism = 4,
            Epochs = epochs,
            Strategy = HyperSearch.Core.Sampling.SearchStrategy.Random,
        });

        for (var extra = 1; extra < searches; extra++)
        {
            await store.CreateSearchAsync(new SearchSpec
            {
                Name = $"team search {extra}",
                Owner = $"user{extra % 17}",
                Workload = "two-spirals",
                SpaceJson = """{ "initialLr": { "type": "float", "low": 0.001, "high": 0.5, "log": true }, "decay": ["cosine"] }""",
                Budget = 20,
                Epochs = 10,
            });
        }

        var watch = Stopwatch.StartNew();
        var factory = services.GetRequiredService<IDbContextFactory<HyperSearchDbContext>>();
        var random = new Random(42);
        string[] decays = [DecayTypes.Cosine, DecayTypes.Step, DecayTypes.Exponential, DecayTypes.Constant];
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        const int batch = 500;
        for (var first = 0; first < trials; first += batch)
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var entities = new List<TrialEntity>();
            for (var n = first; n < Math.Min(trials, first + batch); n++)
            {
                var lr = Math.Pow(10, -4 + 4 * random.NextDouble());
                var decay = decays[n % decays.Length];
                DecaySpec spec = decay switch
                {
                    DecayTypes.Cosine => new CosineDecay { TMax = epochs },
                    DecayTypes.Step => new StepDecay { StepSize = 10, Gamma = 0.5 },
                    DecayTypes.Exponential => new ExponentialDecay { Gamma = 0.95 },
                    _ => new ConstantDecay(),
                };
                var trialConfig = new TrialConfig { InitialLr = lr, Decay = spec };
                // Best near lr = 0.03; too high diverges slowly, too low barely moves.
                var quality = Math.Abs(Math.Log10(lr) + 1.5);
                var floor = 0.25 + 0.2 * quality + 0.05 * random.NextDouble();
                var trial = new TrialEntity
                {
                    SearchId = searchId, Kind = TrialKind.Search, Number = n + 1, ConfigJson = JsonSerializer.Serialize(trialConfig, HyperJson.Options),
                    InitialLr = lr, DecayType = decay, State = TrialState.Completed, Attempt = 1, Device = "cpu", Slot = n % 4,
                    EpochsDone = epochs, QueuedAt = start, CreatedAt = start, StartedAt = start, FinishedAt = start.AddMinutes(5), UpdatedAt = start,
                };
                entities.Add(trial);
                double best = double.MaxValue;
                var metrics = new List<EpochMetricEntity>();
                for (var e = 1; e <= epochs; e++)
                {
                    var val = floor + (2.3 - floor) * Math.Exp(-e / (3 + 10 * quality)) + 0.01 * random.NextDouble();
                    best = Math.Min(best, val);
                    metrics.Add(new EpochMetricEntity
                    {
                        Epoch = e, TrainLoss = val * 0.9, ValLoss = val, ValAccuracy = 1 - val / 2.3, Lr = lr * Math.Pow(0.95, e - 1),
                        ElapsedSeconds = e * 6, Attempt = 1, RecordedAt = start.AddSeconds(e * 6),
                    });
                }

                trial.BestValue = best;
                trial.FinalValue = metrics[^1].ValLoss;
                trial.Diagnosis = quality > 1.8 ? "TooLow" : quality > 1.2 ? "TooHigh" : "Healthy";
                db.Trials.Add(trial);
                pending.Add((trial, metrics));
            }

            await db.SaveChangesAsync();
            await InsertEpochsAsync(db);
            pending.Clear();
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            var search = await db.Searches.SingleAsync(s => s.Id == searchId);
            var bestTrial = await db.Trials.Where(t => t.SearchId == searchId).OrderBy(t => t.BestValue).FirstAsync();
            search.State = SearchState.Completed;
            search.BestTrialId = bestTrial.Id;
            search.BestValue = bestTrial.BestValue;
            search.SamplerExhausted = true;
            search.FinishedAt = start.AddHours(6);
            await db.SaveChangesAsync();
        }

        Console.WriteLine($"seeded {trials} trials × {epochs} epochs in {watch.Elapsed.TotalSeconds:F1} s ({provider})");
        return searchId;
    }

    private static readonly List<(TrialEntity Trial, List<EpochMetricEntity> Metrics)> pending = [];

    private static Task InsertEpochsAsync(HyperSearchDbContext db) =>
        db.Database.IsNpgsql() ? CopyEpochsAsync(db) : InsertEpochsSqliteAsync(db);

    /// <summary>
    /// RecordedAt as EF stores it: the model maps DateTimeOffset through a converter (a 64-bit
    /// integer), so raw SQL must write the converted value, not the DateTimeOffset itself.
    /// </summary>
    private static object RecordedAt(HyperSearchDbContext db, DateTimeOffset value) =>
        db.Model.FindEntityType(typeof(EpochMetricEntity))!.FindProperty(nameof(EpochMetricEntity.RecordedAt))!
            .GetTypeMapping().Converter!.ConvertToProvider(value)!;

    /// <summary>PostgreSQL: the batch's epoch rows through one binary COPY (the bulk path of the server).</summary>
    private static async Task CopyEpochsAsync(HyperSearchDbContext db)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY "EpochMetrics" ("TrialId", "Epoch", "TrainLoss", "ValLoss", "ValAccuracy", "Lr", "ElapsedSeconds", "Attempt", "RecordedAt") FROM STDIN (FORMAT BINARY)
            """);
        foreach (var (trial, metrics) in pending)
        {
            foreach (var m in metrics)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(trial.Id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(m.Epoch, NpgsqlDbType.Integer);
                await copy.WriteAsync(m.TrainLoss!.Value, NpgsqlDbType.Double);
                await copy.WriteAsync(m.ValLoss!.Value, NpgsqlDbType.Double);
                await copy.WriteAsync(m.ValAccuracy!.Value, NpgsqlDbType.Double);
                await copy.WriteAsync(m.Lr!.Value, NpgsqlDbType.Double);
                await copy.WriteAsync(m.ElapsedSeconds, NpgsqlDbType.Double);
                await copy.WriteAsync(m.Attempt, NpgsqlDbType.Integer);
                await copy.WriteAsync((long)RecordedAt(db, m.RecordedAt), NpgsqlDbType.Bigint);
            }
        }
        await copy.CompleteAsync();
    }

    /// <summary>
    /// The batch's epoch rows through one prepared INSERT in one transaction: EF's change tracker made
    /// seeding 100,000 × 50 take over an hour; this is minutes. Same columns and values as EF writes.
    /// </summary>
    private static async Task InsertEpochsSqliteAsync(HyperSearchDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO "EpochMetrics" ("TrialId", "Epoch", "TrainLoss", "ValLoss", "ValAccuracy", "Lr", "ElapsedSeconds", "Attempt", "RecordedAt")
            VALUES ($trial, $epoch, $train, $val, $acc, $lr, $elapsed, $attempt, $recorded)
            """;
        string[] names = ["$trial", "$epoch", "$train", "$val", "$acc", "$lr", "$elapsed", "$attempt", "$recorded"];
        var parameters = names.Select(name =>
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = name;
            insert.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        foreach (var (trial, metrics) in pending)
        {
            foreach (var m in metrics)
            {
                object?[] values = [trial.Id, m.Epoch, m.TrainLoss, m.ValLoss, m.ValAccuracy, m.Lr, m.ElapsedSeconds, m.Attempt, RecordedAt(db, m.RecordedAt)];
                for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
                await insert.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
    }
}
