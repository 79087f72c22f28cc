using HyperSearch.Core.Settings;

namespace HyperSearch.Web.Hosting;

/// <summary>
/// <c>HyperSearch:Dashboard:MaxConcurrentPrerenders</c> (4) and <c>…:PrerenderWaitMilliseconds</c> (250):
/// how many page prerenders run at once (0: none — every page renders in its circuit only), and how
/// long a page request waits for one of them before it is served without prerendering
/// (<see cref="PrerenderGate"/>).
/// </summary>
public sealed record PrerenderOptions(int MaxConcurrent, TimeSpan Wait)
{
    public const string Section = "HyperSearch:Dashboard";
    public const string MaxKey = "MaxConcurrentPrerenders";

    public static PrerenderOptions From(IConfiguration configuration)
    {
        var settings = new SettingsReader(Section, name => configuration[$"{Section}:{name}"]);
        var max = 4;
        if (settings.Text(MaxKey) is { } text && !(int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out max) && max >= 0))
            settings.Add(MaxKey, $"must be a whole number ≥ 0; got '{text}'");
        var options = new PrerenderOptions(max, TimeSpan.FromMilliseconds(settings.PositiveInteger("PrerenderWaitMilliseconds", 250)));
        settings.ThrowIfAny();
        return options;
    }
}
