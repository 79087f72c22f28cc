using HyperSearch.Core.Settings;
using Microsoft.Extensions.Configuration;

namespace HyperSearch.Data;

/// <summary>Lease length and retry limit of the shared queue (HyperSearch:Worker:LeaseSeconds, MaxAttempts).</summary>
public sealed record QueueSettings(TimeSpan Lease, int MaxAttempts)
{
    public static QueueSettings Default { get; } = new(TimeSpan.FromSeconds(30), 3);

    /// <summary>The settings; a <see cref="SettingsException"/> names every mistyped key.</summary>
    public static QueueSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("HyperSearch:Worker");
        var settings = new SettingsReader("HyperSearch:Worker", name => section[name]);
        var result = new QueueSettings(
            TimeSpan.FromSeconds(settings.PositiveNumber("LeaseSeconds", Default.Lease.TotalSeconds)),
            settings.PositiveInteger("MaxAttempts", Default.MaxAttempts));
        settings.ThrowIfAny();
        return result;
    }
}
