using System.Diagnostics;
using System.Text.Json;

/// <summary>
/// The dashboard's server-side work at a size (--server-only): each page's and API call's response
/// time over HTTP from the running app, as a user's request would see it (the server's query,
/// prerender and serialisation, no browser). These are the reads that grow with the trials of a
/// search: the ranked page (and a deep page and a sort without an index), one trial's curve, an
/// overlay of the ten best trials' curves, the Search and Searches pages. Median and max of
/// <c>runs</c> requests after one warm-up request each.
/// </summary>
internal static class ServerScaleRun
{
    public static async Task<List<string>> RunAsync(HttpClient http, long searchId, int trials, int runs)
    {
        var ranked = await http.GetStringAsync($"/api/searches/{searchId}/trials?take=10");
        var ids = JsonDocument.Parse(ranked).RootElement.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
        if (ids.Count < 10) throw new InvalidOperationException($"the seeded search has {ids.Count} ranked trials; expected 10");
        var best = ids[0];
        var overlay = string.Join(',', ids);

        var cases = new (string Name, string Url, string MustContain)[]
        {
            ("ranked rows, API page 1 (50 rows, with the total)", $"/api/searches/{searchId}/trials?take=50", "\"items\""),
            ($"ranked rows, API deep page (skip {trials / 2:N0})", $"/api/searches/{searchId}/trials?skip={trials / 2}&take=50", "\"items\""),
            ("rows filtered (decay ∈ {cosine, step}) sorted by initial LR, API", $"/api/searches/{searchId}/trials?decay=cosine,step&sort=initialLr&desc=true&take=50", "\"items\""),
            ("Search page, server render (ranked page + top-10 curves)", $"/searches/{searchId}", "trials-grid"),
            ("one trial's curve, API (its epochs)", $"/api/trials/{best}/metrics", "["),
            ("one trial's page, server render", $"/trials/{best}", "<html"),
            ("overlay: Compare page of the 10 best, server render", $"/compare?trials={overlay}", "<html"),
            ("Searches page, server render", "/", "hs-search-link"),
            ("searches list, API (50, with state counts)", "/api/searches?take=50", "["),
        };

        var lines = new List<string>();
        foreach (var (name, url, mustContain) in cases)
        {
            var times = new List<double>();
            for (var i = 0; i <= runs; i++)
            {
                var watch = Stopwatch.StartNew();
                var response = await http.GetAsync(url);
                var body = await response.Content.ReadAsStringAsync();
                var elapsed = watch.Elapsed.TotalMilliseconds;
                if (!response.IsSuccessStatusCode || !body.Contains(mustContain, StringComparison.Ordinal))
                    throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode}, {body.Length} bytes without '{mustContain}'");
                if (i > 0) times.Add(elapsed); // request 0 warms the server (JIT, caches, connection pool)
            }
            times.Sort();
            lines.Add($"| {name} | {times[times.Count / 2]:F0} ms | {times[^1]:F0} ms |");
            Console.WriteLine(lines[^1]);
        }
        return lines;
    }
}
