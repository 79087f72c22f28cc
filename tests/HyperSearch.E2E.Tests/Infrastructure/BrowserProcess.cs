using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Playwright;

namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>
/// A Chromium of its own (a separate OS process tree, as a second person's laptop would be), driven
/// over the DevTools protocol so the test can freeze it (SIGSTOP: a closed laptop lid — the socket
/// stays open, nothing answers) or kill it (SIGKILL) without closing its tabs.
/// </summary>
public sealed class BrowserProcess : IAsyncDisposable
{
    private const int SigKill = 9;
    private const int SigStop = 19;
    private readonly Process process;
    private readonly string profile;
    private readonly IPlaywright playwright;

    private BrowserProcess(Process process, string profile, IPlaywright playwright, IBrowser browser)
    {
        this.process = process;
        this.profile = profile;
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public int ProcessId => process.Id;

    public static async Task<BrowserProcess> StartAsync()
    {
        var profile = Directory.CreateTempSubdirectory("hypersearch-chromium-").FullName;
        var start = new ProcessStartInfo("/usr/bin/chromium")
        {
            ArgumentList =
            {
                "--headless=new", "--remote-debugging-port=0", $"--user-data-dir={profile}",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "about:blank",
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start chromium");
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!File.Exists(portFile) || (await File.ReadAllLinesAsync(portFile)).Length < 1)
        {
            if (DateTime.UtcNow > deadline || process.HasExited) throw new InvalidOperationException("chromium did not open its DevTools port");
            await Task.Delay(100);
        }

        var port = (await File.ReadAllLinesAsync(portFile))[0].Trim();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.ConnectOverCDPAsync($"http://127.0.0.1:{port}");
        return new BrowserProcess(process, profile, playwright, browser);
    }

    public async Task<IPage> OpenLiveAsync(string url)
    {
        var context = Browser.Contexts.FirstOrDefault() ?? await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetViewportSizeAsync(1400, 900);
        await page.GotoAsync(url);
        await page.WaitForCircuitAsync();
        return page;
    }

    /// <summary>Stops every process of this browser: its sockets stay open and nothing answers.</summary>
    public void Freeze() => Signal(SigStop);

    /// <summary>Kills every process of this browser at once, tabs still open.</summary>
    public void Kill() => Signal(SigKill);

    private void Signal(int signal)
    {
        foreach (var pid in Tree(process.Id)) _ = SendSignal(pid, signal);
    }

    /// <summary>The process and all its descendants, from /proc (Chromium forks renderers, GPU and utility processes).</summary>
    private static List<int> Tree(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1]);
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        var tree = new List<int> { root };
        for (var i = 0; i < tree.Count; i++) tree.AddRange(parents.Where(p => p.Value == tree[i]).Select(p => p.Key));
        return tree;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
        playwright.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // A renderer may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
