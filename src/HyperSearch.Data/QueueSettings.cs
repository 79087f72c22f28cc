using HyperSearch.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Data;

/// <summary>Lease length and retry limit of the shared queue (HyperSearch:Worker:LeaseSeconds, MaxAttempts).</summary>
public sealed record QueueSettings(TimeSpan Lease, int MaxAttempts)
{
    public static QueueSettings Default { get; } = new(TimeSpan.FromSeconds(30), 3);

    // The worker's section: the queue's two settings sit beside the worker's own (WorkerOptions).
    private const string Section = "HyperSearch:Worker";

    /// <summary>The settings; a <see cref="SettingsException"/> names every mistyped key.</summary>
    public static QueueSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var settings = new SettingsReader(Section, name => section[name]);
        var result = new QueueSettings(
            TimeSpan.FromSeconds(settings.PositiveNumber("LeaseSeconds", Default.Lease.TotalSeconds)),
            settings.PositiveInteger("MaxAttempts", Default.MaxAttempts));
        settings.ThrowIfAny();
        return result;
    }
}
