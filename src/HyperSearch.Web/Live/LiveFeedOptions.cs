using HyperSearch.Core.Settings;

namespace HyperSearch.Web.Live;

/// <summary>HyperSearch:Dashboard settings of the live feed.</summary>
public sealed class LiveFeedOptions
{
    public const string Section = "HyperSearch:Dashboard";

    /// <summary>How often the feed reads new metrics and state changes for all viewers.</summary>
    public int LiveFeedMilliseconds { get; set; } = 1000;

    /// <summary>
    /// Longest wait for a browser to answer one JS call made by a live update (chart append/update).
    /// Past it the update moves on; a vanished browser would otherwise hold its page for a minute.
    /// </summary>
    public int JsCallTimeoutMilliseconds { get; set; } = 3000;

    /// <summary>A subscriber busy with one delivery for longer than this gets a warning in the log.</summary>
    public int SlowDeliveryWarningMilliseconds { get; set; } = 5000;

    /// <summary>Epochs held for one busy or disconnected subscriber; past this they are dropped and its next update says so (Gap).</summary>
    public int MaxBufferedEpochs { get; set; } = 20_000;

    /// <summary>Every mistyped key of the section, one line each: the binder would otherwise throw in the
    /// first circuit that reads the options, and accept a zero or negative interval.</summary>
    public static IReadOnlyList<string> Problems(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var settings = new SettingsReader(Section, name => section[name]);
        foreach (var property in typeof(LiveFeedOptions).GetProperties().Where(p => p.PropertyType == typeof(int))) settings.PositiveInteger(property.Name, 0);
        return settings.Problems;
    }
}
