using System.Globalization;
using HyperSearch.Core.Searches.Queue;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Worker;

/// <summary>
/// HyperSearch:Worker — Embedded (run in the web process), Devices ("cpu:2,cuda:0:1"),
/// HeartbeatSeconds, PollMilliseconds, RetryMaxSeconds (the longest back-off after a database fault); Trainer / Sampler = "fake" select the test doubles in
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

    public static WorkerOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("HyperSearch:Worker");
        var devices = section["Devices"] is { Length: > 0 } text ? DeviceList.Parse(text) : DeviceList.Parse("cpu:1");
        if (devices.Error is not null) throw new InvalidOperationException($"HyperSearch:Worker:Devices: {devices.Error}");
        return new WorkerOptions
        {
            Embedded = !bool.TryParse(section["Embedded"], out var embedded) || embedded,
            Devices = devices.Devices,
            Heartbeat = Seconds(section["HeartbeatSeconds"], TimeSpan.FromSeconds(5)),
            Poll = TimeSpan.FromMilliseconds(double.TryParse(section["PollMilliseconds"], CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 500),
            Host = section["Host"] is { Length: > 0 } host ? host : Environment.MachineName,
            Trainer = section["Trainer"],
            Sampler = section["Sampler"],
            RetryMax = Seconds(section["RetryMaxSeconds"], TimeSpan.FromSeconds(5)),
        };
    }

    private static TimeSpan Seconds(string? text, TimeSpan fallback) =>
        double.TryParse(text, CultureInfo.InvariantCulture, out var s) && s > 0 ? TimeSpan.FromSeconds(s) : fallback;
}
