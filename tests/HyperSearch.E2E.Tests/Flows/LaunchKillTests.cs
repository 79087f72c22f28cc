using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// The dashboard process is killed (SIGKILL) with launches in flight, then started again on the same
/// database; every client sends its launch again with its Idempotency-Key, as a client whose answer
/// was lost does. Each launch must be saved exactly once — whether the kill came before its commit,
/// or after it and before its answer — and every saved search must have its one audit entry.
/// </summary>
public sealed class LaunchKillTests(ITestOutputHelper output)
{
    private const int Launches = 100;

    private static readonly Dictionary<string, string> Settings = new() { ["HyperSearch__Worker__Embedded"] = "false" };

    [Fact]
    public async Task Launches_DashboardKilledMidFlight_RetriedWithTheirKeys_EachSavedOnceWithItsAuditEntry()
    {
        var first = await WebAppProcess.StartAsync(Settings);
        var (dataDirectory, baseUrl) = (first.DataDirectory, first.BaseUrl);
        var keys = Enumerable.Range(0, Launches).Select(i => $"kill-{i}-{Guid.NewGuid():N}").ToArray();
        var answered = new ConcurrentDictionary<int, long>();
        using (var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(60) })
        using (var lanes = new SemaphoreSlim(10))
        {
            var all = Task.WhenAll(Enumerable.Range(0, Launches).Select(async i =>
            {
                await lanes.WaitAsync();
                try
                {
                    if (await TryLaunchAsync(client, i, keys[i]) is { } id) answered[i] = id;
                }
                finally
                {
                    lanes.Release();
                }
            }));
            // Kill once a third have their answer: others are then queued, mid-transaction, or committed and unanswered.
            while (answered.Count < Launches / 3 && !all.IsCompleted) await Task.Delay(5);
            await first.KillAsync();
            await all;
        }
        await first.DisposeAsync();
        Assert.InRange(answered.Count, Launches / 3, Launches - 1); // the kill did land mid-flight

        await using var second = await WebAppProcess.StartAsync(Settings, dataDirectory, baseUrl);
        using var retry = new HttpClient { BaseAddress = new Uri(baseUrl) };
        var final = new Dictionary<int, (long Id, bool Replayed)>();
        for (var i = 0; i < Launches; i++)
        {
            using var response = await PostAsync(retry, i, keys[i]);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"launch {i}: {(int)response.StatusCode} {body}");
            final[i] = (JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64(), response.Headers.Contains("Idempotent-Replayed"));
        }

        foreach (var (i, id) in answered) Assert.Equal((id, true), final[i]); // an answered launch is replayed, never saved again
        Assert.Equal(Launches, final.Values.Select(f => f.Id).Distinct().Count());
        var (searches, audited) = await CountAsync(Path.Combine(dataDirectory, "hypersearch.db"));
        Assert.Equal(Launches, searches);
        Assert.Equal(Launches, audited); // every saved search has exactly one launch entry
        output.WriteLine($"answered before the kill: {answered.Count}; saved but unanswered (replayed on retry): " +
                         $"{final.Count(f => f.Value.Replayed && !answered.ContainsKey(f.Key))}; not saved (created on retry): {final.Count(f => !f.Value.Replayed)}");
    }

    private static async Task<long?> TryLaunchAsync(HttpClient client, int i, string key)
    {
        try
        {
            using var response = await PostAsync(client, i, key);
            if (response.StatusCode != HttpStatusCode.Created) return null;
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null; // the answer was lost with the process
        }
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, int i, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/searches")
        {
            Content = new StringContent($$"""
                { "name": "kill {{i}}", "workload": "two-spirals", "budget": 4, "epochs": 3, "strategy": "random",
                  "space": { "initialLr": { "type": "float", "low": 0.001, "high": 0.1, "log": true }, "decay": { "constant": {} } } }
                """, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    /// <summary>Searches, and searches with exactly one launch entry in the audit log.</summary>
    private static async Task<(long Searches, long Audited)> CountAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT (SELECT COUNT(*) FROM Searches),
                   (SELECT COUNT(*) FROM Searches s WHERE (SELECT COUNT(*) FROM AuditLog a WHERE a.SearchId = s.Id AND a.Action = 'launch') = 1)
            """;
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
