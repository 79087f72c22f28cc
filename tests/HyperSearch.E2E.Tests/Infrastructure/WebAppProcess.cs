using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HyperSearch.E2E.Tests.Infrastructure;

/// <summary>
/// The real dashboard as a child process on a free loopback port, with its own temporary SQLite
/// file, exactly as `dotnet HyperSearch.Web.dll` runs it.
/// </summary>
public sealed class WebAppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    public string BaseUrl { get; }

    /// <summary>The server's process id (tests read its threads from /proc).</summary>
    public int ProcessId => process.Id;
    public string DataDirectory { get; }

    private WebAppProcess(Process process, string baseUrl, string dataDirectory)
    {
        this.process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
    }

    public string Output
    {
        get { lock (output) { return output.ToString(); } }
    }

    /// <summary>The app's warnings and errors so far, each with its message line (for a failing test's message).</summary>
    public string Warnings
    {
        get
        {
            var lines = Output.Split('\n');
            var picked = new StringBuilder();
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("warn:", StringComparison.Ordinal) && !lines[i].StartsWith("fail:", StringComparison.Ordinal)) continue;
                picked.AppendLine(lines[i].TrimEnd());
                if (i + 1 < lines.Length) picked.AppendLine(lines[i + 1].TrimEnd());
            }

            return picked.Length == 0 ? "(none)" : picked.ToString();
        }
    }

    /// <param name="baseUrl">The address to listen on; a free loopback port when null (pass the old one to restart in place).</param>
    public static async Task<WebAppProcess> StartAsync(IDictionary<string, string>? settings = null, string? dataDirectory = null, string? baseUrl = null)
    {
        var app = Launch(settings, dataDirectory, baseUrl);
        await app.WaitUntilHealthyAsync();
        return app;
    }

    /// <summary>Starts the app and waits for it to end by itself (a start-up that must fail): exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunUntilExitAsync(IDictionary<string, string> settings, TimeSpan timeout, string? baseUrl = null)
    {
        await using var app = Launch(settings, null, baseUrl);
        using var cancel = new CancellationTokenSource(timeout);
        await app.process.WaitForExitAsync(cancel.Token);
        app.process.WaitForExit(); // drains the redirected output
        return (app.process.ExitCode, app.Output);
    }

    private static WebAppProcess Launch(IDictionary<string, string>? settings, string? dataDirectory, string? baseUrl)
    {
        dataDirectory ??= Directory.CreateTempSubdirectory("hypersearch-e2e-").FullName;
        baseUrl ??= $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { RepositoryPaths.WebAssembly, "--urls", baseUrl },
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["HyperSearch__Database__ConnectionString"] = $"Data Source={Path.Combine(dataDirectory, "hypersearch.db")}";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the web app");
        var app = new WebAppProcess(process, baseUrl, dataDirectory);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) { output.AppendLine(line); }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the web app exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(BaseUrl + "/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the web app did not become healthy:\n{Output}");
    }

    /// <summary>Ends the process the hard way, as a crash or a power cut would.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
