using System.Data.Common;
using HyperSearch.Core.Configuration;
using HyperSearch.Core.Json;
using HyperSearch.Core.Sampling;
using HyperSearch.Core.Searches;
using HyperSearch.Core.Trials;
using HyperSearch.Data;
using HyperSearch.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace QueueBench;

/// <summary>Fills a database with a dashboard-sized history: one search of N trials × E epochs plus small searches, workers and a queue.</summary>
public static class Seeder
{
    private static readonly string[] Decays = [DecayTypes.Cosine, DecayTypes.Step, DecayTypes.Exponential, DecayTypes.Constant, DecayTypes.OneCycle];
    private static readonly DateTimeOffsetToBinaryConverter Time = new();

    public static async Task<long> SeedAsync(BenchDatabase db, int trials, int epochsPerTrial)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await using var ctx = await db.Factory.CreateDbContextAsync();
        for (var s = 0; s < 30; s++)
            ctx.Searches.Add(Search($"small {s}", 20, start.AddMinutes(s)));
        var big = Search("big", trials, start.AddHours(1));
        ctx.Searches.Add(big);
        await ctx.SaveChangesAsync();

        var random = new Random(42);
        var rows = new List<TrialEntity>(trials);
        for (var n = 1; n <= trials; n++)
        {
            var lr = Math.Pow(10, -5 + 5 * random.NextDouble());
            var running = n > trials - 8;
            rows.Add(new TrialEntity
            {
                SearchId = big.Id, Kind = TrialKind.Search, Number = n,
                ConfigJson = System.Text.Json.JsonSerializer.Serialize(new TrialConfig { InitialLr = lr, Decay = DecayOf(n) }, HyperJson.Options),
                InitialLr = lr, DecayType = Decays[n % Decays.Length], State = running ? TrialState.Running : TrialState.Completed,
                Attempt = 1, EpochsDone = epochsPerTrial, BestValue = random.NextDouble(), FinalValue = random.NextDouble(),
                WorkerId = running ? $"w{n % 4}" : "w0", Device = "cpu", Slot = running ? n % 2 : 0,
                QueuedAt = start.AddSeconds(n), CreatedAt = start.AddSeconds(n), StartedAt = start.AddSeconds(n),
                FinishedAt = running ? null : start.AddSeconds(n + 60), UpdatedAt = start.AddSeconds(n + 60),
                LeaseExpiresAt = running ? DateTimeOffset.UtcNow.AddHours(1) : null,
            });
        }
        ctx.Trials.AddRange(rows);
        for (var w = 0; w < 4; w++)
            ctx.Workers.Add(new WorkerEntity { Id = $"w{w}", Host = "bench", ProcessId = w, DevicesJson = """[{"device":"cpu","slots":2}]""", StartedAt = DateTimeOffset.UtcNow, HeartbeatAt = DateTimeOffset.UtcNow });
        await ctx.SaveChangesAsync();

        // A queue: 500 re-queued trials of a second big-ish search.
        var queuedSearch = Search("queued", 1000, start.AddHours(2));
        ctx.Searches.Add(queuedSearch);
        await ctx.SaveChangesAsync();
        for (var n = 1; n <= 500; n++)
            ctx.Trials.Add(new TrialEntity
            {
                SearchId = queuedSearch.Id, Kind = TrialKind.Search, Number = n, ConfigJson = """{"initialLr":0.01,"decay":{"type":"constant"}}""",
                InitialLr = 0.01, DecayType = "constant", State = TrialState.Queued, Attempt = 2, QueuedAt = start.AddSeconds(n), CreatedAt = start, UpdatedAt = start,
            });
        await ctx.SaveChangesAsync();

        var ids = await ctx.Trials.Where(t => t.SearchId == big.Id).OrderBy(t => t.Id).Select(t => t.Id).ToListAsync();
        if (db.Provider == "sqlite") await EpochsSqliteAsync(ctx, ids, epochsPerTrial, start);
        else await EpochsPostgresAsync(db.ConnectionString, ids, epochsPerTrial, start);
        return big.Id;
    }

    private static DecaySpec DecayOf(int n) => (n % Decays.Length) switch
    {
        0 => new CosineDecay { TMax = 100 },
        1 => new StepDecay { StepSize = 30 },
        2 => new ExponentialDecay { Gamma = 0.95 },
        3 => new ConstantDecay(),
        _ => new OneCycleDecay { TotalSteps = 100 },
    };

    private static SearchEntity Search(string name, int budget, DateTimeOffset at) => new()
    {
        Name = name, Owner = name.StartsWith("small") ? "team-a" : "team-b", Workload = "fashion-mlp", Strategy = SearchStrategy.Tpe, SpaceJson = "{}",
        Budget = budget, Parallelism = 8, Epochs = 100, PrunerJson = "{}", State = SearchState.Running, CreatedAt = at, UpdatedAt = at,
    };

    private static async Task EpochsSqliteAsync(HyperSearchDbContext ctx, IReadOnlyList<long> ids, int epochs, DateTimeOffset start)
    {
        var connection = ctx.Database.GetDbConnection();
        await ctx.Database.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO "EpochMetrics" ("TrialId","Epoch","TrainLoss","ValLoss","ValAccuracy","Lr","ElapsedSeconds","Attempt","RecordedAt")
            VALUES ($t,$e,$tl,$vl,$va,$lr,$el,1,$at)
            """;
        var p = new[] { "$t", "$e", "$tl", "$vl", "$va", "$lr", "$el", "$at" }.Select(n =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = n;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToArray();
        await command.PrepareAsync();
        var random = new Random(7);
        foreach (var id in ids)
            for (var e = 1; e <= epochs; e++)
            {
                var loss = 2.0 / e + random.NextDouble() * 0.1;
                p[0].Value = id; p[1].Value = e; p[2].Value = loss; p[3].Value = loss * 1.1; p[4].Value = 1 - loss / 3;
                p[5].Value = 0.01; p[6].Value = e * 2.0; p[7].Value = Time.ConvertToProvider(start.AddSeconds(e));
                await command.ExecuteNonQueryAsync();
            }
        await tx.CommitAsync();
    }

    private static async Task EpochsPostgresAsync(string connectionString, IReadOnlyList<long> ids, int epochs, DateTimeOffset start)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var writer = await connection.BeginBinaryImportAsync(
            """COPY "EpochMetrics" ("TrialId","Epoch","TrainLoss","ValLoss","ValAccuracy","Lr","ElapsedSeconds","Attempt","RecordedAt") FROM STDIN (FORMAT BINARY)"""))
        {
        var random = new Random(7);
        foreach (var id in ids)
            for (var e = 1; e <= epochs; e++)
            {
                var loss = 2.0 / e + random.NextDouble() * 0.1;
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Bigint);
                await writer.WriteAsync(e, NpgsqlDbType.Integer);
                await writer.WriteAsync(loss, NpgsqlDbType.Double);
                await writer.WriteAsync(loss * 1.1, NpgsqlDbType.Double);
                await writer.WriteAsync(1 - loss / 3, NpgsqlDbType.Double);
                await writer.WriteAsync(0.01, NpgsqlDbType.Double);
                await writer.WriteAsync(e * 2.0, NpgsqlDbType.Double);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync((long)Time.ConvertToProvider(start.AddSeconds(e))!, NpgsqlDbType.Bigint);
            }
        await writer.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
