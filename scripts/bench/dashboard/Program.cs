using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

// Dashboard benchmark: a seeded database (default 10,000 trials × 50 epochs), the real web app as
// `dotnet HyperSearch.Web.dll`, and Debian's Chromium. Measures the Search page's first render
// (server prerender over HTTP, and the browser until rows and curves are on screen) and the size of
// every chart payload the server sends over the circuit.
// The parallel coordinates, the last of the analysis charts to arrive, have a canvas.
const string ParallelChartDrawn = "() => document.querySelector('#parallel-chart canvas') !== null";
// The Search page's loss chart has an ECharts instance with its curves.
const string LossChartDrawn = """() => { const e = document.querySelector('#loss-chart [data-chart]'); const c = e && window.echarts && echarts.getInstanceByDom(e); return c && c.getOption().series.length > 0; }""";
// Recorded in the page from its first script on: the browser's clock (ms from its navigation start)
// at the first animation frame with ranked rows, with the loss curves drawn, with a live circuit
// (Search page), with the list of searches (Searches page).
const string SeenInPage = $$"""
    (() => {
      const seen = window.__hsSeen = {};
      const frame = () => {
        const now = performance.now();
        if (!seen.rows && document.querySelector('#trials-grid .hs-select')) seen.rows = now;
        if (!seen.curves && ({{LossChartDrawn}})()) seen.curves = now;
        if (!seen.live && document.querySelector('[data-circuit-live]')) seen.live = now;
        if (!seen.list && document.querySelector('.hs-search-link')) seen.list = now;
        if (!(seen.live && (seen.list || (seen.rows && seen.curves)))) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    })();
    """;

// Name–value pairs; a value may itself start with "--" (--browser-args "--disable-features=…").
var options = Enumerable.Range(0, args.Length / 2).ToDictionary(i => args[2 * i].TrimStart('-'), i => args[2 * i + 1]);
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
var trials = Option("trials", 10_000);
var epochs = Option("epochs", 50);
var runs = Option("runs", 5);
var searchCount = Option("searches", 1000);
var web = Path.GetFullPath(options.GetValueOrDefault("web") ?? throw new ArgumentException("--web <path to HyperSearch.Web.dll> is required"));
var directory = options.GetValueOrDefault("dir") ?? Path.Combine(Path.GetTempPath(), "hypersearch-bench-dashboard");
Directory.CreateDirectory(directory);
// --provider postgres --postgres "<Npgsql connection string to an admin database>" (run.sh starts a
// private cluster with scripts/test-postgres.sh when none is given); default: a SQLite file.
var provider = options.GetValueOrDefault("provider") ?? "sqlite";
var (connectionString, seeded) = provider switch
{
    "sqlite" => SqliteDatabase(),
    "postgres" => await PostgresDatabaseAsync(),
    _ => throw new ArgumentException($"--provider {provider}: use sqlite or postgres"),
};

long searchId = 1;
if (!seeded) searchId = await BenchDatabase.SeedAsync(provider, connectionString, trials, epochs, searchCount);
else Console.WriteLine($"reusing the seeded {provider} database");
// --mode seed: only seed (or find) the database, e.g. ahead of a measurement that must not share the
// machine with the seeding.
if (options.GetValueOrDefault("mode") == "seed") return;
// Debian's chromium-headless-shell (Playwright's own default for headless runs) unless --browser
// says otherwise: the full browser, even headless, ran its top-chrome WebUI (the omnibox popup,
// ~400 chrome:// requests) in another renderer during the measured first visits (each a new browser
// context), most of a core on a 2-core machine (docs/benchmarks.md, 2026-12-03).
var browserPath = options.GetValueOrDefault("browser") ?? (File.Exists("/usr/bin/chromium-headless-shell") ? "/usr/bin/chromium-headless-shell" : "/usr/bin/chromium");
Console.WriteLine($"browser: {browserPath}");
Console.WriteLine($"load average at the start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores");

