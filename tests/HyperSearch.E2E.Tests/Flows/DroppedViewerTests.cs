using System.Net.Http.Json;
using System.Text.Json.Nodes;
using HyperSearch.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HyperSearch.E2E.Tests.Flows;

/// <summary>
/// Two people watch one running search from two browsers (two OS processes). One laptop lid closes
/// (the browser is frozen: its connection stays open, nothing answers) and then the browser dies
/// (killed, tabs open). The other viewer's chart must keep showing every new epoch within 2 s.
/// </summary>
[Collection(nameof(LatencySensitive))]
public class DroppedViewerTests(ITestOutputHelper output)
{
    private const int EpochMilliseconds = 400;
    private const int Epochs = 120;
    private static readonly TimeSpan MaxLag = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Phase = TimeSpan.FromSeconds(10);

    // Records in the page, every 50 ms, when the selected trial's validation curve gained points.
    private const string RecordChartGrowth = """
        () => {
          window.__samples = [];
          let last = -1;
          setInterval(() => {
            const e = document.querySelector('#loss-chart [data-chart]');
            const c = e && window.echarts && echarts.getInstanceByDom(e);
            if (!c) return;
            const n = c.getOption().series.filter(s => s.id.endsWith('-val')).reduce((k, s) => k + s.data.length, 0);
            if (n !== last) { last = n; window.__samples.push([Date.now(), n]); }
          }, 50);
        }
        """;

    [Fact]
    public async Task OneViewerFrozenThenKilled_OtherViewerReceivesEveryEpochWithinTwoSeconds()
    {
        await using var app = await SearchApi.StartWithFakeTrainerAsync(EpochMilliseconds, cpuSlots: 1, liveFeedMilliseconds: 300);
        using var api = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var (searchId, trialId) = await StartSearchAsync(api);
        var url = $"{app.BaseUrl}/searches/{searchId}?sel={trialId}";

        await using var laptop = await BrowserProcess.StartAsync();
        await using var desk = await BrowserProcess.StartAsync();
        Assert.NotEqual(laptop.ProcessId, desk.ProcessId);
        var gone = await laptop.OpenLiveAsync(url);
        var watcher = await desk.OpenLiveAsync(url);
        await watcher.EvaluateAsync(RecordChartGrowth);
        await WaitForGrowthAsync(gone);

        var epochTimes = new List<(DateTimeOffset At, int Count)>();
        laptop.Freeze();
        var frozenAt = DateTimeOffset.UtcNow;
        await RecordEpochsAsync(api, trialId, epochTimes, Phase);
        laptop.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        await RecordEpochsAsync(api, trialId, epochTimes, Phase);

        await Task.Delay(MaxLag + TimeSpan.FromMilliseconds(500)); // the last epochs' chance to arrive
        var samples = (await watcher.EvaluateAsync<long[][]>("() => window.__samples"))
            .Select(s => (At: DateTimeOffset.FromUnixTimeMilliseconds(s[0]), Count: (int)s[1])).ToList();
        var lags = new List<(int Epoch, TimeSpan Lag)>();
        foreach (var (at, count) in epochTimes)
        {
            var shown = samples.FirstOrDefault(s => s.Count >= count);
            lags.Add((count, shown == default ? TimeSpan.MaxValue : shown.At - at));
        }

        output.WriteLine($"frozen at {frozenAt:HH:mm:ss.fff}, killed at {killedAt:HH:mm:ss.fff}; epochs seen by the API: {epochTimes.Count}");
        foreach (var (epoch, lag) in lags) output.WriteLine($"epoch {epoch}: shown {(lag == TimeSpan.MaxValue ? "never" : $"{lag.TotalMilliseconds:0} ms")} after the API had it");
        Assert.True(epochTimes.Count >= 2 * Phase.TotalMilliseconds / EpochMilliseconds * 0.5, $"the trial wrote too few epochs ({epochTimes.Count}) to judge");
        Assert.All(lags, l => Assert.True(l.Lag <= MaxLag, $"epoch {l.Epoch} reached the other viewer after {l.Lag.TotalMilliseconds:0} ms"));
        Assert.DoesNotContain("Unhandled exception", app.Output);
    }

    private static async Task<(long SearchId, long TrialId)> StartSearchAsync(HttpClient api)
    {
        var spec = new JsonObject
        {
            ["name"] = "two viewers",
            ["workload"] = "sleep",
            ["strategy"] = "random",
            ["budget"] = 1,
            ["parallelism"] = 1,
            ["epochs"] = Epochs,
            ["space"] = new JsonObject { ["initialLr"] = new JsonObject { ["low"] = 0.001, ["high"] = 0.1 } },
        };
        var searchId = await SearchApi.CreateAsync(api, spec);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var page = await api.GetFromJsonAsync<JsonObject>($"/api/searches/{searchId}/trials?state=running");
            if (page!["items"]!.AsArray().FirstOrDefault() is { } trial) return (searchId, trial["id"]!.GetValue<long>());
            await Task.Delay(100);
        }

        throw new TimeoutException("the trial never started");
    }

    /// <summary>When the API first showed each epoch count (polled every 100 ms: a late sighting only favours the viewer).</summary>
    private static async Task RecordEpochsAsync(HttpClient api, long trialId, List<(DateTimeOffset At, int Count)> into, TimeSpan duration)
    {
        var end = DateTimeOffset.UtcNow + duration;
        var first = into.Count == 0;
        while (DateTimeOffset.UtcNow < end)
        {
            var epochs = await api.GetFromJsonAsync<JsonArray>($"/api/trials/{trialId}/metrics");
            var now = DateTimeOffset.UtcNow;
            if (into.Count == 0 || epochs!.Count > into[^1].Count) into.Add((now, epochs!.Count));
            await Task.Delay(100);
        }

        if (first) into.RemoveAt(0); // the very first sighting has no "first seen" time: it may be old
    }

    private static async Task WaitForGrowthAsync(IPage page)
    {
        const string points = "() => { const e = document.querySelector('#loss-chart [data-chart]'); const c = e && window.echarts && echarts.getInstanceByDom(e); return c ? c.getOption().series.reduce((k, s) => k + s.data.length, 0) : -1; }";
        var before = await page.EvaluateAsync<int>(points);
        await page.WaitForFunctionAsync($"n => ({points})() > n", before, new() { Timeout = 15_000 });
    }
}
