using HyperSearch.Core.Searches.Queue;
using HyperSearch.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Worker;

/// <summary>
/// HyperSearch:Worker — Embedded (run in the web process), Devices ("cpu:2,cuda:0:1"),
/// HeartbeatSeconds, PollMilliseconds, RetryMaxSeconds (the longest back-off after a database fault), ExitWhenIdleSeconds; Trainer / Sampler = "fake" select the test doubles in
/// Testing/ (see docs/queue.md).
/// </summary>
public sealed record WorkerOptions
{
    public bool Embedded { get; init; } = true;
    public IReadOnlyList<DeviceSlots> Devices { get; init; } = [new DeviceSlots("cpu", 1)];
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan Poll { get; init; } = TimeSpan.FromMilliseconds(500);
    public string Host { get; init; } = Environment.MachineName;
    public string? Trainer { get; init; }
    public string? Sampler { get; init; }
    /// <summary>The first wait after a database call failed transiently; it doubles up to <see cref="RetryMax"/>.</summary>
    public TimeSpan RetryFirst { get; init; } = TimeSpan.FromMilliseconds(100);
    public TimeSpan RetryMax { get; init; } = TimeSpan.FromSeconds(5);
    /// <summary>
    /// How long a stopping worker (SIGTERM, Ctrl+C, dashboard shutdown) spends handing its running trials
    /// back to the queue; the whole stop stays under 5 s. A trial not handed back in time (the database
    /// is locked) returns to the queue when its lease expires, or at once when a worker restarts here.
    /// </summary>
    public TimeSpan StopBudget { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>
    /// Set: the worker stops by itself (handing nothing back: it holds nothing) once none of its slots has
    /// had a trial for this long — a worker started by a cluster scheduler (Slurm) frees its GPUs when the
    /// queue drains. Null (default): it serves until stopped.
    /// </summary>
    public TimeSpan? ExitWhenIdle { get; init; }

    public const string Section = "HyperSearch:Worker";

    /// <summary>The options; a <see cref="SettingsException"/> names every mistyped key (a typo is not the default).</summary>
    public static WorkerOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var settings = new SettingsReader(Section, name => section[name]);
        var devices = DeviceList.Parse(settings.Text("Devices") ?? "cpu:1");
        if (devices.Error is not null) settings.Add("Devices", devices.Error);
        var options = new WorkerOptions
        {
            Embedded = settings.Boolean("Embedded", true),
            Devices = devices.Devices,
            Heartbeat = TimeSpan.FromSeconds(settings.PositiveNumber("HeartbeatSeconds", 5)),
            Poll = TimeSpan.FromMilliseconds(settings.PositiveNumber("PollMilliseconds", 500)),
            Host = settings.Text("Host") ?? Environment.MachineName,
            Trainer = section["Trainer"],
            Sampler = section["Sampler"],
            RetryMax = TimeSpan.FromSeconds(settings.PositiveNumber("RetryMaxSeconds", 5)),
            ExitWhenIdle = settings.Text("ExitWhenIdleSeconds") is null ? null : TimeSpan.FromSeconds(settings.PositiveNumber("ExitWhenIdleSeconds", 1)),
        };
        settings.ThrowIfAny();
        return options;
    }
}