var port = FreePort();
var baseUrl = $"http://127.0.0.1:{port}";
var start = new ProcessStartInfo("dotnet") { ArgumentList = { web, "--urls", baseUrl }, WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
start.Environment["HyperSearch__Database__Provider"] = provider;
start.Environment["HyperSearch__Database__ConnectionString"] = connectionString;
start.Environment["HyperSearch__Worker__Embedded"] = "false";
start.Environment["Logging__LogLevel__Default"] = "Warning";
// --server-env "NAME=VALUE;NAME=VALUE": runtime settings for the server alone, e.g.
// DOTNET_TieredCompilation=0, or DOTNET_JitStdOutFile=F with DOTNET_JitDisasmSummary=1 (every method it compiles).
foreach (var setting in (options.GetValueOrDefault("server-env") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
{
    var equals = setting.IndexOf('=');
    if (equals < 1) throw new ArgumentException($"--server-env {setting}: use NAME=VALUE");
    start.Environment[setting[..equals]] = setting[(equals + 1)..];
}
// --server-log FILE: the server's log with timestamps, every SQL command with its duration and the
// circuits' life cycle, to see where a page load's time goes on the server.
var serverLog = options.GetValueOrDefault("server-log");
if (serverLog is not null)
{
    start.Environment["Logging__Console__FormatterName"] = "simple";
    start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
    start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
    start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore.Database.Command"] = "Information";
    start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Components.Server.Circuits"] = "Debug";
    start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";
}
using var app = Process.Start(start)!;
var appOutput = new System.Collections.Concurrent.ConcurrentQueue<string>();
app.OutputDataReceived += (_, e) => { if (e.Data is not null) appOutput.Enqueue(e.Data); };
app.ErrorDataReceived += (_, e) => { if (e.Data is not null) appOutput.Enqueue(e.Data); };
app.BeginOutputReadLine();
app.BeginErrorReadLine();
try
{
    using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    try
    {
        await WaitHealthyAsync(http);
    }
    catch (TimeoutException)
    {
        Console.Error.WriteLine(string.Join('\n', appOutput));
        throw;
    }
    var pageUrl = $"/searches/{searchId}";

    // 1. Server first render: the prerendered HTML (first page of ranked trials + top-K curves' data).
    await http.GetStringAsync(pageUrl); // warm-up (JIT, connection pool)
    var server = new List<double>();
    for (var i = 0; i < runs * 2; i++)
    {
        var watch = Stopwatch.StartNew();
        var html = await http.GetStringAsync(pageUrl);
        server.Add(watch.Elapsed.TotalMilliseconds);
        if (!html.Contains("trials-grid")) throw new InvalidOperationException("the page did not render its table");
    }

    // 2. Browser: navigation → table rows on screen and the loss curves painted (interactive circuit).
    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = browserPath,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                .. (options.GetValueOrDefault("browser-args") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)],
    });

    // Server memory with ten Search pages open at once (each with its curves and analysis charts).
    async Task<(long Before, long Open)> TenSearchPagesAsync(IBrowser browser)
    {
        var before = Rss(app.Id);
        var open = new List<IBrowserContext>();
        for (var i = 0; i < 10; i++)
        {
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
            var page = await context.NewPageAsync();
            await page.GotoAsync(baseUrl + pageUrl, new() { Timeout = 120_000 });
            await page.WaitForFunctionAsync(ParallelChartDrawn, null, new() { Timeout = 120_000 });
            open.Add(context);
        }

        await Task.Delay(2000);
        var opened = Rss(app.Id);
        foreach (var context in open) await context.CloseAsync();
        return (before, opened);
    }

    // --mode server: the server's side at scale (ServerScaleRun: the reads that grow with a search's
    // trials, over HTTP) and its memory with ten Search pages open; no timed browser visits.
    if (options.GetValueOrDefault("mode") == "server")
    {
        Console.WriteLine();
        Console.WriteLine($"| request ({trials:N0} trials × {epochs} epochs, {searchCount:N0} searches, {provider}, {runs} runs) | median | max |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine($"| Search page, server render (GET {pageUrl}; the first-render runs above) | {Median(server):F0} ms | {server.Max():F0} ms |");
        await ServerScaleRun.RunAsync(http, searchId, trials, runs);
        var (before, opened) = await TenSearchPagesAsync(browser);
        Console.WriteLine($"| server memory (RSS): after the requests above → with 10 Search pages open | {before / 1024.0:F0} MB → {opened / 1024.0:F0} MB | |");
        Console.WriteLine($"| machine load average at the end | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores | |");
        return;
    }
    var browserTimes = new List<double>();
    var rowTimes = new List<double>();
    var liveTimes = new List<double>();
    var frames = new List<int>();
    var browserSplits = new List<double[]>();
    var firstCurves = new List<double>();
    // The same visit with one thing changed, interleaved with the first visits below (an A/B under one
    // machine state). --compare stock-echarts (default): the stock 1.1 MB ECharts build served instead
    // of our bundle of the parts the charts use; --compare echarts:FILE: that file served instead of
    // our bundle (e.g. our bundle built another way); --compare no-prerendered: prerendered.js
    // blocked, so charts wait for the circuit, as before prerendered drawing existed.
    var compare = options.GetValueOrDefault("compare") ?? "stock-echarts";
    Func<IBrowserContext, Task> ServeECharts(string file) => File.Exists(file)
        ? context => context.RouteAsync("**/echarts*.js", route => route.FulfillAsync(new() { Path = file, ContentType = "text/javascript" }))
        : throw new ArgumentException($"--compare {compare}: {file} does not exist (run from the repository root after npm ci)");
    Func<IBrowserContext, Task> changeOneThing = compare switch
    {
        "stock-echarts" => ServeECharts(Path.GetFullPath(Path.Combine("wwwroot-assets", "node_modules", "echarts", "dist", "echarts.min.js"))),
        _ when compare.StartsWith("echarts:", StringComparison.Ordinal) => ServeECharts(Path.GetFullPath(compare["echarts:".Length..])),
        "no-prerendered" => context => context.RouteAsync("**/prerendered*.js", route => route.AbortAsync()),
        _ => throw new ArgumentException($"--compare {compare}: use stock-echarts, echarts:FILE or no-prerendered"),
    };
    var compared = new List<SearchVisit>();
    var traceFile = options.GetValueOrDefault("trace");
    var traceNext = false;

    // One first visit (empty cache) of the Search page: rows on screen, circuit live, the curves first
    // on screen (prerendered or live, whichever is first) and drawn by the circuit.
    async Task<SearchVisit> VisitSearchPageAsync(bool changed, Action<IPage>? watchPage = null)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        if (changed) await changeOneThing(context);
        var page = await context.NewPageAsync();
        watchPage?.Invoke(page);
        // --trace FILE: a Chromium performance trace of the last counted first visit (open it in
        // chrome://tracing or Perfetto) — what the browser's main thread did until the curves were drawn.
        var tracing = !changed && traceFile is not null && traceNext;
        var trace = tracing ? await ChromiumTrace.StartAsync(context, page) : null;
        // Playwright's own waits put its injected script (~0.1 s to compile here) and pollers on the
        // page's main thread during the load they measure, and see a frame 0.15–0.45 s after the
        // browser drew it. So the first visits are timed by a small recorder in the page instead
        // (SeenInPage): the browser's clock at the first frame showing rows, curves, a live circuit.
        await context.AddInitScriptAsync(SeenInPage);
        var requested = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(baseUrl + pageUrl, new() { WaitUntil = WaitUntilState.Commit });
        var seen = (await SeenAsync<double[]?>(page, "() => { const s = window.__hsSeen; return s && s.rows && s.curves && s.live ? [s.rows, s.curves, s.live] : null; }"))!;

        // The circuit's own drawing of the curves replaces the prerendered one.
        await page.WaitForFunctionAsync(LossChartDrawn);
        var curvesLive = watch.Elapsed.TotalMilliseconds;
        var (firstPaint, navigationStartDelay) = await BrowserClockAsync(page, requested);
        // Chromium runs animation frames before its first paint while styles still block rendering:
        // a frame with rows is on screen at the first paint at the earliest.
        seen = [.. seen.Select(t => Math.Max(t, firstPaint))];
        double[] split = [.. await NavigationSplitAsync(page), seen[0], seen[1]];
        if (trace is not null) await trace.StopAsync(traceFile!);
        // Let the analysis charts (scatter, best-so-far, parallel coordinates) arrive too.
        await page.WaitForFunctionAsync(ParallelChartDrawn, null, new() { Timeout = 60_000 });
        await page.WaitForTimeoutAsync(500);
        await context.CloseAsync();
        return new SearchVisit(navigationStartDelay + seen[0], navigationStartDelay + seen[2], navigationStartDelay + seen[1], curvesLive, split, navigationStartDelay);
    }

    var coldRun = "";
    var chartFrames = new List<int>();
    var harnessDelays = new List<double>();
    for (var i = 0; i <= runs; i++)
    {
        var received = new List<int>();
        var chartCandidates = new List<int>();
        var navigation = DateTime.UtcNow;
        traceNext = i == runs;
        var visit = await VisitSearchPageAsync(false, page => page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
        {
            received.Add(frame.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? ""));
            // Chart payloads travel as JS interop calls of our chart modules (init/update/append).
            var head = frame.Binary is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 64)) : (frame.Text ?? "")[..Math.Min(64, frame.Text?.Length ?? 0)];
            if (head.Contains("BeginInvokeJS") && (head.Contains("init") || head.Contains("update") || head.Contains("append")) && received.Count > 0) chartCandidates.Add(received[^1]);
            if (options.ContainsKey("dump") && received[^1] > 20_000)
            {
                var text = frame.Text ?? System.Text.Encoding.UTF8.GetString(frame.Binary!);
                Console.WriteLine($"--- {received[^1]} bytes: {new string(text.Take(300).Select(c => char.IsControl(c) ? '.' : c).ToArray())}");
            }
        });
        if (serverLog is not null) Console.WriteLine($"run {i}: navigation at {navigation:HH:mm:ss.fff}, rows {visit.Rows:F0} ms, live {visit.Live:F0} ms, curves {visit.CurvesLive:F0} ms");
        if (i == 0) coldRun = $"{visit.Rows:F0} / {visit.Live:F0} / {visit.CurvesLive:F0} ms";
        if (i > 0)
        {
            // Run 0 warms the server's circuit code paths.
            browserTimes.Add(visit.CurvesLive);
            rowTimes.Add(visit.Rows);
            liveTimes.Add(visit.Live);
            firstCurves.Add(visit.CurvesOnScreen);
            browserSplits.Add(visit.Split);
            harnessDelays.Add(visit.NavigationStartDelay);
            compared.Add(await VisitSearchPageAsync(true));
        }
        if (i == runs)
        {
            frames.AddRange(received);
            chartFrames.AddRange(chartCandidates);
        }
    }

    // Returning visitor: the same steps in one browser context that has opened the page before, so
    // scripts and styles come from the HTTP cache (as for a team member who keeps the dashboard open
    // and navigates to a search); the runs above are first visits with an empty cache.
    var warmRows = new List<double>();
    var warmCurves = new List<double>();
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        for (var i = 0; i <= runs; i++)
        {
            var page = await context.NewPageAsync();
            var watch = Stopwatch.StartNew();
            await page.GotoAsync(baseUrl + pageUrl, new() { WaitUntil = WaitUntilState.Commit });
            var curvesSeen = ElapsedWhenAsync(page.WaitForFunctionAsync(LossChartDrawn), watch);
            await page.WaitForSelectorAsync("#trials-grid .hs-select");
            var rowsAt = watch.Elapsed.TotalMilliseconds;
            if (i > 0)
            {
                warmRows.Add(rowsAt);
                warmCurves.Add(await curvesSeen);
            }
            await page.WaitForFunctionAsync(ParallelChartDrawn, null, new() { Timeout = 60_000 });
            await page.CloseAsync();
        }
        await context.CloseAsync();
    }

    // Baseline: the same browser steps on a light page (the schedule playground: a form and one
    // small chart), to tell the framework's own start-up (scripts, styles, circuit) from the Search
    // page's work. (It used to be the Queue page, which is not light here: it lists the 999 seeded
    // searches that wait for their first trial; measured on its own below.)
    var baseline = new List<double>();
    for (var i = 0; i <= runs; i++)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        var watch = Stopwatch.StartNew();
        await page.GotoAsync(baseUrl + "/playground", new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForSelectorAsync("[data-circuit-live]", new() { State = WaitForSelectorState.Attached });
        if (i > 0) baseline.Add(watch.Elapsed.TotalMilliseconds);
        await context.CloseAsync();
    }

    // The Queue page once, with every search waiting for a slot (a generous timeout: it may be slow).
    string queueLive;
    var queueFrames = new List<int>();
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => queueFrames.Add(frame.Binary?.Length ?? System.Text.Encoding.UTF8.GetByteCount(frame.Text ?? ""));
        var watch = Stopwatch.StartNew();
        try
        {
            await page.GotoAsync(baseUrl + "/queue", new() { WaitUntil = WaitUntilState.Commit });
            await page.WaitForSelectorAsync("[data-circuit-live]", new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
            queueLive = $"{watch.Elapsed.TotalMilliseconds:F0} ms";
        }
        catch (TimeoutException)
        {
            queueLive = "> 120 s (not live)";
        }

        await context.CloseAsync();
    }

    // The Searches page with every search (rows on screen after navigation, timed in the page).
    var listTimes = new List<double>();
    var listFirstPaints = new List<double>();
    for (var i = 0; i <= runs; i++)
    {
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        await context.AddInitScriptAsync(SeenInPage); // timed in the page, as the Search page's visits
        var requested = DateTime.UtcNow;
        await page.GotoAsync(baseUrl + "/", new() { WaitUntil = WaitUntilState.Commit });
        var listed = await SeenAsync<double?>(page, "() => window.__hsSeen?.list ?? null");
        // The rows count from the first paint at the earliest.
        var (firstPaint, navigationStartDelay) = await BrowserClockAsync(page, requested);
        if (i > 0)
        {
            listTimes.Add(navigationStartDelay + Math.Max(listed!.Value, firstPaint));
            listFirstPaints.Add(firstPaint);
        }
        await context.CloseAsync();
    }

    var (rssBefore, rssOpen) = await TenSearchPagesAsync(browser);

    frames.Sort();
    Console.WriteLine();
    Console.WriteLine($"| measure ({trials:N0} trials × {epochs} epochs, {searchCount:N0} searches, {runs} runs, {provider}) | median | max |");
    Console.WriteLine("|---|---|---|");
    Console.WriteLine($"| server first render (GET {pageUrl}, prerendered HTML) | {Median(server):F0} ms | {server.Max():F0} ms |");
    Console.WriteLine($"| browser: navigation → ranked rows on screen (prerendered; in-page recorder, see SeenInPage) | {Median(rowTimes):F0} ms | {rowTimes.Max():F0} ms |");
    Console.WriteLine($"| browser: navigation → interactive circuit live | {Median(liveTimes):F0} ms | {liveTimes.Max():F0} ms |");
    Console.WriteLine($"| browser: navigation → loss curves on screen (prerendered spec, before the circuit) | {Median(firstCurves):F0} ms | {firstCurves.Max():F0} ms |");
    Console.WriteLine($"| browser: navigation → loss curves drawn by the live circuit | {Median(browserTimes):F0} ms | {browserTimes.Max():F0} ms |");
    Console.WriteLine($"| same run, interleaved, --compare {compare}: rows / curves on screen / live / curves drawn live | {Median(compared.Select(v => v.Rows).ToList()):F0} / {Median(compared.Select(v => v.CurvesOnScreen).ToList()):F0} / {Median(compared.Select(v => v.Live).ToList()):F0} / {Median(compared.Select(v => v.CurvesLive).ToList()):F0} ms | |");
    Console.WriteLine($"| browser's own clock (first visits, from its navigation start): first byte / HTML received / DOMContentLoaded / first paint / rows on screen / curves on screen | {string.Join(" / ", Enumerable.Range(0, 6).Select(k => $"{Median(browserSplits.Select(x => x[k]).ToList()):F0}"))} ms | max {string.Join(" / ", Enumerable.Range(0, 6).Select(k => $"{browserSplits.Max(x => x[k]):F0}"))} |");
    Console.WriteLine($"| first visits: the harness's request → the browser's navigation start (included in the navigation figures) | {Median(harnessDelays):F0} ms | {harnessDelays.Max():F0} ms |");
    Console.WriteLine($"| returning visitor (cached scripts and styles): navigation → rows / curves on screen | {Median(warmRows):F0} / {Median(warmCurves):F0} ms | {warmRows.Max():F0} / {warmCurves.Max():F0} ms |");
    Console.WriteLine($"| run 0 (not counted: cold server, first build of the shared analysis and importance): rows / live / curves | {coldRun} | |");
    Console.WriteLine($"| baseline: navigation → circuit live on the (light) Playground page | {Median(baseline):F0} ms | {baseline.Max():F0} ms |");
    Console.WriteLine($"| Queue page ({searchCount - 1:N0} searches waiting): navigation → circuit live, one run | {queueLive} | largest message {queueFrames.DefaultIfEmpty(0).Max() / 1024.0:F1} kB |");
    Console.WriteLine($"| Searches page ({searchCount:N0} searches): navigation → rows on screen (its first paint on the browser's clock) | {Median(listTimes):F0} ms ({Median(listFirstPaints):F0} ms) | {listTimes.Max():F0} ms |");
    Console.WriteLine($"| server memory (RSS): before → with 10 Search pages open | {rssBefore / 1024.0:F0} MB → {rssOpen / 1024.0:F0} MB | |");
    Console.WriteLine($"| machine load average at the end | {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores | |");
    Console.WriteLine($"| largest chart payload (JS interop init/update/append) | {chartFrames.DefaultIfEmpty(0).Max() / 1024.0:F1} kB | |");
    Console.WriteLine($"| largest circuit message (render batch or chart) | {frames[^1] / 1024.0:F1} kB | |");
    Console.WriteLine($"| all circuit messages of one page load | {frames.Sum() / 1024.0:F1} kB ({frames.Count} messages) | |");
    Console.WriteLine($"| five largest messages | {string.Join(", ", frames.TakeLast(5).Reverse().Select(f => $"{f / 1024.0:F1} kB"))} | |");
}
finally
{
    app.Kill(entireProcessTree: true);
    if (serverLog is not null) File.WriteAllLines(serverLog, appOutput);
}

