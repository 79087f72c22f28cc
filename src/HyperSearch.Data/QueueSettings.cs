using Microsoft.Extensions.Configuration;

namespace HyperSearch.Data;

/// <summary>Lease length and retry limit of the shared queue (HyperSearch:Worker:LeaseSeconds, MaxAttempts).</summary>
public sealed record QueueSettings(TimeSpan Lease, int MaxAttempts)
{
    public static QueueSettings Default { get; } = new(TimeSpan.FromSeconds(30), 3);

    public static QueueSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("HyperSearch:Worker");
        var lease = double.TryParse(section["LeaseSeconds"], System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0 ? TimeSpan.FromSeconds(s) : Default.Lease;
        var attempts = int.TryParse(section["MaxAttempts"], out var a) && a > 0 ? a : Default.MaxAttempts;
        return new QueueSettings(lease, attempts);
    }
}