// Polls the in-page recorder (SeenInPage) with plain evaluations until it has what the expression
// asks for: Playwright's own waits would load its injected script into the page it measures.
static async Task<T> SeenAsync<T>(IPage page, string expression)
{
    var watch = Stopwatch.StartNew();
    while (true)
    {
        if (await page.EvaluateAsync<T>(expression) is { } seen) return seen;
        if (watch.Elapsed > TimeSpan.FromSeconds(60)) throw new TimeoutException($"not seen in 60 s: {expression}");
        await Task.Delay(50);
    }
}

// The first paint on the browser's clock (waited for: it may come after what the recorder saw), and
// how long after the harness's request (at `requested`) the browser's navigation started: its clock
// starts there (performance.timeOrigin, wall-clock ms; one system clock, so the two add up).
static async Task<(double FirstPaint, double NavigationStartDelay)> BrowserClockAsync(IPage page, DateTime requested)
{
    var firstPaint = (await SeenAsync<double?>(page, "() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null"))!.Value;
    var navigationStart = await page.EvaluateAsync<double>("performance.timeOrigin");
    return (firstPaint, navigationStart - (requested - DateTime.UnixEpoch).TotalMilliseconds);
}

static async Task<double> ElapsedWhenAsync(Task task, Stopwatch watch)
{
    await task;
    return watch.Elapsed.TotalMilliseconds;
}

// The browser's own timestamps (ms from navigation start): first byte, whole HTML, DOMContentLoaded,
// first contentful paint, which tell the network and server part from the browser's parse and start-up.
static async Task<double[]> NavigationSplitAsync(IPage page) =>
    await page.EvaluateAsync<double[]>("""
        () => { const n = performance.getEntriesByType('navigation')[0];
                const p = performance.getEntriesByName('first-contentful-paint')[0];
                return [n.responseStart, n.responseEnd, n.domContentLoadedEventEnd, p ? p.startTime : -1]; }
        """);

(string ConnectionString, bool Seeded) SqliteDatabase()
{
    var database = Path.Combine(directory, $"bench-{trials}x{epochs}-{searchCount}s.db");
    return ($"Data Source={database}", File.Exists(database));
}

// One database per size; seeded under a temporary name and renamed when complete, so an interrupted
// seeding is never mistaken for a finished one.
async Task<(string ConnectionString, bool Seeded)> PostgresDatabaseAsync()
{
    var admin = options.GetValueOrDefault("postgres") ?? throw new ArgumentException("--provider postgres needs --postgres <connection string>");
    var name = $"bench_{trials}x{epochs}_{searchCount}s";
    var target = new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    await using var connection = new Npgsql.NpgsqlConnection(admin);
    await connection.OpenAsync();
    async Task<bool> ExistsAsync(string db)
    {
        await using var exists = new Npgsql.NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", db);
        return await exists.ExecuteScalarAsync() is not null;
    }

    async Task ExecuteAsync(string sql)
    {
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    if (await ExistsAsync(name)) return (target, true);
    var seeding = name + "_seeding";
    await ExecuteAsync($"DROP DATABASE IF EXISTS \"{seeding}\"");
    await ExecuteAsync($"CREATE DATABASE \"{seeding}\"");
    await BenchDatabase.SeedAsync("postgres", new Npgsql.NpgsqlConnectionStringBuilder(admin) { Database = seeding }.ConnectionString, trials, epochs, searchCount);
    Npgsql.NpgsqlConnection.ClearAllPools();
    await ExecuteAsync($"ALTER DATABASE \"{seeding}\" RENAME TO \"{name}\"");
    // The planner's statistics, as a database that has been in use would have them.
    await using (var seeded = new Npgsql.NpgsqlConnection(target))
    {
        await seeded.OpenAsync();
        await using var analyze = new Npgsql.NpgsqlCommand("VACUUM ANALYZE", seeded);
        analyze.CommandTimeout = 600;
        await analyze.ExecuteNonQueryAsync();
    }

    return (target, true);
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

static async Task WaitHealthyAsync(HttpClient http)
{
    for (var i = 0; i < 300; i++)
    {
        try
        {
            if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
        }
        catch (HttpRequestException) { }
        catch (TaskCanceledException) { }
        await Task.Delay(200);
    }

    throw new TimeoutException("the web app did not start");
}

// Resident memory of a process in kB, from /proc.
static long Rss(int pid) =>
    long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:"))[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

// A Chromium performance trace over the DevTools protocol (Playwright .NET has no tracing API of its own).
sealed class ChromiumTrace(ICDPSession session)
{
    private readonly ICDPSession session = session;
    private readonly List<string> events = [];
    private readonly TaskCompletionSource complete = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<ChromiumTrace> StartAsync(IBrowserContext context, IPage page)
    {
        var trace = new ChromiumTrace(await context.NewCDPSessionAsync(page));
        trace.session.Event("Tracing.dataCollected").OnEvent += (_, data) =>
        {
            foreach (var item in data!.Value.GetProperty("value").EnumerateArray()) trace.events.Add(item.GetRawText());
        };
        trace.session.Event("Tracing.tracingComplete").OnEvent += (_, _) => trace.complete.TrySetResult();
        await trace.session.SendAsync("Tracing.start", new Dictionary<string, object>
        {
            ["transferMode"] = "ReportEvents",
            ["traceConfig"] = new Dictionary<string, object> { ["includedCategories"] = new[] { "devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing", "loading", "netlog", "toplevel", "disabled-by-default-v8.compile" } },
        });
        return trace;
    }

    public async Task StopAsync(string path)
    {
        await session.SendAsync("Tracing.end");
        await complete.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await File.WriteAllTextAsync(path, "{\"traceEvents\":[" + string.Join(",\n", events) + "]}");
    }
}

record SearchVisit(double Rows, double Live, double CurvesOnScreen, double CurvesLive, double[] Split, double NavigationStartDelay);
